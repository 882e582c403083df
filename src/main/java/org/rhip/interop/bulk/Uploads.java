package org.rhip.interop.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.rhip.platform.db.DatabaseProperties;

import org.springframework.stereotype.Component;

/**
 * Files uploaded for import, under {@code <data-dir>/imports/<job>/}: kept while the job may still
 * need them (queued, running, or failed and resumable), deleted when it is done or cancelled.
 */
@Component
public class Uploads {

	private final Path root;

	Uploads(DatabaseProperties database) {
		this.root = database.dataDir().resolve("imports").toAbsolutePath();
	}

	/** Stores file {@code no} of a job; returns where it is. */
	public Path store(long jobId, int no, String name, InputStream content) throws IOException {
		Path dir = Files.createDirectories(root.resolve(String.valueOf(jobId)));
		Path file = dir.resolve(no + "-" + safeName(name));
		Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	public void delete(long jobId) {
		Path dir = root.resolve(String.valueOf(jobId));
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A name without directories, with only letters, digits, CJK, dot, dash and underscore, at most 100 characters. */
	public static String safeName(String name) {
		String base = name == null ? "upload" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._\\-\\p{IsHan}]", "_");
		if (base.isBlank() || base.startsWith(".")) {
			base = "upload" + base;
		}
		return base.length() > 100 ? base.substring(base.length() - 100) : base;
	}

}
