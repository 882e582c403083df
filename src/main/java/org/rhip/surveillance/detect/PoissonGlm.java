package org.rhip.surveillance.detect;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The quasi-Poisson log-linear model of the Farrington methods, fitted step for step as R's
 * {@code glm.fit} fits {@code glm(response ~ 1 [+ wtime] [+ seasgroups], family = quasipoisson)}, so
 * that the results agree with R's to rounding:
 * <ul>
 * <li>start at {@code mu = y + 0.1}, {@code eta = log(mu)}; the inverse link is
 * {@code mu = max(exp(eta), 2.22e-16)};</li>
 * <li>each iteration solves the weighted least squares of the working response
 * {@code z = eta + (y - mu)/mu} with working weights {@code w = prior * mu}; it stops when the deviance
 * changes by less than {@code 1e-8 * (|deviance| + 0.1)}, or after 25 iterations (not converged); a
 * non-finite deviance halves the step toward the previous coefficients, as R does;</li>
 * <li>the dispersion is R's {@code summary.glm} estimate: the Pearson statistic with the working
 * weights of the last iteration, {@code sum(w (y - mu)^2 / mu^2) / (n - rank)}; hat values and the
 * covariance of the coefficients also use the last iteration's weights, as R's QR decomposition
 * does.</li>
 * </ul>
 * The design has one intercept per level of the seasonal factor (cell means: the same fitted values,
 * hat values and predictions as R's intercept plus treatment contrasts) and an optional linear time
 * trend; time is centred within each level (a reparametrisation, which changes neither fitted values
 * nor the trend's test). With that structure the normal equations reduce to per-level sums, solved
 * in one pass over the data; without trend, iterations after the first need only those sums; with
 * trend, the means take a few exponentials per year and per position in the year rather than one
 * per observation. Results agree with R's to about 1e-14. One instance is a reusable workspace for
 * one reference pattern; not thread-safe.
 */
final class PoissonGlm {

	/** R's {@code .Machine$double.eps}, the floor of the log link's inverse. */
	static final double EPS = Math.ulp(1.0);

	private static final double LOG_EPS = Math.log(EPS);

	private static final int MAXIT = 25;

	private static final double EPSILON = 1e-8;

	/** Outcome of one fit: converged, stopped after 25 iterations, or failed (R would stop with an error). */
	static final int CONVERGED = 0, NOT_CONVERGED = 1, FAILED = 2;

	private final int n;

	private final int levels;

	/** Time of each observation relative to the predicted point, minus its level's centre. */
	private final double[] x;

	/** Each level's centre: the mean time of its observations relative to the predicted point. */
	private final double[] centre;

	private final int[] level;

	/** Offsets of the observations from the predicted point, grouped by level. */
	private final int[] offsets;

	/** Level j's observations are {@code levelStart[j] .. levelStart[j + 1] - 1}. */
	private final int[] levelStart;

	/**
	 * Each observation's offset split as {@code q * period + r}: index of its {@code q * period} in
	 * {@link #hiValues} and of its r in {@link #loValues}, for the factorized exponentials of
	 * {@link #update}.
	 */
	private final int[] hi, lo;

	private final double[] hiValues, loValues, expHi, expLo, expLevel;

	private final boolean factorized;

	private final double[] counts, logCounts, counts23, etaStart, muStart, prior, ones, eta, mu, work;

	/** Per level: sum of working weights, weighted mean of x, intercept (at x = 0), previous intercept. */
	private final double[] sumW, meanX, alpha, alphaOld;

	/**
	 * Without trend, per level: sum of prior weights, of weighted counts, of weighted {@code y log y};
	 * the current linear predictor and mean, and the mean of the last least squares.
	 */
	private final double[] levelP, levelY, levelL, levelEta, levelMu, levelMuSolved;

	private boolean trend;

	private boolean weighted;

	private double betaT, betaTOld, ssX;

	private int rank, nOk;

	private double maxCount;

	private double criticalDf = Double.NaN, criticalP = Double.NaN, criticalT;

	/**
	 * A workspace for observations at {@code offsetsInAnyOrder} from the predicted point, the i-th
	 * in seasonal level {@code levelOf[i]} (0-based, {@code levelCount} levels), in a series of
	 * {@code period} points a year.
	 */
	PoissonGlm(int[] offsetsInAnyOrder, int[] levelOf, int levelCount, int period) {
		this.n = offsetsInAnyOrder.length;
		this.levels = levelCount;
		// observations grouped by level, each level's in time order
		this.levelStart = new int[levels + 1];
		for (int j : levelOf) {
			levelStart[j + 1]++;
		}
		for (int j = 0; j < levels; j++) {
			levelStart[j + 1] += levelStart[j];
		}
		int[] next = Arrays.copyOf(levelStart, levels);
		this.offsets = new int[n];
		this.level = new int[n];
		for (int i = 0; i < n; i++) {
			int k = next[levelOf[i]]++;
			offsets[k] = offsetsInAnyOrder[i];
			level[k] = levelOf[i];
		}
		this.centre = new double[levels];
		int[] members = new int[levels];
		for (int i = 0; i < n; i++) {
			centre[level[i]] += offsets[i];
			members[level[i]]++;
		}
		for (int j = 0; j < levels; j++) {
			centre[j] = members[j] > 0 ? centre[j] / members[j] : 0;
		}
		this.x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = offsets[i] - centre[level[i]];
		}
		this.hi = new int[n];
		this.lo = new int[n];
		int[] his = new int[n];
		int[] los = new int[n];
		int hiCount = 0;
		int loCount = 0;
		for (int i = 0; i < n; i++) {
			int q = Math.floorDiv(offsets[i], period) * period;
			int r = Math.floorMod(offsets[i], period);
			hi[i] = indexOf(his, hiCount, q);
			if (hi[i] == hiCount) {
				his[hiCount++] = q;
			}
			lo[i] = indexOf(los, loCount, r);
			if (lo[i] == loCount) {
				los[loCount++] = r;
			}
		}
		this.hiValues = new double[hiCount];
		this.loValues = new double[loCount];
		for (int k = 0; k < hiCount; k++) {
			hiValues[k] = his[k];
		}
		for (int k = 0; k < loCount; k++) {
			loValues[k] = los[k];
		}
		this.expHi = new double[hiCount];
		this.expLo = new double[loCount];
		this.expLevel = new double[levels];
		this.factorized = hiCount + loCount + levels < n / 2;
		this.counts = new double[n];
		this.logCounts = new double[n];
		this.counts23 = new double[n];
		this.etaStart = new double[n];
		this.muStart = new double[n];
		this.prior = new double[n];
		this.ones = new double[n];
		Arrays.fill(ones, 1);
		this.eta = new double[n];
		this.mu = new double[n];
		this.work = new double[n];
		this.sumW = new double[levels];
		this.meanX = new double[levels];
		this.alpha = new double[levels];
		this.alphaOld = new double[levels];
		this.levelP = new double[levels];
		this.levelY = new double[levels];
		this.levelL = new double[levels];
		this.levelEta = new double[levels];
		this.levelMu = new double[levels];
		this.levelMuSolved = new double[levels];
	}

	private static int indexOf(int[] values, int count, int value) {
		for (int k = 0; k < count; k++) {
			if (values[k] == value) {
				return k;
			}
		}
		return count;
	}

	/** Takes the reference values of point {@code t}: the counts at {@code t + offset}. */
	void load(int t, Counts series) {
		double max = 0;
		for (int i = 0; i < n; i++) {
			int index = t + offsets[i];
			counts[i] = series.counts[index];
			logCounts[i] = series.logCounts[index];
			counts23[i] = series.counts23[index];
			etaStart[i] = series.etaStart[index];
			muStart[i] = series.muStart[index];
			max = Math.max(max, counts[i]);
		}
		maxCount = max;
	}

	/** The largest reference value (R's {@code max(response)}). */
	double maxCount() {
		return maxCount;
	}

	boolean hasTrend() {
		return trend;
	}

	/**
	 * R's {@code algo.farrington.fitGLM.fast} / {@code algo.farrington.fitGLM.flexible}: fit (with
	 * trend if asked); if that does not converge and has a trend, fit without; then, if
	 * {@code reweight}, refit with weights from the Anscombe residuals ({@link #assignWeights}). The
	 * outcome is that of the first fit that is kept (R checks no other); the dispersion of the final
	 * fit is in {@link #phi()} after the call.
	 */
	int fitFarrington(boolean withTrend, boolean reweight, double weightsThreshold) {
		int outcome = irls(withTrend, false);
		if (outcome == NOT_CONVERGED && withTrend) {
			outcome = irls(false, false);
		}
		if (outcome == FAILED) {
			return FAILED;
		}
		if (reweight) {
			double phi = phi();
			if (!assignWeights(phi, weightsThreshold) || irls(trend, true) == FAILED) {
				return FAILED;
			}
		}
		return outcome;
	}

	/** {@code max(dispersion, 1)}, as both R functions floor it. */
	double phi() {
		return Math.max(dispersion(), 1);
	}

	/** R's {@code summary.glm(model)$dispersion}: Pearson statistic over residual degrees of freedom. */
	double dispersion() {
		return dispersion(false);
	}

	/**
	 * The dispersion {@code summary.glm} reports once {@code algo.farrington.fitGLM.flexible} has
	 * replaced {@code model$weights} (the working weights) by the reweighting weights omega:
	 * {@code sum(omega (y - mu)^2 / mu^2) / (n - rank)}. Without reweighting it is {@link #dispersion()}.
	 * {@code farringtonFlexible} uses it for the trend's test and the prediction's standard error.
	 */
	double flexibleDispersion() {
		return dispersion(weighted);
	}

	private double dispersion(boolean priorWeights) {
		int df = nOk - rank;
		if (df <= 0) {
			return Double.NaN;
		}
		double[] pw = weighted ? prior : ones;
		double[] weights = priorWeights ? prior : work;
		double sum = 0;
		for (int i = 0; i < n; i++) {
			if (pw[i] > 0) {
				double r = (counts[i] - mu[i]) / mu[i];
				sum += weights[i] * r * r;
			}
		}
		return sum / df;
	}

	/** The linear predictor at the predicted point (time 0) in seasonal level {@code q}. */
	double eta(int q) {
		return alpha[q] - betaT * centre[q];
	}

	/** The fitted mean at the predicted point: R's {@code predict(..., type = "response")}. */
	double mean(int q) {
		return Math.max(Math.exp(eta(q)), EPS);
	}

	/** Variance of {@link #eta} per unit dispersion: {@code x0' (X'WX)^-1 x0}. */
	double unscaledVariance(int q) {
		if (sumW[q] <= 0) {
			return Double.NaN;
		}
		double v = 1 / sumW[q];
		if (trend) {
			double d = centre[q] + meanX[q];
			v += d * d / ssX;
		}
		return v;
	}

	/** Whether level {@code q} has observations with weight. */
	boolean hasLevel(int q) {
		return sumW[q] > 0;
	}

	/**
	 * Whether the trend's two-sided t test, as {@code summary.glm} gives it for a quasi family with
	 * {@code dispersion} as the dispersion and n - rank degrees of freedom, has p &lt; {@code pThreshold}.
	 * Decided on |t| against the critical value, and on the p-value itself near it.
	 */
	boolean trendSignificant(double dispersion, double pThreshold) {
		int df = nOk - rank;
		double t = betaT / Math.sqrt(dispersion / ssX);
		if (Double.isNaN(t) || df <= 0) {
			return false;
		}
		if (pThreshold > 0 && pThreshold < 1) {
			if (df != criticalDf || pThreshold != criticalP) {
				criticalT = new TDistribution(null, df, 1e-12).inverseCumulativeProbability(1 - pThreshold / 2);
				criticalDf = df;
				criticalP = pThreshold;
			}
			double margin = 1e-6 * criticalT;
			if (Math.abs(t) > criticalT + margin) {
				return true;
			}
			if (Math.abs(t) < criticalT - margin) {
				return false;
			}
		}
		return Distributions.tTwoSided(t, df) < pThreshold;
	}

	/**
	 * R's {@code algo.farrington.assign.weights(anscombe.residuals(model, phi), weightsThreshold)}: the
	 * Anscombe residual {@code s = 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h))}, weight
	 * {@code gamma s^-2} when {@code s > weightsThreshold}, else {@code gamma}, with {@code gamma}
	 * making the weights sum to n. False when a residual is not a number.
	 */
	private boolean assignWeights(double phi, double weightsThreshold) {
		double sum = 0;
		for (int i = 0; i < n; i++) {
			int j = level[i];
			double h = 1 / sumW[j];
			if (trend) {
				double dx = x[i] - meanX[j];
				h += dx * dx / ssX;
			}
			h *= work[i];
			if (h > 1 - 10 * EPS) {
				h = 1;
			}
			double root = Math.sqrt(mu[i]);
			// mu^(-1/6), as exp(-eta/6) unless mu is at its floor
			double power = counts[i] == 0 ? 0
					: counts23[i] * (mu[i] == EPS ? Math.pow(EPS, -1.0 / 6) : Math.exp(-eta[i] / 6));
			double s = 1.5 * (power - root) / Math.sqrt(phi * (1 - h));
			if (Double.isNaN(s)) {
				return false;
			}
			prior[i] = s;
			sum += s > weightsThreshold ? 1 / (s * s) : 1;
		}
		double gamma = n / sum;
		for (int i = 0; i < n; i++) {
			double s = prior[i];
			prior[i] = s > weightsThreshold ? gamma / (s * s) : gamma;
		}
		return true;
	}

	/**
	 * One {@code glm.fit}. Without trend, every fit after the first iteration has one mean per level,
	 * so later iterations work on per-level sums (weights, weighted counts, weighted {@code y log y})
	 * instead of on every observation: the same arithmetic as R's, regrouped.
	 */
	private int irls(boolean withTrend, boolean useWeights) {
		trend = withTrend;
		weighted = useWeights;
		double[] pw = weighted ? prior : ones;
		nOk = 0;
		double devOld = 0;
		for (int i = 0; i < n; i++) {
			eta[i] = etaStart[i];
			mu[i] = muStart[i];
			nOk += pw[i] > 0 ? 1 : 0;
			devOld += deviance(i, pw[i]);
		}
		devOld *= 2;
		if (!trend) {
			Arrays.fill(levelP, 0);
			Arrays.fill(levelY, 0);
			Arrays.fill(levelL, 0);
			for (int i = 0; i < n; i++) {
				int j = level[i];
				levelP[j] += pw[i];
				levelY[j] += pw[i] * counts[i];
				levelL[j] += pw[i] * counts[i] * logCounts[i];
			}
		}
		boolean uniform = false;
		int outcome = NOT_CONVERGED;
		boolean haveOld = false;
		for (int iter = 1; iter <= MAXIT; iter++) {
			if (uniform) {
				solveUniform();
			}
			else if (!solve(pw)) {
				return FAILED;
			}
			double dev = trend ? update(pw) : updateUniform();
			if (!Double.isFinite(dev)) {
				if (!haveOld) {
					return FAILED;
				}
				for (int ii = 1; !Double.isFinite(dev); ii++) {
					if (ii > MAXIT) {
						return FAILED;
					}
					for (int j = 0; j < levels; j++) {
						alpha[j] = (alpha[j] + alphaOld[j]) / 2;
					}
					betaT = (betaT + betaTOld) / 2;
					dev = trend ? update(pw) : updateUniform();
				}
			}
			if (Math.abs(dev - devOld) / (0.1 + Math.abs(dev)) < EPSILON) {
				outcome = CONVERGED;
				break;
			}
			devOld = dev;
			System.arraycopy(alpha, 0, alphaOld, 0, levels);
			betaTOld = betaT;
			haveOld = true;
			uniform = !trend;
		}
		if (!trend) {
			// the observations' values, and the working weights of the last iteration
			for (int i = 0; i < n; i++) {
				int j = level[i];
				eta[i] = levelEta[j];
				mu[i] = levelMu[j];
				if (uniform) {
					work[i] = pw[i] * levelMuSolved[j];
				}
			}
		}
		return outcome;
	}

	/** {@link #solve} when each level has one mean: {@code z} averages to {@code eta + (Y/P - mu)/mu}. */
	private void solveUniform() {
		rank = 0;
		for (int j = 0; j < levels; j++) {
			if (levelP[j] > 0) {
				double m = levelMu[j];
				double mp = m * levelP[j];
				sumW[j] = mp;
				alpha[j] = levelEta[j] + (levelY[j] - mp) / mp;
				levelMuSolved[j] = m;
				rank++;
			}
		}
	}

	/** {@link #update} when each level has one mean, from the per-level sums. */
	private double updateUniform() {
		double dev = 0;
		for (int j = 0; j < levels; j++) {
			double e = alpha[j];
			double m = Math.max(Math.exp(e), EPS);
			levelEta[j] = e;
			levelMu[j] = m;
			if (levelP[j] > 0) {
				dev += levelL[j] - (m == EPS ? LOG_EPS : e) * levelY[j] - levelY[j] + m * levelP[j];
			}
		}
		return 2 * dev;
	}

	/**
	 * Working weights {@code w = prior * mu} and response {@code z = eta + (y - mu)/mu} from the current
	 * fit, and their weighted least squares on the level intercepts and x.
	 */
	private boolean solve(double[] pw) {
		double ss = 0;
		double sxz = 0;
		rank = trend ? 1 : 0;
		for (int j = 0; j < levels; j++) {
			double sw = 0, sx = 0, sxx = 0, sz = 0, sxzRaw = 0;
			for (int i = levelStart[j]; i < levelStart[j + 1]; i++) {
				double m = mu[i];
				double wi = pw[i] * m;
				double zi = eta[i] + (counts[i] - m) / m;
				work[i] = wi;
				double wx = wi * x[i];
				sw += wi;
				sx += wx;
				sxx += wx * x[i];
				sz += wi * zi;
				sxzRaw += wx * zi;
			}
			sumW[j] = sw;
			if (sw > 0) {
				rank++;
				double mx = sx / sw;
				double mz = sz / sw;
				meanX[j] = mx;
				alpha[j] = mz;
				ss += sxx - sx * mx;
				sxz += sxzRaw - sx * mz;
			}
			else {
				meanX[j] = 0;
				alpha[j] = 0;
			}
		}
		if (rank == (trend ? 1 : 0)) {
			return false;
		}
		betaT = 0;
		if (trend) {
			ssX = ss;
			betaT = sxz / ss;
			if (!Double.isFinite(betaT)) {
				return false;
			}
			for (int j = 0; j < levels; j++) {
				alpha[j] -= betaT * meanX[j];
			}
		}
		for (int j = 0; j < levels; j++) {
			if (!Double.isFinite(alpha[j])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * New linear predictor and mean from the coefficients; returns the deviance. With a trend, the
	 * means are {@code exp(alpha - beta c) * exp(beta q period) * exp(beta r)} for the offset
	 * {@code q period + r}: a few exponentials per year and per position in the year instead of one
	 * per observation (a product of three correctly rounded factors, a few units in the last place
	 * from {@code exp(eta)}; where a factor overflows, {@code exp(eta)} itself).
	 */
	private double update(double[] pw) {
		double dev = 0;
		if (factorized) {
			for (int k = 0; k < hiValues.length; k++) {
				expHi[k] = Math.exp(betaT * hiValues[k]);
			}
			for (int k = 0; k < loValues.length; k++) {
				expLo[k] = Math.exp(betaT * loValues[k]);
			}
			for (int j = 0; j < levels; j++) {
				expLevel[j] = Math.exp(alpha[j] - betaT * centre[j]);
			}
			for (int i = 0; i < n; i++) {
				int j = level[i];
				double e = alpha[j] + betaT * x[i];
				eta[i] = e;
				double m = expLevel[j] * expHi[hi[i]] * expLo[lo[i]];
				if (!(m > 0 && m < Double.POSITIVE_INFINITY)) {
					m = Math.exp(e);
				}
				mu[i] = Math.max(m, EPS);
				dev += deviance(i, pw[i]);
			}
		}
		else {
			for (int i = 0; i < n; i++) {
				double e = alpha[level[i]] + betaT * x[i];
				eta[i] = e;
				mu[i] = Math.max(Math.exp(e), EPS);
				dev += deviance(i, pw[i]);
			}
		}
		return 2 * dev;
	}

	/** Half the Poisson deviance residual of observation i, as {@code poisson()$dev.resids}. */
	private double deviance(int i, double pw) {
		// y log(y/mu) - (y - mu), which is mu for y = 0 (logCounts is 0 there); log(mu) = max(eta, log eps)
		double y = counts[i];
		return pw * (y * (logCounts[i] - Math.max(eta[i], LOG_EPS)) - (y - mu[i]));
	}

	/**
	 * A series' counts with what the fits need of each, computed once per series: the log (0 for 0),
	 * the 2/3 power, R's starting values {@code eta = log(y + 0.1)} and {@code mu = exp(eta)}, and
	 * running sums for limit54.
	 */
	static final class Counts {

		final int[] counts;

		final double[] logCounts;

		final double[] counts23;

		final double[] etaStart;

		final double[] muStart;

		private final long[] cumulative;

		Counts(CountSeries series) {
			counts = series.counts();
			int size = counts.length;
			logCounts = new double[size];
			counts23 = new double[size];
			etaStart = new double[size];
			muStart = new double[size];
			cumulative = new long[size + 1];
			for (int i = 0; i < size; i++) {
				logCounts[i] = counts[i] > 0 ? Math.log(counts[i]) : 0;
				counts23[i] = Math.pow(counts[i], 2.0 / 3);
				etaStart[i] = Math.log(counts[i] + 0.1);
				muStart[i] = Math.max(Math.exp(etaStart[i]), EPS);
				cumulative[i + 1] = cumulative[i] + counts[i];
			}
		}

		/** Sum of the counts of the {@code periods} points ending at t (fewer at the start of the series). */
		long sum(int t, int periods) {
			return cumulative[t + 1] - cumulative[Math.max(0, t + 1 - periods)];
		}

	}

}
