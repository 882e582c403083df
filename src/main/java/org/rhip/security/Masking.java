package org.rhip.security;

/**
 * How personal identifiers are shown by default (脱敏显示): enough to tell two people apart on a list,
 * not enough to use the identifier. Unmasking needs a role that may and a recorded reason.
 */
public final class Masking {

	private Masking() {
	}

	/** {@code 440106********123X}: address code and the last four characters. */
	public static String idNumber(String id) {
		if (id == null) {
			return null;
		}
		if (id.length() == 18) {
			return id.substring(0, 6) + "********" + id.substring(14);
		}
		return id.length() <= 4 ? "*".repeat(id.length()) : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
	}

	/** {@code 138****5678}: a mobile number's operator prefix and last four digits. */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() < 7) {
			return "*".repeat(digits.length());
		}
		return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
	}

	/**
	 * {@code 张*明} / {@code 张*}: the surname and, for three characters or more, the last character;
	 * a Latin name keeps each word's initial ({@code Z*** W**}).
	 */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String n = name.strip();
		if (n.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			StringBuilder out = new StringBuilder();
			for (String word : n.split("\\s+")) {
				if (!out.isEmpty()) {
					out.append(' ');
				}
				out.append(word.charAt(0)).append("*".repeat(word.length() - 1));
			}
			return out.toString();
		}
		int[] cps = n.codePoints().toArray();
		if (cps.length == 1) {
			return "*";
		}
		if (cps.length == 2) {
			return new String(cps, 0, 1) + "*";
		}
		return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
	}

}
