package org.rhip.person.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi–Sunter model: for each field and agreement level the probability m among pairs of
 * records of the same person and u among pairs of different persons. A level weighs log2(m/u), a
 * missing field 0, and a pair scores the sum, its log2 likelihood ratio of being a match under
 * conditional independence of the fields. A level never weighs more than a stronger level of its
 * field: partial agreements are so rare among random pairs that their u is mostly the estimator's
 * pseudo-count, which would otherwise let a mistyped phone outweigh an exact one. Immutable.
 */
public final class FellegiSunter {

	private final LevelProbabilities m;

	private final LevelProbabilities u;

	private final double[][] weights;

	public FellegiSunter(LevelProbabilities m, LevelProbabilities u) {
		this.m = m;
		this.u = u;
		this.weights = new double[Field.values().length][];
		for (Field field : Field.values()) {
			double[] w = new double[field.levelCount()];
			for (int level = 0; level < w.length; level++) {
				w[level] = log2(m.get(field, level) / u.get(field, level));
				if (level > 0) {
					w[level] = Math.min(w[level], w[level - 1]);
				}
			}
			weights[field.ordinal()] = w;
		}
	}

	/**
	 * The model estimated in the quality test (about 30,000 synthetic records of one district, seed
	 * 42), rounded: a starting point until {@link ModelEstimation} has run on the index's own records.
	 */
	public static FellegiSunter defaults() {
		LevelProbabilities m = LevelProbabilities.builder()
			.set(Field.NAME, 0.831, 0.163, 0.0024, 0.0036)
			.set(Field.BIRTH_DATE, 0.9274, 0.0127, 0.0593, 0.0006)
			.set(Field.SEX, 0.995, 0.005)
			.set(Field.PHONE, 0.838, 0.053, 0.109)
			.set(Field.ADDRESS, 0.682, 0.214, 0.045, 0.059)
			.build();
		LevelProbabilities u = LevelProbabilities.builder()
			.set(Field.NAME, 0.00019, 0.000033, 0.00073, 0.999047)
			.set(Field.BIRTH_DATE, 0.00008, 0.000015, 0.00143, 0.998475)
			.set(Field.SEX, 0.5, 0.5)
			.set(Field.PHONE, 0.000036, 0.000001, 0.999963)
			.set(Field.ADDRESS, 0.000084, 0.00689, 0.0449, 0.948126)
			.build();
		return new FellegiSunter(m, u);
	}

	public LevelProbabilities m() {
		return m;
	}

	public LevelProbabilities u() {
		return u;
	}

	public double weight(Field field, int level) {
		return level == Field.MISSING ? 0 : weights[field.ordinal()][level];
	}

	public double score(ComparisonVector vector) {
		return score(vector.code());
	}

	double score(int code) {
		double score = 0;
		for (Field field : Field.values()) {
			score += weight(field, ComparisonVector.level(code, field));
		}
		return score;
	}

	/** Every field's level and weight, in {@link Field} order. */
	public List<FieldWeight> explain(ComparisonVector vector) {
		List<FieldWeight> parts = new ArrayList<>();
		for (Field field : Field.values()) {
			int level = vector.level(field);
			parts.add(new FieldWeight(field, level, weight(field, level)));
		}
		return parts;
	}

	/**
	 * The posterior probability of a match for a score, given the prior probability that a pair is a
	 * match (e.g. the match share EM estimated among candidate pairs).
	 */
	public static double matchProbability(double score, double priorMatchShare) {
		double logOdds = log2(priorMatchShare / (1 - priorMatchShare)) + score;
		return 1 / (1 + Math.pow(2, -logOdds));
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
