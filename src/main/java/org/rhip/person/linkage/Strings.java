package org.rhip.person.linkage;

/** Small string measures shared by the comparators. */
final class Strings {

	private Strings() {
	}

	/**
	 * Same length and either exactly one position differs or exactly two adjacent positions are
	 * swapped: the typing errors of a clerk copying digits.
	 */
	static boolean oneEditApart(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		int differences = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (differences == 0) {
					first = i;
				}
				differences++;
				if (differences > 2) {
					return false;
				}
			}
		}
		if (differences == 1) {
			return true;
		}
		return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first) && a.charAt(first + 1) != b.charAt(first + 1);
	}

}
