package org.rhip.person.linkage;

/**
 * Phone agreement: exact; partial (the last 8 digits agree, as a landline with and without area code
 * does, or one digit is mistyped or two adjacent ones swapped); different.
 */
final class PhoneComparator {

	static final int EXACT = 0;

	static final int PARTIAL = 1;

	static final int DIFFERENT = 2;

	private PhoneComparator() {
	}

	/** The digits of a phone number without a +86 prefix; null when fewer than 7 digits are left. */
	static String digits(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		else if (digits.length() == 13 && digits.startsWith("861")) {
			digits = digits.substring(2);
		}
		return digits.length() >= 7 ? digits : null;
	}

	static int level(String a, String b) {
		if (a == null || b == null) {
			return Field.MISSING;
		}
		if (a.equals(b)) {
			return EXACT;
		}
		if (a.length() >= 8 && b.length() >= 8 && a.endsWith(b.substring(b.length() - 8))) {
			return PARTIAL;
		}
		return Strings.oneEditApart(a, b) ? PARTIAL : DIFFERENT;
	}

}
