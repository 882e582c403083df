package org.rhip.care.vital;

/**
 * 重大慢性病过早死亡率 — the WHO probability of dying between exact ages 30 and 70 from the four
 * major NCDs ({@link NcdCause}), 30q70, SDG 3.4.1 (REFERENCE.md §5.3). Over the eight groups 30–34,
 * 35–39, …, 65–69:
 *
 * <pre>
 * ₅M = NCD deaths / mid-year population,   ₅q = 5·₅M / (1 + 2.5·₅M),   30q70 = 1 − Π (1 − ₅q)
 * </pre>
 * A group without deaths has ₅q = 0; a group without population has no rate and is rejected by name
 * ({@link IllegalArgumentException}); ₅q is capped at 1 (₅M above 0.4, only in tiny groups).
 */
public final class PrematureMortality {

	/** Groups 30–34, 35–39, …, 65–69. */
	public static final int GROUPS = 8;

	private final double[] q;

	private final double probability;

	private PrematureMortality(double[] q) {
		this.q = q;
		double survival = 1;
		for (double groupQ : q) {
			survival *= 1 - groupQ;
		}
		this.probability = 1 - survival;
	}

	/** 30q70 from the NCD deaths and the mid-year population of the eight groups (index {@link #groupOf(int)}). */
	public static PrematureMortality of(long[] ncdDeaths, long[] population) {
		if (ncdDeaths == null || population == null || ncdDeaths.length != GROUPS || population.length != GROUPS) {
			throw new IllegalArgumentException("30q70 needs NCD deaths and population for the " + GROUPS
					+ " groups 30-34, 35-39, ..., 65-69");
		}
		double[] q = new double[GROUPS];
		for (int g = 0; g < GROUPS; g++) {
			String group = (30 + 5 * g) + "-" + (34 + 5 * g);
			if (ncdDeaths[g] < 0 || population[g] < 0) {
				throw new IllegalArgumentException("group " + group + ": deaths and population cannot be negative");
			}
			if (population[g] == 0) {
				throw new IllegalArgumentException("group " + group + " has no population, so no death rate");
			}
			double m = (double) ncdDeaths[g] / population[g];
			q[g] = Math.min(1, 5 * m / (1 + 2.5 * m));
		}
		return new PrematureMortality(q);
	}

	/** The group of an age in completed years, 0 for 30–34 … 7 for 65–69; −1 outside 30–69. */
	public static int groupOf(int age) {
		return age < 30 || age >= 70 ? -1 : (age - 30) / 5;
	}

	/** 30q70 as a probability, 0 to 1. */
	public double probability() {
		return probability;
	}

	/** 30q70 in per cent, as reported. */
	public double percent() {
		return 100 * probability;
	}

	/** ₅q of a group. */
	public double q(int group) {
		return q[group];
	}

}
