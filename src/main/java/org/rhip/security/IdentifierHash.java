package org.rhip.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.rhip.platform.db.DatabaseProperties;
import org.rhip.security.internal.KeyFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SM3, GM/T 0004) of a personal identifier, so that records about the same
 * person can be matched without keeping the identifier readable. The key comes from
 * {@code rhip.security.identifier-key} (base64, 32 bytes) or, when that is not set, from
 * {@code <data-dir>/keys/identifier.key}, created on first use and readable by the owner only. The
 * key never enters the database: a stolen dump alone cannot test guesses of ID numbers.
 */
@Component
public class IdentifierHash {

	private final byte[] key;

	IdentifierHash(@Value("${rhip.security.identifier-key:}") String configuredKey, DatabaseProperties database) {
		this.key = KeyFile.load(configuredKey, database.dataDir().resolve("keys").resolve("identifier.key"), 32);
	}

	/** The hash of an identifier, case- and space-insensitive (an ID number's X may be typed x). */
	public String hash(String identifier) {
		byte[] text = identifier.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(text, 0, text.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
