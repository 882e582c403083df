package org.rhip.care.vital;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * 简略寿命表（蒋庆琅法）— an abridged period life table by Chiang's method (Chiang, <i>Life Table and
 * Mortality Analysis</i>, WHO 1979), over deaths D and mid-year population P in the 19 groups 0, 1–4,
 * 5–9, …, 80–84, 85+ (REFERENCE.md §5.2). For each closed group of width n, with Chiang's fraction a
 * of the interval lived by those who die in it:
 *
 * <pre>
 * m = D/P,   q = n·m / (1 + n·(1 − a)·m),   l₀ = 100 000,   d = l·q,   l(x+n) = l − d,
 * L = n·(l − d) + a·n·d,   T(x) = Σ L from x on,   e = T/l
 * </pre>
 * and for the open group 85+: q = 1, d = l, L = l/m, e = 1/m.
 *
 * <p>
 * Awkward data, as in small areas:
 * <ul>
 * <li>a group with no population has no rate: {@link IllegalArgumentException} naming the group;</li>
 * <li>a group with no deaths has m = 0 and q = 0;</li>
 * <li>q is capped at 1: with n·a·m &gt; 1 (far more deaths than mid-year population) Chiang's q would
 * exceed 1; everyone then dies in that group, and later groups have l = 0 and e = NaN;</li>
 * <li>no deaths at 85+: L = l/m is infinite, so the open interval takes the pooled 80+ rate
 * (D₈₀₋₈₄ + D₈₅₊)/(P₈₀₋₈₄ + P₈₅₊) — the oldest rate the data can support, and an underestimate of
 * the 85+ rate, so e is if anything too high, never infinite ({@link #openIntervalPooled()} says it
 * happened). With no deaths at 80+ at all the table cannot be closed: {@link #e0()} is empty and every
 * T and e is NaN.</li>
 * </ul>
 */
public final class LifeTable {

	/** Groups 0, 1–4, 5–9, …, 80–84, 85+. */
	public static final int GROUPS = 19;

	/** l₀. */
	public static final double RADIX = 100_000;

	private static final int[] STARTS = { 0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85 };

	/** Chiang's fractions a for the 18 closed groups (WHO 1979, California 1970; REFERENCE.md §5.2). */
	static final double[] CHIANG_FRACTIONS = { 0.09, 0.41, 0.44, 0.54, 0.59, 0.49, 0.51, 0.52, 0.53, 0.54, 0.53, 0.53,
			0.52, 0.52, 0.51, 0.52, 0.51, 0.50 };

	/**
	 * One group: its first age, width n (0 for the open group), m, a (NaN for the open group), q, l, d,
	 * L, T and e.
	 */
	public record Row(int age, int n, double m, double a, double q, double l, double d, double L, double T, double e) {

		public boolean open() {
			return n == 0;
		}

	}

	private final List<Row> rows;

	private final boolean pooled;

	private LifeTable(List<Row> rows, boolean pooled) {
		this.rows = List.copyOf(rows);
		this.pooled = pooled;
	}

	/**
	 * The table for deaths and mid-year population by group index (0 = age 0, 1 = 1–4, 2 = 5–9, …, 18 =
	 * 85+; {@link #groupOf(int)}), with Chiang's fractions.
	 */
	public static LifeTable of(long[] deaths, long[] population) {
		if (deaths == null || population == null || deaths.length != GROUPS || population.length != GROUPS) {
			throw new IllegalArgumentException("a life table needs deaths and population for the " + GROUPS
					+ " groups 0, 1-4, 5-9, ..., 80-84, 85+");
		}
		return compute(STARTS, CHIANG_FRACTIONS, deaths, population);
	}

	/**
	 * The table for deaths and mid-year population by single year of age (index = completed years; every
	 * index from 85 on counts in 85+).
	 */
	public static LifeTable ofSingleYears(long[] deathsByAge, long[] populationByAge) {
		if (deathsByAge == null || populationByAge == null || deathsByAge.length != populationByAge.length) {
			throw new IllegalArgumentException("deaths and population by age must be arrays of the same length");
		}
		long[] deaths = new long[GROUPS];
		long[] population = new long[GROUPS];
		for (int age = 0; age < deathsByAge.length; age++) {
			deaths[groupOf(age)] += deathsByAge[age];
			population[groupOf(age)] += populationByAge[age];
		}
		return of(deaths, population);
	}

	/** The group index of an age in completed years: 0 → 0, 1–4 → 1, 5–9 → 2, …, 85 and over → 18. */
	public static int groupOf(int age) {
		if (age < 0) {
			throw new IllegalArgumentException("an age cannot be negative: " + age);
		}
		if (age == 0) {
			return 0;
		}
		return age < 5 ? 1 : Math.min(age / 5 + 1, GROUPS - 1);
	}

	/**
	 * The general computation: groups starting at {@code starts} (the last one open) with the fractions
	 * of the closed ones.
	 */
	static LifeTable compute(int[] starts, double[] fractions, long[] deaths, long[] population) {
		int k = starts.length;
		for (int i = 0; i < k; i++) {
			String group = label(starts, i);
			if (deaths[i] < 0 || population[i] < 0) {
				throw new IllegalArgumentException("group " + group + ": deaths and population cannot be negative");
			}
			if (population[i] == 0) {
				throw new IllegalArgumentException("group " + group + " has no population, so no death rate");
			}
		}
		int open = k - 1;
		boolean pooled = deaths[open] == 0;
		double openRate = pooled ? (double) (deaths[open - 1] + deaths[open]) / (population[open - 1] + population[open])
				: (double) deaths[open] / population[open];
		List<Row> rows = new ArrayList<>();
		double l = RADIX;
		for (int i = 0; i < open; i++) {
			int n = starts[i + 1] - starts[i];
			double a = fractions[i];
			double m = (double) deaths[i] / population[i];
			double q = Math.min(1, n * m / (1 + n * (1 - a) * m));
			double d = l * q;
			rows.add(new Row(starts[i], n, m, a, q, l, d, n * (l - d) + a * n * d, Double.NaN, Double.NaN));
			l -= d;
		}
		double lived = openRate > 0 ? l / openRate : Double.NaN;
		rows.add(new Row(starts[open], 0, openRate, Double.NaN, 1, l, l, lived, Double.NaN, Double.NaN));
		double total = 0;
		for (int i = open; i >= 0; i--) {
			Row r = rows.get(i);
			total += r.L();
			rows.set(i, new Row(r.age(), r.n(), r.m(), r.a(), r.q(), r.l(), r.d(), r.L(), total,
					r.l() > 0 ? total / r.l() : Double.NaN));
		}
		return new LifeTable(rows, pooled);
	}

	private static String label(int[] starts, int i) {
		if (i == starts.length - 1) {
			return starts[i] + "+";
		}
		int last = starts[i + 1] - 1;
		return last == starts[i] ? String.valueOf(last) : starts[i] + "-" + last;
	}

	/** Rows from age 0 up to the open group. */
	public List<Row> rows() {
		return rows;
	}

	/** Life expectancy at birth, e₀ = T₀/l₀; empty when the table cannot be closed (no deaths at 80+). */
	public OptionalDouble e0() {
		double e = rows.get(0).e();
		return Double.isNaN(e) ? OptionalDouble.empty() : OptionalDouble.of(e);
	}

	/** Whether the open group had no deaths and took the pooled 80+ rate. */
	public boolean openIntervalPooled() {
		return pooled;
	}

}
