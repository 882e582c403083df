package org.rhip.interop.bulk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opening an import file: gzip-compressed when its name ends in {@code .gz}, with its raw bytes counted. */
final class Inputs {

	private Inputs() {
	}

	static CountingInputStream counting(Path file) throws IOException {
		return new CountingInputStream(Files.newInputStream(file));
	}

	static InputStream decompressed(CountingInputStream raw, String name) throws IOException {
		InputStream buffered = new BufferedInputStream(raw, 1 << 16);
		return gzipped(name) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
	}

	static boolean gzipped(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	/** The name without directories and without {@code .gz}: what says the file's format. */
	static String baseName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		return gzipped(base) ? base.substring(0, base.length() - 3) : base;
	}

}
