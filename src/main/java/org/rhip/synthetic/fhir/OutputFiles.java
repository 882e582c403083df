package org.rhip.synthetic.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of an output directory, opened when first written, with the lines written to each (a CSV
 * file's header not counted). Names begin with a number, so that importing them in name order works.
 */
public final class OutputFiles implements AutoCloseable {

	private final Path dir;

	private final Map<String, BufferedWriter> writers = new TreeMap<>();

	private final Map<String, Long> lines = new TreeMap<>();

	public OutputFiles(Path dir) throws IOException {
		this.dir = Files.createDirectories(dir);
	}

	/** Writes a record line. */
	void line(String file, String text) throws IOException {
		writer(file).append(text).append('\n');
		lines.merge(file, 1L, Long::sum);
	}

	/** Writes a header line (not counted); opens the file. */
	void header(String file, String text) throws IOException {
		writer(file).append(text).append('\n');
		lines.putIfAbsent(file, 0L);
	}

	private BufferedWriter writer(String file) throws IOException {
		BufferedWriter writer = writers.get(file);
		if (writer == null) {
			writer = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
			writers.put(file, writer);
		}
		return writer;
	}

	/** Records per file, in name order. */
	public Map<String, Long> counts() {
		return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lines));
	}

	@Override
	public void close() throws IOException {
		IOException first = null;
		for (BufferedWriter writer : writers.values()) {
			try {
				writer.close();
			}
			catch (IOException ex) {
				first = first == null ? ex : first;
			}
		}
		writers.clear();
		if (first != null) {
			throw first;
		}
	}

}
