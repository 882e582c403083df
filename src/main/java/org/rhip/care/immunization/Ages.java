package org.rhip.care.immunization;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages and intervals of the schedule file: {@code 18m}, {@code 6y}, {@code 28d}, {@code 1y6m}, {@code 0d}. */
final class Ages {

	private static final Pattern AGE = Pattern.compile("(?:([0-9]+)y)?(?:([0-9]+)m)?(?:([0-9]+)d)?");

	private Ages() {
	}

	/** The period, or null when the text is not an age. */
	static Period parse(String text) {
		Matcher m = AGE.matcher(text.strip());
		if (text.isBlank() || !m.matches()) {
			return null;
		}
		return Period.of(number(m.group(1)), number(m.group(2)), number(m.group(3)));
	}

	private static int number(String digits) {
		return digits == null ? 0 : Integer.parseInt(digits);
	}

	/** "8 months", "6 years", "1 year 6 months", "28 days", "birth". */
	static String describe(Period p) {
		List<String> parts = new ArrayList<>();
		add(parts, p.getYears(), "year");
		add(parts, p.getMonths(), "month");
		add(parts, p.getDays(), "day");
		return parts.isEmpty() ? "birth" : String.join(" ", parts);
	}

	private static void add(List<String> parts, int n, String unit) {
		if (n != 0) {
			parts.add(n + " " + unit + (n == 1 ? "" : "s"));
		}
	}

}
