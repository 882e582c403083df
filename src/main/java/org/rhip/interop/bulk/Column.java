package org.rhip.interop.bulk;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column of a CSV template: its English key and the headers that mean it (Chinese first). Headers
 * match ignoring case, spaces, underscores, hyphens and a trailing unit in brackets, e.g.
 * {@code 收缩压(mmHg)} or {@code Systolic BP} for {@code systolic}.
 */
record Column(String key, List<String> headers, boolean required) {

	private static final Pattern UNIT = Pattern.compile("[（(][^（()）]*[)）]$");

	static Column required(String key, String... headers) {
		return new Column(key, List.of(headers), true);
	}

	static Column optional(String key, String... headers) {
		return new Column(key, List.of(headers), false);
	}

	/** The Chinese header written in documentation and messages. */
	String chinese() {
		return headers.get(0);
	}

	boolean matches(String header) {
		String h = normalize(header);
		return h.equals(normalize(key)) || headers.stream().anyMatch(a -> normalize(a).equals(h));
	}

	static String normalize(String header) {
		String h = header.replace("\uFEFF", "").strip();
		h = UNIT.matcher(h).replaceFirst("");
		return h.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-./／]", "");
	}

}
