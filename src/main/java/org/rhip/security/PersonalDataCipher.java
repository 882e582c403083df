package org.rhip.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.rhip.platform.db.DatabaseProperties;
import org.rhip.security.internal.KeyFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal identifiers (ID numbers, names, phone numbers) for storage: SM4 (GB/T 32907) in
 * GCM mode, so a changed byte is detected rather than decrypted to a wrong name. Stored form: one
 * version byte, a random 12-byte nonce, the ciphertext and the 16-byte tag. The 128-bit key comes from
 * {@code rhip.security.data-key} (base64) or {@code <data-dir>/keys/data.key} and never enters the
 * database. Lookups use {@link IdentifierHash}, not decryption.
 */
@Component
public class PersonalDataCipher {

	private static final byte VERSION = 1;

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyParameter key;

	PersonalDataCipher(@Value("${rhip.security.data-key:}") String configuredKey, DatabaseProperties database) {
		byte[] bytes = KeyFile.load(configuredKey, database.dataDir().resolve("keys").resolve("data.key"), 16);
		this.key = new KeyParameter(Arrays.copyOf(bytes, 16));
	}

	/** The stored form of a value; null stays null. */
	public byte[] encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] text = plain.getBytes(StandardCharsets.UTF_8);
		byte[] nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		GCMBlockCipher gcm = cipher(true, nonce);
		byte[] out = new byte[1 + NONCE + gcm.getOutputSize(text.length)];
		out[0] = VERSION;
		System.arraycopy(nonce, 0, out, 1, NONCE);
		int n = gcm.processBytes(text, 0, text.length, out, 1 + NONCE);
		try {
			gcm.doFinal(out, 1 + NONCE + n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

	/** The value of a stored form; null stays null. A tampered or foreign value fails. */
	public String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
			throw new IllegalArgumentException("not an encrypted value of this platform");
		}
		GCMBlockCipher gcm = cipher(false, Arrays.copyOfRange(stored, 1, 1 + NONCE));
		byte[] out = new byte[gcm.getOutputSize(stored.length - 1 - NONCE)];
		int n = gcm.processBytes(stored, 1 + NONCE, stored.length - 1 - NONCE, out, 0);
		try {
			n += gcm.doFinal(out, n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalArgumentException("an encrypted value was changed or was encrypted with another key");
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	private GCMBlockCipher cipher(boolean encrypt, byte[] nonce) {
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(key, TAG_BITS, nonce));
		return gcm;
	}

}
