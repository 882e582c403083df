package org.rhip.surveillance.detect;

import java.util.Arrays;

/**
 * 移动百分位数法 (moving percentile method), as China's national infectious disease automated-alert
 * and response system (CIDARS) runs it (Yang W. et al., "A national early warning system for
 * infectious diseases in China", and Li Z. et al. 2014, on CIDARS's first years).
 *
 * <ul>
 * <li>Current value C_t: for a daily series the sum of the 7 days ending at t (t−6 … t); for a
 * weekly series the count of week t.</li>
 * <li>Baseline: for each of the previous {@code years} years (default 3), k = 1 … years, the same
 * period one year earlier — the 7-day sum ending at t − 365·k, or week t − 52·k — and the
 * {@code window} periods on each side of it (default 2): the 7-day sums ending at t − 365·k + 7·j,
 * or weeks t − 52·k + j, for j = −window … window. That is years·(2·window + 1) values, 15 by
 * default. No guard band beyond the year's lag: the nearest baseline period ends window periods
 * after t − one year.</li>
 * <li>Threshold: the {@code percentile}-th percentile (default 80) of the baseline values, by R's
 * default {@code quantile} (type 7): with the n values sorted x_1 ≤ … ≤ x_n and p =
 * percentile/100, i = 1 + (n − 1)·p, lo = ⌊i⌋, hi = ⌈i⌉, threshold = (1 − (i − lo))·x_lo + (i −
 * lo)·x_hi (just x_lo when lo = hi or x_lo = x_hi).</li>
 * <li>Alarm ⇔ C_t &gt; threshold and C_t ≥ {@code minCount} (default 1): an all-zero baseline gives
 * threshold 0, and then any case in the current period alarms.</li>
 * <li>Too little history: NaN and no alarm wherever the series does not hold the whole baseline
 * (for the defaults, before day 3·365 + 14 + 6, i.e. index 1115, of a daily series, or before week
 * 3·52 + 2 = index 158 of a weekly one).</li>
 * </ul>
 * For a daily series the output's count is the day's own count, while the comparison uses the
 * 7-day sum C_t: a point can alarm on a day with no cases, and the threshold is in units of cases
 * per 7 days.
 */
final class MovingPercentile implements Detector {

	private static final int DAYS_PER_PERIOD = 7;

	private final int years;

	private final int window;

	private final double percentile;

	private final int minCount;

	MovingPercentile(DetectorParams params) {
		this.years = params.integer("years", 3);
		this.window = params.integer("window", 2);
		this.percentile = params.decimal("percentile", 80);
		this.minCount = params.integer("minCount", 1);
		if (years < 1) {
			throw new ParameterProblem("years", "must be at least 1, not " + years);
		}
		if (window < 0 || window > 25) {
			throw new ParameterProblem("window", "must be between 0 and 25 periods, not " + window);
		}
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new ParameterProblem("percentile", "must be between 0 and 100, not " + percentile);
		}
		if (minCount < 0) {
			throw new ParameterProblem("minCount", "must be at least 0, not " + minCount);
		}
	}

	@Override
	public String method() {
		return "mpm";
	}

	@Override
	public Detections detect(CountSeries series, int from) {
		boolean daily = series.frequency() == Frequency.DAILY;
		int span = daily ? DAYS_PER_PERIOD : 1;
		int year = series.frequency().periodsPerYear();
		long[] cumulative = new long[series.size() + 1];
		for (int t = 0; t < series.size(); t++) {
			cumulative[t + 1] = cumulative[t] + series.count(t);
		}
		Detections result = Detections.empty(series.size());
		double[] baseline = new double[years * (2 * window + 1)];
		int first = years * year + window * span + span - 1;
		for (int t = Math.max(first, from); t < series.size(); t++) {
			int v = 0;
			for (int k = 1; k <= years; k++) {
				for (int j = -window; j <= window; j++) {
					baseline[v++] = periodSum(cumulative, t - k * year + j * span, span);
				}
			}
			double threshold = quantile7(baseline, percentile / 100);
			long current = periodSum(cumulative, t, span);
			result.thresholds()[t] = threshold;
			result.alarms()[t] = current > threshold && current >= minCount;
		}
		return result;
	}

	/** The sum of the {@code span} points ending at {@code end}. */
	private static long periodSum(long[] cumulative, int end, int span) {
		return cumulative[end + 1] - cumulative[end + 1 - span];
	}

	/** R's {@code quantile(values, p, type = 7)}, in R's arithmetic; sorts {@code values}. */
	static double quantile7(double[] values, double p) {
		Arrays.sort(values);
		double index = 1 + (values.length - 1) * p;
		int lo = (int) Math.floor(index);
		int hi = (int) Math.ceil(index);
		double q = values[lo - 1];
		if (index > lo && values[hi - 1] != q) {
			double h = index - lo;
			q = (1 - h) * q + h * values[hi - 1];
		}
		return q;
	}

}
