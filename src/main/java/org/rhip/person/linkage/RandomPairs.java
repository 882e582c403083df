package org.rhip.person.linkage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * u probabilities measured on pairs of records drawn at random: nearly all such pairs are of
 * different persons, so their level frequencies are u as it holds in the whole index, not only among
 * candidate pairs (where blocking makes agreement common).
 */
public final class RandomPairs {

	private RandomPairs() {
	}

	/** Draws {@code pairs} pairs of distinct records with a seeded generator, so a run is repeatable. */
	public static LevelProbabilities estimateU(List<PreparedRecord> records, RecordComparator comparator, int pairs,
			long seed) {
		if (records.size() < 2 || pairs < 1) {
			throw new IllegalArgumentException("need two records and at least one pair");
		}
		Random random = new Random(seed);
		Field[] fields = Field.values();
		double[][] counts = new double[fields.length][];
		for (Field field : fields) {
			counts[field.ordinal()] = new double[field.levelCount()];
		}
		for (int drawn = 0; drawn < pairs; drawn++) {
			int i = random.nextInt(records.size());
			int j = random.nextInt(records.size() - 1);
			if (j >= i) {
				j++;
			}
			ComparisonVector vector = comparator.compare(records.get(i), records.get(j));
			for (Field field : fields) {
				int level = vector.level(field);
				if (level != Field.MISSING) {
					counts[field.ordinal()][level]++;
				}
			}
		}
		Map<Field, double[]> u = new EnumMap<>(Field.class);
		for (Field field : fields) {
			double[] c = counts[field.ordinal()];
			double sum = 0;
			for (double v : c) {
				sum += v + EmEstimator.PSEUDO_COUNT;
			}
			double[] p = new double[c.length];
			for (int level = 0; level < c.length; level++) {
				p[level] = (c[level] + EmEstimator.PSEUDO_COUNT) / sum;
			}
			u.put(field, p);
		}
		return LevelProbabilities.of(u);
	}

}
