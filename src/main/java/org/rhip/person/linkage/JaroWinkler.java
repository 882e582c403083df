package org.rhip.person.linkage;

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4), 0 when either string is empty. */
final class JaroWinkler {

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b)) {
			return 1;
		}
		int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
		boolean[] aMatched = new boolean[a.length()];
		boolean[] bMatched = new boolean[b.length()];
		int matches = 0;
		for (int i = 0; i < a.length(); i++) {
			int from = Math.max(0, i - window);
			int to = Math.min(b.length() - 1, i + window);
			for (int j = from; j <= to; j++) {
				if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
					aMatched[i] = true;
					bMatched[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		int halfTranspositions = 0;
		int j = 0;
		for (int i = 0; i < a.length(); i++) {
			if (aMatched[i]) {
				while (!bMatched[j]) {
					j++;
				}
				if (a.charAt(i) != b.charAt(j)) {
					halfTranspositions++;
				}
				j++;
			}
		}
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - halfTranspositions / 2.0) / m) / 3;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1 - jaro);
	}

}
