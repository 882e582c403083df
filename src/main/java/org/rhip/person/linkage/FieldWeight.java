package org.rhip.person.linkage;

import java.util.Locale;

/**
 * One field's contribution to a score, for a reviewer: {@code name: same pinyin +6.1}. The weight is
 * log2(m/u) of the level, 0 when the field is missing on either side.
 */
public record FieldWeight(Field field, int level, double weight) {

	public String levelName() {
		return field.levelName(level);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s: %s %+.1f", field.label(), levelName(), weight);
	}

}
