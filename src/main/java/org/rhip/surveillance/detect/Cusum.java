package org.rhip.surveillance.detect;

/**
 * Approximate one-sided Poisson CUSUM, as {@code algo.cusum} of the R package {@code surveillance}
 * (1.20.3) computes it with {@code trans = "standard"}; parameters {@code k} (default 1.04),
 * {@code h} (default 2.26), {@code m} and {@code range} are R's.
 *
 * <p>
 * R evaluates the points of {@code range} (1-based, here {@code FROM:TO} or {@code FROM}, TO
 * defaulting to the last point; R has no default, ours is {@code (freq+1):n}, i.e. one year of
 * history — 365 days or 52 weeks — before the first evaluated point). With {@code m} not given
 * (R's {@code m = NULL}) the reference mean m is the mean of all points before FROM (R:
 * {@code mean(observed[1:(range[1]-1)])}), so FROM must be at least 2; a given {@code m} (&gt; 0) is
 * used for every point. Over the range, starting from S = 0 and never reset after an alarm:
 *
 * <pre>
 * z_t = (y_t − m)/√m,  S_t = max(0, S_{t−1} + (z_t − k)),  alarm ⇔ S_t ≥ h.
 * </pre>
 * Points outside the range get NaN and no alarm.
 *
 * <p>
 * Threshold in count units: since h &gt; 0, S_t ≥ h ⇔ y_t ≥ u_t = m + √m·(h + k − S_{t−1}), which is
 * what R's upper bound {@code ceiling(u_t)} (floored at 0) expresses with "alarm ⇔ y ≥ bound". Here
 * the threshold is the largest count that would not have alarmed given S_{t−1}: ceil(u_t) − 1
 * (checked against the recursion itself, so rounding cannot break the rule), so that alarm ⇔ count
 * &gt; threshold; it is −1 when even a count of 0 would alarm (S_{t−1} ≥ h + k + √m, after an
 * earlier alarm). So our threshold is R's upper bound minus 1 wherever R's is above 0.
 *
 * <p>
 * Edge handling: when m is 0 (no cases before FROM) the standardisation is undefined; R then
 * returns NaN sums with bound 0, here every point of the range gets NaN and no alarm. When FROM is
 * past the end of the series, every point gets NaN.
 */
final class Cusum implements Detector {

	private final double k;

	private final double h;

	private final Double m;

	private final Integer from;

	private final int to;

	Cusum(DetectorParams params) {
		this.k = params.decimal("k", 1.04);
		this.h = params.decimal("h", 2.26);
		double givenM = params.decimal("m", Double.NaN);
		this.m = params.has("m") ? givenM : null;
		params.choice("trans", "standard", "standard");
		String range = params.string("range", null);
		if (!Double.isFinite(k)) {
			throw new ParameterProblem("k", "must be a number, not " + k);
		}
		if (!(h > 0) || Double.isInfinite(h)) {
			throw new ParameterProblem("h", "must be a number > 0, not " + h);
		}
		if (m != null && (!(m > 0) || m.isInfinite())) {
			throw new ParameterProblem("m", "must be a number > 0, not " + m);
		}
		if (range == null) {
			this.from = null;
			this.to = Integer.MAX_VALUE;
		}
		else {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d{1,9})(?::(\\d{1,9}))?").matcher(range);
			if (!matcher.matches()) {
				throw new ParameterProblem("range", "must be FROM or FROM:TO (1-based points), not '" + range + "'");
			}
			this.from = Integer.parseInt(matcher.group(1));
			this.to = matcher.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(matcher.group(2));
			if (from < 1 || to < from) {
				throw new ParameterProblem("range", "must have 1 ≤ FROM ≤ TO, not '" + range + "'");
			}
			if (m == null && from < 2) {
				throw new ParameterProblem("range", "must start at point 2 or later when m is not given "
						+ "(m is the mean of the points before it), not '" + range + "'");
			}
		}
	}

	@Override
	public String method() {
		return "cusum";
	}

	/** All points always: each depends on the running sum from the start of the range. */
	@Override
	public Detections detect(CountSeries series, int firstNeeded) {
		int n = series.size();
		Detections result = Detections.empty(n);
		int first = (from == null ? series.frequency().periodsPerYear() + 1 : from) - 1;
		int last = Math.min(to, n) - 1;
		if (first > last) {
			return result;
		}
		double mean;
		if (m != null) {
			mean = m;
		}
		else {
			long sum = 0;
			for (int t = 0; t < first; t++) {
				sum += series.count(t);
			}
			mean = (double) sum / first;
		}
		if (!(mean > 0)) {
			return result;
		}
		double root = Math.sqrt(mean);
		double s = 0;
		for (int t = first; t <= last; t++) {
			result.thresholds()[t] = threshold(s, mean, root);
			s = next(s, series.count(t), mean, root);
			result.alarms()[t] = s >= h;
		}
		return result;
	}

	/** S_t from S_{t−1} and y_t, in R's order of operations. */
	private double next(double previous, double count, double mean, double root) {
		return Math.max(0, previous + ((count - mean) / root - k));
	}

	/** The largest count that does not alarm after S_{t−1} = {@code previous}, at least −1. */
	private double threshold(double previous, double mean, double root) {
		double bound = Math.ceil(root * (h + k - previous) + mean);
		double candidate = Math.max(-1, bound - 1);
		while (candidate >= 0 && next(previous, candidate, mean, root) >= h) {
			candidate--;
		}
		while (next(previous, candidate + 1, mean, root) < h) {
			candidate++;
		}
		return candidate;
	}

}
