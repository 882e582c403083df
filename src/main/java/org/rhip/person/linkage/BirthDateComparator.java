package org.rhip.person.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Birth-date agreement: exact; day and month swapped (1985-03-07 / 1985-07-03, the US/Chinese order
 * confusion); one part differs by a typo (one digit wrong, two adjacent digits swapped) or by one,
 * or the dates are a day apart; different.
 */
final class BirthDateComparator {

	static final int EXACT = 0;

	static final int SWAPPED = 1;

	static final int ONE_PART = 2;

	static final int DIFFERENT = 3;

	private BirthDateComparator() {
	}

	static int level(LocalDate a, LocalDate b) {
		if (a == null || b == null) {
			return Field.MISSING;
		}
		if (a.equals(b)) {
			return EXACT;
		}
		if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
				&& a.getDayOfMonth() == b.getMonthValue()) {
			return SWAPPED;
		}
		if (Math.abs(ChronoUnit.DAYS.between(a, b)) == 1) {
			return ONE_PART;
		}
		boolean sameYear = a.getYear() == b.getYear();
		boolean sameMonth = a.getMonthValue() == b.getMonthValue();
		boolean sameDay = a.getDayOfMonth() == b.getDayOfMonth();
		if (sameMonth && sameDay) {
			return typo(a.getYear(), b.getYear(), 4) ? ONE_PART : DIFFERENT;
		}
		if (sameYear && sameDay) {
			return typo(a.getMonthValue(), b.getMonthValue(), 2) ? ONE_PART : DIFFERENT;
		}
		if (sameYear && sameMonth) {
			return typo(a.getDayOfMonth(), b.getDayOfMonth(), 2) ? ONE_PART : DIFFERENT;
		}
		return DIFFERENT;
	}

	/** Off by one, or the zero-padded digits differ in one place or by one adjacent swap. */
	static boolean typo(int x, int y, int digits) {
		return Math.abs(x - y) == 1 || Strings.oneEditApart(pad(x, digits), pad(y, digits));
	}

	private static String pad(int value, int digits) {
		StringBuilder padded = new StringBuilder(String.valueOf(value));
		while (padded.length() < digits) {
			padded.insert(0, '0');
		}
		return padded.toString();
	}

}
