package org.rhip.person.linkage;

import java.util.Locale;

/** Sex agreement on GB/T 2261.1 codes; unknown ("0", "9") counts as missing. */
final class SexComparator {

	static final int SAME = 0;

	static final int DIFFERENT = 1;

	static final int UNKNOWN = 0;

	private SexComparator() {
	}

	/** 1 male, 2 female, 0 unknown; also accepts 男/女 and M/F, which some feeds send. */
	static int code(String sex) {
		if (sex == null) {
			return UNKNOWN;
		}
		return switch (sex.strip().toLowerCase(Locale.ROOT)) {
			case "1", "男", "m", "male" -> 1;
			case "2", "女", "f", "female" -> 2;
			default -> UNKNOWN;
		};
	}

	static int level(int a, int b) {
		if (a == UNKNOWN || b == UNKNOWN) {
			return Field.MISSING;
		}
		return a == b ? SAME : DIFFERENT;
	}

}
