package org.rhip.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.platform.db.DatabaseProperties;

class PersonalDataCipherTest {

	private static final String KEY = Base64.getEncoder().encodeToString(HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"));

	private final PersonalDataCipher cipher = new PersonalDataCipher(KEY, new DatabaseProperties(null, null, null, Path.of(".")));

	@Test
	void sm4IsTheEngineOfGbt32907() {
		// GB/T 32907-2016 appendix A.1: key = plaintext = 0123456789abcdeffedcba9876543210
		byte[] block = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
		SM4Engine engine = new SM4Engine();
		engine.init(true, new KeyParameter(block));
		byte[] out = new byte[16];
		engine.processBlock(block, 0, out, 0);
		assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void aValueComesBackAndItsStoredFormHidesIt() {
		byte[] stored = cipher.encrypt("张小明 44010619900101123X 13812345678");
		assertThat(cipher.decrypt(stored)).isEqualTo("张小明 44010619900101123X 13812345678");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("440106", "138123");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTime() {
		assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt(null)).isNull();
	}

	@Test
	void aChangedByteOrAnotherKeyIsDetected() {
		byte[] stored = cipher.encrypt("13812345678");
		stored[stored.length - 3] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(stored)).hasMessageContaining("changed");
		PersonalDataCipher other = new PersonalDataCipher(Base64.getEncoder().encodeToString(new byte[16]),
				new DatabaseProperties(null, null, null, Path.of(".")));
		assertThatThrownBy(() -> other.decrypt(cipher.encrypt("x"))).hasMessageContaining("another key");
	}

	@Test
	void withoutConfigurationTheKeyIsAFileReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
		PersonalDataCipher a = new PersonalDataCipher("", new DatabaseProperties(null, null, null, dir));
		PersonalDataCipher b = new PersonalDataCipher("", new DatabaseProperties(null, null, null, dir));
		assertThat(b.decrypt(a.encrypt("王芳"))).isEqualTo("王芳");
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/data.key"))))
			.isEqualTo("rw-------");
	}

}
