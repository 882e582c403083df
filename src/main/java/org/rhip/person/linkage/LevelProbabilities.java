package org.rhip.person.linkage;

import java.util.EnumMap;
import java.util.Map;

/**
 * For every field, a probability per agreement level summing to 1: the m probabilities (among pairs
 * of records of one person) or the u probabilities (among pairs of different persons) of a
 * Fellegi–Sunter model. Immutable.
 */
public final class LevelProbabilities {

	private final Map<Field, double[]> probabilities;

	private LevelProbabilities(Map<Field, double[]> probabilities) {
		this.probabilities = probabilities;
	}

	/** Every field, its probabilities in level order; each must be positive and sum to 1 (±1e-6). */
	public static LevelProbabilities of(Map<Field, double[]> probabilities) {
		Map<Field, double[]> copy = new EnumMap<>(Field.class);
		for (Field field : Field.values()) {
			double[] p = probabilities.get(field);
			if (p == null || p.length != field.levelCount()) {
				throw new IllegalArgumentException(field + " needs " + field.levelCount() + " probabilities");
			}
			double sum = 0;
			for (double v : p) {
				if (!(v > 0 && v <= 1)) {
					throw new IllegalArgumentException(field + " has a probability outside (0, 1]: " + v);
				}
				sum += v;
			}
			if (Math.abs(sum - 1) > 1e-6) {
				throw new IllegalArgumentException(field + " probabilities sum to " + sum + ", not 1");
			}
			copy.put(field, p.clone());
		}
		return new LevelProbabilities(copy);
	}

	/** Starts a table to fill with {@link Builder#set}. */
	public static Builder builder() {
		return new Builder();
	}

	public double get(Field field, int level) {
		return probabilities.get(field)[level];
	}

	public double[] get(Field field) {
		return probabilities.get(field).clone();
	}

	/** Collects one array per field. */
	public static final class Builder {

		private final Map<Field, double[]> probabilities = new EnumMap<>(Field.class);

		private Builder() {
		}

		public Builder set(Field field, double... levels) {
			probabilities.put(field, levels.clone());
			return this;
		}

		public LevelProbabilities build() {
			return of(probabilities);
		}

	}

}
