package org.rhip.person.linkage;

import java.util.EnumMap;
import java.util.Map;

/**
 * Estimates m, u and the match share p of a Fellegi–Sunter model from unlabelled comparison vectors
 * by expectation–maximisation, assuming the fields independent given match status (Winkler 1988,
 * "Using the EM algorithm for weight computation in the Fellegi–Sunter model of record linkage").
 * Missing fields drop out of both the likelihood and the counts. Works on {@link PatternCounts}, so
 * an iteration costs the number of distinct vectors (at most 1,500), not the number of pairs. No
 * randomness: the same counts and start give the same estimate.
 */
public final class EmEstimator {

	/** Added to every level's expected count, so that no level gets probability 0 (weight ±∞). */
	static final double PSEUDO_COUNT = 0.5;

	private final int maxIterations;

	private final double tolerance;

	public EmEstimator() {
		this(2000, 1e-7);
	}

	public EmEstimator(int maxIterations, double tolerance) {
		if (maxIterations < 1 || !(tolerance > 0)) {
			throw new IllegalArgumentException("need at least one iteration and a positive tolerance");
		}
		this.maxIterations = maxIterations;
		this.tolerance = tolerance;
	}

	/**
	 * The start EM uses by default: agreement likely among matches (m of the top level 0.85, of
	 * disagreement 0.05) and unlikely among non-matches (u of the top level 0.02, of disagreement
	 * 0.9), sex uninformative among non-matches, and a match share of 0.1. Starting on the match side
	 * of every field keeps the two classes from swapping.
	 */
	public static FellegiSunter priors() {
		Map<Field, double[]> m = new EnumMap<>(Field.class);
		Map<Field, double[]> u = new EnumMap<>(Field.class);
		for (Field field : Field.values()) {
			int levels = field.levelCount();
			double[] mf = new double[levels];
			double[] uf = new double[levels];
			if (levels == 2) {
				mf[0] = 0.95;
				mf[1] = 0.05;
				uf[0] = field == Field.SEX ? 0.5 : 0.1;
				uf[1] = 1 - uf[0];
			}
			else {
				mf[0] = 0.85;
				mf[levels - 1] = 0.05;
				uf[0] = 0.02;
				uf[levels - 1] = 0.9;
				for (int level = 1; level < levels - 1; level++) {
					mf[level] = 0.10 / (levels - 2);
					uf[level] = 0.08 / (levels - 2);
				}
			}
			m.put(field, mf);
			u.put(field, uf);
		}
		return new FellegiSunter(LevelProbabilities.of(m), LevelProbabilities.of(u));
	}

	public EmEstimate estimate(PatternCounts counts) {
		return estimate(counts, priors(), 0.1, false);
	}

	/**
	 * EM from a given start; with {@code fixU} only m and p are estimated and u is kept (e.g. u
	 * measured on random pairs).
	 */
	public EmEstimate estimate(PatternCounts counts, FellegiSunter start, double startShare, boolean fixU) {
		if (counts.total() == 0) {
			throw new IllegalArgumentException("EM needs at least one compared pair");
		}
		if (!(startShare > 0 && startShare < 1)) {
			throw new IllegalArgumentException("the starting match share lies strictly between 0 and 1");
		}
		Field[] fields = Field.values();
		// the distinct vectors that occur, their counts and levels
		int distinct = 0;
		for (int code = 0; code < PatternCounts.patterns(); code++) {
			if (counts.countOf(code) > 0) {
				distinct++;
			}
		}
		double[] n = new double[distinct];
		int[][] levels = new int[distinct][fields.length];
		int k = 0;
		for (int code = 0; code < PatternCounts.patterns(); code++) {
			if (counts.countOf(code) > 0) {
				n[k] = counts.countOf(code);
				for (Field field : fields) {
					levels[k][field.ordinal()] = ComparisonVector.level(code, field);
				}
				k++;
			}
		}
		double[][] m = new double[fields.length][];
		double[][] u = new double[fields.length][];
		for (Field field : fields) {
			m[field.ordinal()] = start.m().get(field);
			u[field.ordinal()] = start.u().get(field);
		}
		double p = startShare;
		double total = counts.total();
		double logLikelihood = Double.NaN;
		int iteration = 0;
		boolean converged = false;
		while (iteration < maxIterations && !converged) {
			iteration++;
			double[][] mSum = new double[fields.length][];
			double[][] uSum = new double[fields.length][];
			for (Field field : fields) {
				mSum[field.ordinal()] = new double[field.levelCount()];
				uSum[field.ordinal()] = new double[field.levelCount()];
			}
			double matches = 0;
			logLikelihood = 0;
			double logP = Math.log(p);
			double logQ = Math.log(1 - p);
			for (int i = 0; i < distinct; i++) {
				double lm = logP;
				double lu = logQ;
				for (int f = 0; f < fields.length; f++) {
					int level = levels[i][f];
					if (level != Field.MISSING) {
						lm += Math.log(m[f][level]);
						lu += Math.log(u[f][level]);
					}
				}
				double max = Math.max(lm, lu);
				double log = max + Math.log(Math.exp(lm - max) + Math.exp(lu - max));
				logLikelihood += n[i] * log;
				double g = Math.exp(lm - log);
				matches += n[i] * g;
				for (int f = 0; f < fields.length; f++) {
					int level = levels[i][f];
					if (level != Field.MISSING) {
						mSum[f][level] += n[i] * g;
						uSum[f][level] += n[i] * (1 - g);
					}
				}
			}
			double change = 0;
			for (int f = 0; f < fields.length; f++) {
				double[] mNew = normalize(mSum[f]);
				change = Math.max(change, maxDifference(m[f], mNew));
				m[f] = mNew;
				if (!fixU) {
					double[] uNew = normalize(uSum[f]);
					change = Math.max(change, maxDifference(u[f], uNew));
					u[f] = uNew;
				}
			}
			double pNew = Math.min(1 - 1e-12, Math.max(1e-12, matches / total));
			change = Math.max(change, Math.abs(pNew - p));
			p = pNew;
			converged = change < tolerance;
		}
		Map<Field, double[]> mMap = new EnumMap<>(Field.class);
		Map<Field, double[]> uMap = new EnumMap<>(Field.class);
		for (Field field : fields) {
			mMap.put(field, m[field.ordinal()]);
			uMap.put(field, u[field.ordinal()]);
		}
		return new EmEstimate(new FellegiSunter(LevelProbabilities.of(mMap), LevelProbabilities.of(uMap)), p, iteration,
				converged, logLikelihood);
	}

	private static double[] normalize(double[] expected) {
		double sum = 0;
		for (double v : expected) {
			sum += v + PSEUDO_COUNT;
		}
		double[] p = new double[expected.length];
		for (int i = 0; i < p.length; i++) {
			p[i] = (expected[i] + PSEUDO_COUNT) / sum;
		}
		return p;
	}

	private static double maxDifference(double[] a, double[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++) {
			max = Math.max(max, Math.abs(a[i] - b[i]));
		}
		return max;
	}

}
