package org.rhip.interop.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) with the
 * physical line each starts on, so an error report points at the line an editor shows. The
 * separator is a comma, or a tab when the first line has tabs and no commas. A byte-order mark
 * before the first field is dropped.
 */
final class CsvLines {

	/** One record: its first line (1-based) and its fields. */
	record Line(long line, List<String> fields) {

		boolean blank() {
			return fields.stream().allMatch(String::isBlank);
		}

	}

	private final BufferedReader in;

	private final char separator;

	private long line = 1;

	private int pushedBack = -2;

	CsvLines(BufferedReader in) throws IOException {
		this.in = in;
		in.mark(1 << 16);
		String header = in.readLine();
		in.reset();
		this.separator = header != null && header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
		int c = in.read();
		if (c != '\uFEFF' && c >= 0) {
			pushedBack = c;
		}
	}

	/** The 1-based line the next record starts on (one past the last line at the end of the file). */
	long line() {
		return line;
	}

	Optional<Line> next() throws IOException {
		int c = read();
		if (c < 0) {
			return Optional.empty();
		}
		long start = line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		while (c >= 0) {
			if (quoted) {
				if (c == '"') {
					int d = read();
					if (d != '"') {
						quoted = false;
						c = d;
						continue;
					}
					field.append('"');
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int d = read();
					if (d != '\n') {
						pushedBack = d;
					}
				}
				break;
			}
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else {
				field.append((char) c);
			}
			c = read();
		}
		fields.add(field.toString());
		// the next record starts on the next line, also after a last line without a line break
		line++;
		return Optional.of(new Line(start, fields));
	}

	private int read() throws IOException {
		if (pushedBack != -2) {
			int c = pushedBack;
			pushedBack = -2;
			return c;
		}
		return in.read();
	}

}
