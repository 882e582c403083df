package org.rhip.synthetic.fhir;

/**
 * A compact JSON text built field by field (no FHIR object model: a million resources a minute), one
 * resource per instance. Strings are escaped; numbers are written as given.
 */
final class Json {

	private final StringBuilder out = new StringBuilder(640);

	/** The closing bracket of the container open at each depth. */
	private final char[] closing = new char[64];

	/** Whether the container at each depth has a member yet (bit per depth). */
	private long members;

	private int depth;

	Json() {
		out.append('{');
	}

	Json field(String name, String value) {
		name(name);
		string(value);
		return this;
	}

	Json field(String name, long value) {
		name(name);
		out.append(value);
		return this;
	}

	/** A number already in JSON form (e.g. {@code 6.3}). */
	Json number(String name, String value) {
		name(name);
		out.append(value);
		return this;
	}

	Json field(String name, boolean value) {
		name(name);
		out.append(value);
		return this;
	}

	Json object(String name) {
		name(name);
		return open('{');
	}

	Json array(String name) {
		name(name);
		return open('[');
	}

	/** An object as the next element of the current array. */
	Json object() {
		separate();
		return open('{');
	}

	/** A string as the next element of the current array. */
	Json item(String value) {
		separate();
		string(value);
		return this;
	}

	Json end() {
		out.append(closing[depth]);
		depth--;
		return this;
	}

	/** The finished resource (closes what is open). */
	String text() {
		while (depth > 0) {
			end();
		}
		return out.append('}').toString();
	}

	private Json open(char bracket) {
		out.append(bracket);
		depth++;
		closing[depth] = bracket == '{' ? '}' : ']';
		members &= ~(1L << depth);
		return this;
	}

	private void name(String name) {
		separate();
		string(name);
		out.append(':');
	}

	private void separate() {
		long bit = 1L << depth;
		if ((members & bit) != 0) {
			out.append(',');
		}
		members |= bit;
	}

	private void string(String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
