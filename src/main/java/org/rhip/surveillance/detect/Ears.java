package org.rhip.surveillance.detect;

/**
 * EARS C1, C2 and C3 (CDC's Early Aberration Reporting System), exactly as {@code earsC} of the R
 * package {@code surveillance} (1.20.3) computes them; parameters {@code alpha}, {@code baseline}
 * and {@code minSigma} are R's, with R's defaults. Point t (0-based here) is y[t].
 *
 * <ul>
 * <li><b>C1</b>: reference values y[t−b] … y[t−1], b = {@code baseline} (default 7), no guard band.
 * Threshold = mean + z·max(sd, minSigma), z = qnorm(1 − alpha), alpha default 0.001. First
 * threshold at t = b.</li>
 * <li><b>C2</b>: the same with a guard band of two: reference values y[t−b−2] … y[t−3]. Alpha
 * default 0.001. First threshold at t = b + 2.</li>
 * <li><b>C3</b>: with C2(s) = (y[s] − mean_s)/max(sd_s, minSigma) the C2 statistic of point s over its
 * C2 reference values, R's upper bound is y[t] + max(sd_t, minSigma)·(z − max(0, C2(t−2) − 1) −
 * max(0, C2(t−1) − 1)), floored at 0; alpha default 0.025. First threshold at t = b + 4. As in R, the
 * bound holds y[t] itself: apart from the floor at 0, y[t] &gt; bound ⇔ max(0, C2(t−2) − 1) + max(0,
 * C2(t−1) − 1) &gt; z, so the current count only matters through the floor (a count of 0 never
 * alarms).</li>
 * </ul>
 * mean is the arithmetic mean and sd the sample standard deviation (denominator b − 1) of the b
 * reference values. Alarm ⇔ y[t] &gt; threshold.
 *
 * <p>
 * Edge handling, all as in R's floating-point arithmetic: with zero standard deviation and
 * {@code minSigma} 0 (a run of zeros, a constant stretch) the C1/C2 threshold is the mean itself,
 * so any count above it alarms. C3 then divides by zero: a C2 of a previous point is +∞ when its
 * count was above its constant reference, which makes the bound 0 when the current point's sd is
 * above 0; a C2 of 0/0 (count equal to a constant reference) or a zero current sd times an infinite
 * excess is NaN — R's NA bound and NA alarm, here NaN and no alarm. {@code minSigma} &gt; 0 avoids
 * all of this. Points before the first threshold (too little history) get NaN and no alarm; R drops
 * them.
 */
final class Ears implements Detector {

	enum Variant {

		C1(0, 0.001), C2(2, 0.001), C3(2, 0.025);

		/** Points between the reference values and the current point. */
		final int guard;

		final double defaultAlpha;

		Variant(int guard, double defaultAlpha) {
			this.guard = guard;
			this.defaultAlpha = defaultAlpha;
		}

	}

	private final Variant variant;

	private final int baseline;

	private final double minSigma;

	private final double z;

	Ears(Variant variant, DetectorParams params) {
		this.variant = variant;
		double alpha = params.decimal("alpha", variant.defaultAlpha);
		this.baseline = params.integer("baseline", 7);
		this.minSigma = params.decimal("minSigma", 0);
		if (!(alpha > 0 && alpha < 1) || 1 - alpha == 1) {
			throw new ParameterProblem("alpha", "must be between 0 and 1 (exclusive), not " + alpha);
		}
		if (baseline < 3) {
			throw new ParameterProblem("baseline", "must be at least 3 (R's minimum), not " + baseline);
		}
		if (!(minSigma >= 0) || Double.isInfinite(minSigma)) {
			throw new ParameterProblem("minSigma", "must be a number ≥ 0, not " + minSigma);
		}
		this.z = qnorm(1 - alpha);
	}

	@Override
	public String method() {
		return "ears-" + variant.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public Detections detect(CountSeries series, int from) {
		int n = series.size();
		Detections result = Detections.empty(n);
		int first = baseline + variant.guard + (variant == Variant.C3 ? 2 : 0);
		for (int t = Math.max(first, from); t < n; t++) {
			double threshold;
			if (variant == Variant.C3) {
				double lag2 = Math.max(0, c2(series, t - 2) - 1);
				double lag1 = Math.max(0, c2(series, t - 1) - 1);
				double sigma = Math.max(reference(series, t)[1], minSigma);
				threshold = Math.max(0, series.count(t) + sigma * (z - (lag2 + lag1)));
			}
			else {
				double[] meanSd = reference(series, t);
				threshold = meanSd[0] + z * Math.max(meanSd[1], minSigma);
			}
			result.thresholds()[t] = threshold;
			// a NaN threshold never alarms, as R's NA alarm
			result.alarms()[t] = series.count(t) > threshold;
		}
		return result;
	}

	/** The C2 statistic of point s: (y[s] − mean)/max(sd, minSigma) over its C2 reference values. */
	private double c2(CountSeries series, int s) {
		double[] meanSd = reference(series, s);
		return (series.count(s) - meanSd[0]) / Math.max(meanSd[1], minSigma);
	}

	/** Mean and sample standard deviation of the reference values of point t. */
	private double[] reference(CountSeries series, int t) {
		int from = t - variant.guard - baseline;
		long sum = 0;
		for (int i = from; i < from + baseline; i++) {
			sum += series.count(i);
		}
		double mean = (double) sum / baseline;
		double squares = 0;
		for (int i = from; i < from + baseline; i++) {
			double d = series.count(i) - mean;
			squares += d * d;
		}
		return new double[] { mean, Math.sqrt(squares / (baseline - 1)) };
	}

	/**
	 * The standard normal quantile, as R's {@code qnorm(p)}: Wichura's algorithm AS 241 (PPND16,
	 * relative accuracy about 1e-16), with R's arrangement of the tail branch.
	 */
	static double qnorm(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("p must be between 0 and 1, not " + p);
		}
		double q = p - 0.5;
		if (Math.abs(q) <= 0.425) {
			double r = 0.180625 - q * q;
			return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
					+ 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
					+ 133.14166789178437745) * r + 3.387132872796366608)
					/ (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
							+ 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
							+ 42.313330701600911252) * r + 1.0);
		}
		double r = q > 0 ? (0.5 - p) + 0.5 : p;
		r = Math.sqrt(-Math.log(r));
		double value;
		if (r <= 5) {
			r -= 1.6;
			value = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
					+ 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
					+ 4.6303378461565452959) * r + 1.42343711074968357734)
					/ (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
							+ 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
							+ 2.05319162663775882187) * r + 1.0);
		}
		else {
			r -= 5;
			value = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
					+ 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
					+ 5.4637849111641143699) * r + 6.6579046435011037772)
					/ (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
							+ 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
							+ 0.59983220655588793769) * r + 1.0);
		}
		return q < 0 ? -value : value;
	}

}
