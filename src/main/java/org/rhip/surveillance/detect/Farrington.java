package org.rhip.surveillance.detect;

/**
 * Farrington et al. (1996), "A statistical algorithm for the early detection of outbreaks of
 * infectious disease", exactly as {@code algo.farrington} of the R package {@code surveillance}
 * (1.20.3, checked against it point for point by {@code FarringtonReferenceTest}) computes it, with its
 * default {@code fitFun = "algo.farrington.fitGLM.fast"}. Parameters, named and defaulted as R's
 * control list: {@code b} = 5 years back, {@code w} = 3 (half-window), {@code reweight} = true,
 * {@code alpha} = 0.05, {@code trend} = true, {@code limit54} = {@code 5,4}, {@code powertrans} =
 * {@code 2/3} (or {@code 1/2}, {@code none}).
 * <p>
 * For point t (0-based; freq = 52 weekly, 365 daily, as R's {@code freq}, so a year back is 52
 * weeks or 365 days by index, leap days and 53-week years notwithstanding):
 * <ul>
 * <li><b>Baseline:</b> the counts at {@code t - i*freq + d} for i = 1..b and d = -w..w, n = b(2w+1)
 * values, chosen by index (R's behaviour for {@code epochAsDate = FALSE}; R's date-based choice for
 * date-indexed series is not used). A point whose baseline does not lie wholly in the series
 * ({@code t < b*freq + w}, 0-based) gets no threshold (NaN) and no alarm; R's default range starts
 * earlier and fits on the part of the baseline that exists, which we do not do.</li>
 * <li><b>Model:</b> quasi-Poisson GLM with log link, {@code log mu = a + beta * time} (with trend) or
 * {@code log mu = a}, fitted by {@link PoissonGlm} exactly as R's {@code glm.fit} (IRLS from
 * {@code y + 0.1}, at most 25 iterations, relative deviance change below 1e-8); the dispersion is
 * {@code phi = max(1, X^2/(n - p))} with the Pearson X^2 (floored at 1 in both fits).</li>
 * <li><b>Reweighting</b> (if {@code reweight}): Anscombe residuals
 * {@code s = 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h))}; weights {@code gamma s^-2} for
 * s &gt; 1 (R's fixed threshold here), {@code gamma} otherwise, gamma making them sum to n; the model
 * is refitted with these weights and phi re-estimated.</li>
 * <li><b>Trend rule:</b> with {@code trend}, the trend is kept only if its t test (quasi-Poisson,
 * residual degrees of freedom) has p &lt; 0.05, b &gt;= 3 and the predicted mean at t does not exceed
 * the largest baseline count; otherwise the model is refitted (and reweighted) without trend. If the
 * fit with trend does not converge within 25 iterations, it is refitted without trend. (With b &lt; 3
 * the trend could never be kept, so the fit without trend is done straight away: same result.)</li>
 * <li><b>Threshold:</b> with mu0 the predicted mean at t,
 * {@code Var(mu0) = phi mu0^2 x0'(X'WX)^-1 x0} (R's {@code predict.glm} with {@code dispersion = phi}),
 * {@code tau = phi + Var(mu0)/mu0}, and the power transformation of exponent e = 2/3 (1/2, 1):
 * {@code U = (mu0^e + z * e * mu0^(e-1) * sqrt(mu0 tau))^(1/e)}, i.e. for 2/3
 * {@code U = (mu0^(2/3) + z sqrt(4/9 mu0^(1/3) tau))^(3/2)}, with the two-sided
 * {@code z = qnorm(1 - alpha/2)}.</li>
 * <li><b>limit54:</b> with {@code limit54 = c,p}, if the counts of the last p points (t included) sum
 * to less than c, the threshold is 0 (R's {@code upperbound}) and there is no alarm.</li>
 * <li><b>Alarm:</b> as R, {@code (y - mu0)/(U - mu0) > 1}, i.e. the count exceeds U.</li>
 * </ul>
 * As R: a baseline of zeros is fitted like any other (the fit drives mu0 toward 0 and stops by the
 * deviance rule, giving a tiny threshold, so any count alarms once limit54 is met); a fit without
 * trend that does not converge within 25 iterations is used as it stands (R checks nothing more).
 * Where R would stop with an error (no finite fit at all) the point gets NaN and no alarm.
 */
final class Farrington implements Detector {

	private final int b;

	private final int w;

	private final boolean reweight;

	private final double alpha;

	private final boolean trend;

	private final int[] limit54;

	private final double exponent;

	private final double z;

	Farrington(DetectorParams params) {
		this.b = params.integer("b", 5);
		this.w = params.integer("w", 3);
		this.reweight = params.bool("reweight", true);
		this.alpha = params.decimal("alpha", 0.05);
		this.trend = params.bool("trend", true);
		this.limit54 = limit54(params);
		this.exponent = exponent(params);
		checkWindow(b, w, alpha);
		this.z = Distributions.qnorm(1 - alpha / 2);
	}

