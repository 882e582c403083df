package org.rhip.person.linkage;

import java.util.Arrays;

/**
 * The agreement level of every {@link Field} for one pair of records, packed into one int (mixed
 * radix, digit 0 for missing) so that a million vectors are a million ints and EM can work on
 * pattern counts.
 */
public final class ComparisonVector {

	private static final Field[] FIELDS = Field.values();

	private static final int[] RADIX = new int[FIELDS.length];

	/** Number of distinct vectors. */
	static final int PATTERNS;

	static {
		int place = 1;
		for (Field field : FIELDS) {
			RADIX[field.ordinal()] = place;
			place *= field.levelCount() + 1;
		}
		PATTERNS = place;
	}

	private final int code;

	private ComparisonVector(int code) {
		this.code = code;
	}

	/** One level per field in {@link Field} order; {@link Field#MISSING} allowed. */
	public static ComparisonVector of(int... levels) {
		if (levels.length != FIELDS.length) {
			throw new IllegalArgumentException("need " + FIELDS.length + " levels, got " + levels.length);
		}
		int code = 0;
		for (Field field : FIELDS) {
			int level = levels[field.ordinal()];
			if (level < Field.MISSING || level >= field.levelCount()) {
				throw new IllegalArgumentException(field + " has no level " + level);
			}
			code += (level + 1) * RADIX[field.ordinal()];
		}
		return new ComparisonVector(code);
	}

	static ComparisonVector ofCode(int code) {
		if (code < 0 || code >= PATTERNS) {
			throw new IllegalArgumentException("no comparison vector " + code);
		}
		return new ComparisonVector(code);
	}

	static int level(int code, Field field) {
		return code / RADIX[field.ordinal()] % (field.levelCount() + 1) - 1;
	}

	public int level(Field field) {
		return level(code, field);
	}

	int code() {
		return code;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ComparisonVector vector && vector.code == code;
	}

	@Override
	public int hashCode() {
		return code;
	}

	@Override
	public String toString() {
		int[] levels = new int[FIELDS.length];
		for (Field field : FIELDS) {
			levels[field.ordinal()] = level(field);
		}
		return "ComparisonVector" + Arrays.toString(levels);
	}

}
