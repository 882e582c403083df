package org.rhip.person.linkage;

import java.util.Arrays;

/**
 * Address agreement: same address (the free texts share their house, building and room numbers and
 * most of their wording, and the org units do not contradict it); same community (equal 12-digit
 * codes); same street (equal 9-digit prefix, the parent street or town); different.
 */
final class AddressComparator {

	static final int SAME_ADDRESS = 0;

	static final int SAME_COMMUNITY = 1;

	static final int SAME_STREET = 2;

	static final int DIFFERENT = 3;

	/** Share of the shorter text's character bigrams found in the other. */
	static final double TEXT_OVERLAP = 0.6;

	private static final int STREET_DIGITS = 9;

	private static final int COMMUNITY_DIGITS = 12;

	private AddressComparator() {
	}

	/** An address as compared: org-unit code (9 or 12 digits, or null) and normalised text (or null). */
	record Address(String code, String text, String numbers, int[] bigrams) {

		static Address of(String orgUnitCode, String freeText) {
			String code = orgUnitCode == null ? "" : orgUnitCode.strip();
			code = code.length() >= STREET_DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9') ? code : null;
			String text = normalizeText(freeText);
			if (text == null) {
				return new Address(code, null, null, null);
			}
			return new Address(code, text, text.replaceAll("[^0-9]+", " ").strip(), AddressComparator.bigrams(text));
		}

		boolean isEmpty() {
			return code == null && text == null;
		}

	}

	/** Half-width, no spaces or punctuation, one word for a building; null when under 4 characters. */
	static String normalizeText(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = ChineseCharacters.halfWidth(text.charAt(i));
			if (Character.isLetterOrDigit(c)) {
				out.append(Character.toLowerCase(c));
			}
		}
		String normalized = out.toString().replace("号楼", "栋").replace("幢", "栋").replace("座", "栋");
		return normalized.length() >= 4 ? normalized : null;
	}

	static int level(Address a, Address b) {
		boolean codes = a.code() != null && b.code() != null;
		if (a.text() != null && b.text() != null && sameText(a, b)
				&& (!codes || a.code().regionMatches(0, b.code(), 0, STREET_DIGITS))) {
			return SAME_ADDRESS;
		}
		if (codes) {
			if (a.code().length() >= COMMUNITY_DIGITS && a.code().equals(b.code())) {
				return SAME_COMMUNITY;
			}
			return a.code().regionMatches(0, b.code(), 0, STREET_DIGITS) ? SAME_STREET : DIFFERENT;
		}
		return a.text() != null && b.text() != null ? DIFFERENT : Field.MISSING;
	}

	private static boolean sameText(Address a, Address b) {
		if (a.text().equals(b.text())) {
			return true;
		}
		return !a.numbers().isEmpty() && a.numbers().equals(b.numbers()) && overlap(a.bigrams(), b.bigrams()) >= TEXT_OVERLAP;
	}

	/** Sorted distinct character bigrams packed into ints. */
	static int[] bigrams(String text) {
		int[] grams = new int[text.length() - 1];
		for (int i = 0; i + 1 < text.length(); i++) {
			grams[i] = text.charAt(i) << 16 | text.charAt(i + 1);
		}
		return Arrays.stream(grams).sorted().distinct().toArray();
	}

	static double overlap(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int common = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				common++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return (double) common / Math.min(a.length, b.length);
	}

}
