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
 * the previous batch, and memory holds only the chunks in flight.
 */
abstract class ParallelSource<T> implements BatchSource {

	/** Chunks parsed ahead of the one the caller is committing. */
	private static final int AHEAD = 3;

	/** Raw records of one chunk with their lines, and where in the file the chunk ends. */
	record Chunk<T>(List<T> items, long[] lines, long lastLine, long bytesRead) {
	}

	private final ExecutorService parsers;

	private final Deque<Future<Batch>> ahead = new ArrayDeque<>();

	private boolean end;

	ParallelSource(ExecutorService parsers) {
		this.parsers = parsers;
	}

	/** The next chunk of at most {@code max} records, empty at the end of the file. */
	protected abstract Optional<Chunk<T>> readChunk() throws IOException;

	/** Turns one raw record into what it holds (a CSV row may make several resources). */
	protected abstract void parse(IParser parser, long line, T item, List<Parsed> out);

	@Override
	public Optional<Batch> next() throws IOException {
		fill();
		Future<Batch> head = ahead.poll();
		if (head == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(head.get());
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
			ahead.add(parsers.submit(() -> parseChunk(c)));
		}
	}

	private Batch parseChunk(Chunk<T> chunk) {
		IParser parser = FhirJson.parser();
		List<Parsed> out = new ArrayList<>(chunk.items().size());
		for (int i = 0; i < chunk.items().size(); i++) {
			parse(parser, chunk.lines()[i], chunk.items().get(i), out);
		}
		return new Batch(out, chunk.lastLine(), chunk.bytesRead());
	}

	@Override
	public void close() throws IOException {
		ahead.forEach(f -> f.cancel(true));
		ahead.clear();
		closeInput();
	}

	protected abstract void closeInput() throws IOException;

}
