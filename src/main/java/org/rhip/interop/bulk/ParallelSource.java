package org.rhip.interop.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import ca.uhn.fhir.parser.IParser;

/**
 * Reads a file in chunks on the caller's thread and parses each chunk on a pool, a few chunks ahead
 * of the caller, who gets the batches back in file order. So parsing runs while the caller commits
 * the previous batch, and memory holds only the chunks in flight. A chunk is parsed in as many parts
 * as there are cores, so that the first batch of a file, which nothing overlaps, is ready soon.
 */
abstract class ParallelSource<T> implements BatchSource {

	/** Chunks parsed ahead of the one the caller is committing. */
	private static final int AHEAD = 3;

	/** A chunk is parsed in parts of at least this many records. */
	private static final int MIN_PART = 250;

	private static final int PARTS = Math.max(1, Runtime.getRuntime().availableProcessors());

	/** Raw records of one chunk with their lines, and where in the file the chunk ends. */
	record Chunk<T>(List<T> items, long[] lines, long lastLine, long bytesRead) {
	}

	/** A chunk being parsed: its parts in order. */
	private record Pending(List<Future<List<Parsed>>> parts, long lastLine, long bytesRead) {
	}

	private final ExecutorService parsers;

	private final Deque<Pending> ahead = new ArrayDeque<>();

	private boolean end;

	ParallelSource(ExecutorService parsers) {
		this.parsers = parsers;
	}

	/** The next chunk (a batch's worth of records), empty at the end of the file. */
	protected abstract Optional<Chunk<T>> readChunk() throws IOException;

	/** Turns one raw record into what it holds (a CSV row may make several resources). */
	protected abstract void parse(IParser parser, long line, T item, List<Parsed> out);

	@Override
	public Optional<Batch> next() throws IOException {
		fill();
		Pending head = ahead.poll();
		if (head == null) {
			return Optional.empty();
		}
		try {
			List<Parsed> items = new ArrayList<>();
			for (Future<List<Parsed>> part : head.parts()) {
				items.addAll(part.get());
			}
			return Optional.of(new Batch(items, head.lastLine(), head.bytesRead()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("import interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException(ex.getCause());
		}
	}

	private void fill() throws IOException {
		while (!end && ahead.size() < AHEAD) {
			Optional<Chunk<T>> chunk;
			try {
				chunk = readChunk();
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			if (chunk.isEmpty()) {
				end = true;
				return;
			}
			Chunk<T> c = chunk.get();
			int n = c.items().size();
			int parts = Math.max(1, Math.min(PARTS, n / MIN_PART));
			List<Future<List<Parsed>>> futures = new ArrayList<>(parts);
			for (int p = 0; p < parts; p++) {
				int from = (int) ((long) n * p / parts);
				int to = (int) ((long) n * (p + 1) / parts);
				futures.add(parsers.submit(() -> parseRange(c, from, to)));
			}
			ahead.add(new Pending(futures, c.lastLine(), c.bytesRead()));
		}
	}

	private List<Parsed> parseRange(Chunk<T> chunk, int from, int to) {
		IParser parser = FhirJson.parser();
		List<Parsed> out = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			parse(parser, chunk.lines()[i], chunk.items().get(i), out);
		}
		return out;
	}

	@Override
	public void close() throws IOException {
		ahead.forEach(p -> p.parts().forEach(f -> f.cancel(true)));
		ahead.clear();
		closeInput();
	}

	protected abstract void closeInput() throws IOException;

}
