package org.rhip.interop.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The encoding of a CSV file: UTF-8 (with or without a byte-order mark) when the whole file decodes
 * as UTF-8, otherwise GB18030 (what Excel saves on a Chinese Windows). One streaming pass.
 */
final class CsvCharset {

	static final Charset GB18030 = Charset.forName("GB18030");

	private CsvCharset() {
	}

	static Charset detect(Path file, String name) throws IOException {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Inputs.decompressed(Inputs.counting(file), name)) {
			byte[] bytes = new byte[1 << 16];
			ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 8);
			CharBuffer chars = CharBuffer.allocate(bytes.length + 8);
			int n;
			while ((n = in.read(bytes)) > 0) {
				buffer.put(bytes, 0, n).flip();
				CoderResult result = utf8.decode(buffer, chars, false);
				if (result.isError()) {
					return GB18030;
				}
				buffer.compact();
				chars.clear();
			}
			buffer.flip();
			return utf8.decode(buffer, chars, true).isError() || utf8.flush(chars).isError() ? GB18030
					: StandardCharsets.UTF_8;
		}
	}

}