	@Override
	public String method() {
		return "farrington";
	}

	@Override
	public Detections detect(CountSeries series, int from) {
		return run(series, from, false);
	}

	/** Skips the fit where the count is 0: no upper bound is below 0, so such a point cannot alarm. */
	@Override
	public Detections alarms(CountSeries series, int from) {
		return run(series, from, true);
	}

	private Detections run(CountSeries series, int from, boolean alarmsOnly) {
		int size = series.size();
		Detections result = Detections.empty(size);
		int freq = series.frequency().periodsPerYear();
		int first = b * freq + w;
		if (first >= size) {
			return result;
		}
		int[] offsets = new int[b * (2 * w + 1)];
		int m = 0;
		for (int i = b; i >= 1; i--) {
			for (int d = -w; d <= w; d++) {
				offsets[m++] = -i * freq + d;
			}
		}
		PoissonGlm glm = new PoissonGlm(offsets, new int[offsets.length], 1, freq);
		PoissonGlm.Counts data = new PoissonGlm.Counts(series);
		for (int t = Math.max(first, from); t < size; t++) {
			if (alarmsOnly && series.count(t) == 0) {
				continue;
			}
			glm.load(t, data);
			// with b < 3 R always drops the trend again: fit without it straight away
			if (glm.fitFarrington(trend && b >= 3, reweight, 1) == PoissonGlm.FAILED) {
				continue;
			}
			if (glm.hasTrend()) {
				boolean keep = b >= 3 && glm.trendSignificant(glm.dispersion(), 0.05) && glm.mean(0) <= glm.maxCount();
				if (!keep && glm.fitFarrington(false, reweight, 1) == PoissonGlm.FAILED) {
					continue;
				}
			}
			double phi = glm.phi();
			double mu0 = glm.mean(0);
			double seFit = Math.sqrt(glm.unscaledVariance(0) * phi) * mu0;
			double upper = upperBound(mu0, seFit, phi, exponent, z);
			int y = data.counts[t];
			if (data.sum(t, limit54[1]) >= limit54[0]) {
				result.thresholds()[t] = upper;
				result.alarms()[t] = (y - mu0) / (upper - mu0) > 1;
			}
			else {
				result.thresholds()[t] = 0;
			}
		}
		return result;
	}

	/**
	 * R's {@code algo.farrington.threshold} (and {@code algo.farrington.threshold.farrington}): the
	 * upper of the two bounds {@code (mu0^e -/+ z se)^(1/e)}, {@code tau = phi + seFit^2/mu0}; a bound
	 * that is not a number (negative base) is dropped, as R's {@code sort(na.last = FALSE)} does.
	 */
	static double upperBound(double mu0, double seFit, double phi, double exponent, double z) {
		double tau = phi + seFit * seFit / mu0;
		double se;
		if (exponent == 1) {
			se = Math.sqrt(mu0 * tau);
		}
		else if (exponent == 0.5) {
			se = Math.sqrt(0.25 * tau);
		}
		else {
			se = Math.sqrt(4.0 / 9 * Math.pow(mu0, 1.0 / 3) * tau);
		}
		double centre = exponent == 1 ? mu0 : Math.pow(mu0, exponent);
		double lower = back(centre - z * se, exponent);
		double upper = back(centre + z * se, exponent);
		if (Double.isNaN(lower)) {
			return upper;
		}
		if (Double.isNaN(upper)) {
			return lower;
		}
		return Math.max(lower, upper);
	}

	private static double back(double v, double exponent) {
		if (exponent == 1) {
			return v;
		}
		if (exponent == 0.5) {
			return v * v;
		}
		return Math.pow(v, 1 / exponent);
	}

	/** {@code limit54} as {@code cases,periods}: cases &gt;= 0, periods &gt; 0. */
	static int[] limit54(DetectorParams params) {
		String text = params.string("limit54", "5,4");
		String[] parts = text.split(",");
		try {
			if (parts.length == 2) {
				int cases = Integer.parseInt(parts[0].trim());
				int periods = Integer.parseInt(parts[1].trim());
				if (cases >= 0 && periods > 0) {
					return new int[] { cases, periods };
				}
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ParameterProblem("limit54", "must be cases,periods with cases >= 0 and periods > 0, like 5,4, not '"
				+ text + "'");
	}

	/** {@code powertrans}: 2/3, 1/2 or none, as the exponent. */
	static double exponent(DetectorParams params) {
		return switch (params.choice("powertrans", "2/3", "2/3", "1/2", "none")) {
			case "1/2" -> 0.5;
			case "none" -> 1;
			default -> 2.0 / 3;
		};
	}

	static void checkWindow(int b, int w, double alpha) {
		if (b < 1) {
			throw new ParameterProblem("b", "must be at least 1");
		}
		if (w < 0) {
			throw new ParameterProblem("w", "must not be negative");
		}
		if (!(alpha > 0 && alpha < 1)) {
			throw new ParameterProblem("alpha", "must be between 0 and 1");
		}
	}

}
