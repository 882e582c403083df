package org.rhip.person.linkage;

import java.util.List;

/**
 * The compared fields and their agreement levels, strongest agreement first and disagreement
 * last. A comparison yields one level per field, or {@link #MISSING} when either side has no value.
 */
public enum Field {

	NAME("name", "exact", "same pinyin", "similar pinyin", "different"),

	BIRTH_DATE("birth date", "exact", "day/month swapped", "one part differs", "different"),

	SEX("sex", "same", "different"),

	PHONE("phone", "exact", "last 8 digits or one-digit typo", "different"),

	ADDRESS("address", "same address", "same community", "same street", "different");

	/** The level of a field that is missing on either side: weight 0. */
	public static final int MISSING = -1;

	private final String label;

	private final List<String> levels;

	Field(String label, String... levels) {
		this.label = label;
		this.levels = List.of(levels);
	}

	public String label() {
		return label;
	}

	public int levelCount() {
		return levels.size();
	}

	public String levelName(int level) {
		return level == MISSING ? "missing" : levels.get(level);
	}

}
