package org.rhip.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key kept outside the database: from configuration (base64) or from a file under
 * {@code <data-dir>/keys/}, created on first use and readable by the owner only. A stolen database
 * dump alone then cannot be decrypted or used to test guesses.
 */
public final class KeyFile {

	private KeyFile() {
	}

	public static byte[] load(String configured, Path file, int length) {
		byte[] key = configured == null || configured.isBlank() ? readOrCreate(file, length)
				: Base64.getDecoder().decode(configured.trim());
		if (key.length < length) {
			throw new IllegalStateException("the key " + file.getFileName() + " must have at least " + length + " bytes");
		}
		return key;
	}

	private static synchronized byte[] readOrCreate(Path file, int length) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(file.getParent());
			byte[] key = new byte[length];
			new SecureRandom().nextBytes(key);
			Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's own permissions apply
			}
			Files.writeString(temp, Base64.getEncoder().encodeToString(key));
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the key " + file, ex);
		}
	}

}
