package org.rhip.interop.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import ca.uhn.fhir.parser.IParser;

/**
 * FHIR NDJSON (the Bulk Data export format): one resource per line, UTF-8, blank lines ignored.
 * A line that is not a valid R4 resource is rejected with its line number; the rest are kept.
 */
final class NdjsonSource extends ParallelSource<String> {

	private final CountingInputStream raw;

	private final BufferedReader in;

	private final int batchSize;

	private long line;

	NdjsonSource(Path file, String name, int batchSize, long afterLine, ExecutorService parsers) throws IOException {
		super(parsers);
		this.raw = Inputs.counting(file);
		this.in = new BufferedReader(new InputStreamReader(Inputs.decompressed(raw, name), StandardCharsets.UTF_8), 1 << 16);
		this.batchSize = batchSize;
		while (line < afterLine && in.readLine() != null) {
			line++;
		}
	}

	@Override
	protected Optional<Chunk<String>> readChunk() throws IOException {
		List<String> texts = new ArrayList<>(batchSize);
		long[] lines = new long[batchSize];
		long before = line;
		String text;
		while (texts.size() < batchSize && (text = in.readLine()) != null) {
			line++;
			if (line == 1 && text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (!text.isBlank()) {
				lines[texts.size()] = line;
				texts.add(text);
			}
		}
		return line == before ? Optional.empty() : Optional.of(new Chunk<>(texts, lines, line, raw.count()));
	}

	@Override
	protected void parse(IParser parser, long line, String text, List<Parsed> out) {
		out.add(FhirJson.parse(parser, line, text));
	}

	@Override
	protected void closeInput() throws IOException {
		in.close();
	}

}
