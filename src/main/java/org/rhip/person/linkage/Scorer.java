package org.rhip.person.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a pair of records: the Fellegi–Sunter weight of each field's level, with a term-frequency
 * penalty where the pair agrees exactly on a value many other records hold (a popular name, a
 * birth date such as 1 January, a household's shared phone). The penalty replaces u by the share of
 * the other records holding the value when that share is larger (Winkler's frequency-based
 * adjustment, penalties only: a rare value keeps the level's weight, since counts of one or two
 * cannot tell a rare value from a unique one). Thread-safe.
 */
public final class Scorer {

	/** Bound on the penalty, in bits. */
	static final double MAX_PENALTY = 10;

	private final FellegiSunter model;

	private final ValueFrequencies frequencies;

	private final RecordComparator comparator;

	public Scorer(FellegiSunter model, ValueFrequencies frequencies, RecordComparator comparator) {
		this.model = model;
		this.frequencies = frequencies;
		this.comparator = comparator;
	}

	public FellegiSunter model() {
		return model;
	}

	/**
	 * Scores two records; {@code counted} says how many of the two are already in the counts of the
	 * frequencies (2 in batch over the index, 1 for a new record against the index), so that only
	 * other records count against a value.
	 */
	public ScoredPair score(PreparedRecord a, PreparedRecord b, int counted) {
		ComparisonVector vector = comparator.compare(a, b);
		List<FieldWeight> weights = new ArrayList<>(Field.values().length);
		double score = 0;
		for (Field field : Field.values()) {
			int level = vector.level(field);
			double weight = model.weight(field, level);
			String key = frequencyKey(field, level, a, b);
			if (key != null) {
				weight += penalty(model.u().get(field, level), key, counted);
			}
			weights.add(new FieldWeight(field, level, weight));
			score += weight;
		}
		return new ScoredPair(vector, score, weights);
	}

	private double penalty(double u, String key, int counted) {
		long total = frequencies.total();
		long others = frequencies.count(key) - counted;
		if (total == 0 || others <= 0) {
			return 0;
		}
		double share = (double) others / total;
		return Math.max(-MAX_PENALTY, Math.min(0, FellegiSunter.log2(u / share)));
	}

	private static String frequencyKey(Field field, int level, PreparedRecord a, PreparedRecord b) {
		return switch (field) {
			case NAME -> level == NameComparator.EXACT ? FrequencyKeys.name(a.name.text())
					: level == NameComparator.SAME_PINYIN ? FrequencyKeys.pinyin(NameComparator.sharedPinyin(a.name, b.name))
							: null;
			case BIRTH_DATE -> level == BirthDateComparator.EXACT ? FrequencyKeys.birth(a) : null;
			case PHONE -> level == PhoneComparator.EXACT ? FrequencyKeys.phone(a) : null;
			default -> null;
		};
	}

}
