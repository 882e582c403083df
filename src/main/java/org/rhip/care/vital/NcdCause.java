package org.rhip.care.vital;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 四类重大慢性病 — the four major noncommunicable disease groups of SDG 3.4.1 / WHO 30q70, by the
 * ICD-10 category (the letter and two digits) of an underlying cause of death (REFERENCE.md §5.3):
 * cardiovascular I00–I99, cancer C00–C97, diabetes E10–E14, chronic respiratory J30–J98. A code is read
 * case-blind, with or without its dot and subcategory ("c34", "I21.9", "J45.909"); anything that does
 * not start with a letter and two digits belongs to no group.
 */
public enum NcdCause {

	CARDIOVASCULAR('I', 0, 99), CANCER('C', 0, 97), DIABETES('E', 10, 14), CHRONIC_RESPIRATORY('J', 30, 98);

	private static final Pattern CATEGORY = Pattern.compile("([A-Z])([0-9]{2})");

	/** The same four ranges as a PostgreSQL regular expression on the upper-cased, trimmed code. */
	private static final String SQL_PATTERN = "^(I[0-9]{2}|C([0-8][0-9]|9[0-7])|E1[0-4]|J([3-8][0-9]|9[0-8]))";

	private final char letter;

	private final int first;

	private final int last;

	NcdCause(char letter, int first, int last) {
		this.letter = letter;
		this.first = first;
		this.last = last;
	}

	/** The group of an ICD-10 code, or empty when it is in none of the four. */
	public static Optional<NcdCause> of(String icd10) {
		if (icd10 == null) {
			return Optional.empty();
		}
		Matcher m = CATEGORY.matcher(icd10.strip().toUpperCase(Locale.ROOT));
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		char letter = m.group(1).charAt(0);
		int number = Integer.parseInt(m.group(2));
		for (NcdCause cause : values()) {
			if (cause.letter == letter && number >= cause.first && number <= cause.last) {
				return Optional.of(cause);
			}
		}
		return Optional.empty();
	}

	/** Whether an ICD-10 code is a cardiovascular disease, cancer, diabetes or chronic respiratory disease. */
	public static boolean isMajorNcd(String icd10) {
		return of(icd10).isPresent();
	}

	/**
	 * The SQL condition that is true where {@code column} (a text column of ICD-10 codes) is in one of
	 * the four groups, for indicator queries: {@code upper(trim(column)) ~ '^(I[0-9]{2}|…).*'} — anchored and
	 * ending in {@code .*}, so it means the same in PostgreSQL (a search) and DuckDB (a full match).
	 */
	public static String sqlCondition(String column) {
		return "upper(trim(" + column + ")) ~ '" + SQL_PATTERN + ".*'";
	}

	/** The pattern of {@link #sqlCondition(String)}, for checking it against {@link #of(String)}. */
	static String sqlPattern() {
		return SQL_PATTERN;
	}

}
