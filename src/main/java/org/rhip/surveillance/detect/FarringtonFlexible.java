package org.rhip.surveillance.detect;

import java.util.Arrays;

/**
 * The improved Farrington method of Noufaily et al. (2013), "An improved algorithm for outbreak
 * detection in multiple surveillance systems", exactly as {@code farringtonFlexible} of the R package
 * {@code surveillance} (1.20.3, checked against it point for point by
 * {@code FarringtonReferenceTest}) computes it. Parameters, named and defaulted as R's control list:
 * {@code b} = 5, {@code w} = 3, {@code reweight} = true, {@code weightsThreshold} = 2.58,
 * {@code alpha} = 0.05, {@code trend} = true, {@code pThresholdTrend} = 0.05, {@code limit54} =
 * {@code 5,4}, {@code powertrans} = {@code 2/3} (or {@code 1/2}, {@code none}; used by
 * {@code delta}), {@code noPeriods} = 1, {@code pastWeeksNotIncluded} = w, {@code thresholdMethod} =
 * {@code delta} (or {@code nbPlugin}, {@code muan}). Noufaily et al. recommend
 * {@code noPeriods=10;pastWeeksNotIncluded=26;thresholdMethod=muan} (or {@code nbPlugin}).
 * <p>
 * For point t (0-based; freq = 52 weekly, 365 daily, by index as in {@link Farrington}):
 * <ul>
 * <li><b>Baseline</b> (R's {@code blocks}, by index as for {@code epochAsDate = FALSE}; R's
 * date-based choice is not used): the reference points are t - i*freq, i = 1..b. The windows
 * {@code t - i*freq - w .. t - i*freq + w} and the current window {@code t - w .. t} form level
 * {@code noPeriods} of a seasonal factor; if {@code noPeriods > 1}, each stretch of freq - 2w - 1
 * points between two consecutive windows is cut into {@code noPeriods - 1} blocks (levels 1, 2, ...
 * from the older window on; the first {@code rest} blocks one point longer), so every point from
 * {@code t - b*freq - w} to t has a level. The points {@code t - pastWeeksNotIncluded .. t} are then
 * left out (the guard band; by default the current window). With {@code noPeriods = 1} this is the
 * b(2w+1) window points, as in {@code farrington}. A point whose span {@code t - b*freq - w} is not
 * wholly in the series ({@code t < b*freq + w}, 0-based) gets no threshold and no alarm. A
 * {@code noPeriods} that leaves a block empty (more than freq - 2w blocks) is rejected; R stops only
 * when the stretch is shorter than {@code noPeriods - 2w - 1} and otherwise builds overlapping
 * blocks.</li>
 * <li><b>Model:</b> quasi-Poisson GLM, log link, {@code log mu = level effect [+ beta * time]}, fitted
 * by {@link PoissonGlm} as R's {@code glm}; {@code phi = max(1, X^2/(n - p))}.</li>
 * <li><b>Reweighting</b> (if {@code reweight}): Anscombe residuals as in {@link Farrington}; residuals
 * above {@code weightsThreshold} get weight {@code gamma s^-2}, the others {@code gamma}; refit, new
 * phi.</li>
 * <li><b>Trend rule:</b> with {@code trend}, kept only if p &lt; {@code pThresholdTrend}, b &gt;= 3
 * and the predicted mean at t does not exceed the largest baseline count; else refitted without. The
 * t test uses the dispersion R's {@code summary.glm} reports for the reweighted model, whose
 * {@code weights} R has replaced by the reweighting weights omega:
 * {@code d = sum(omega (y - mu)^2/mu^2)/(n - p)} (without reweighting the usual Pearson estimate). A
 * fit with trend that does not converge is replaced by one without; if a fit without trend does not
 * converge within 25 iterations the point gets no threshold and no alarm (R's NA; where this happens
 * after the trend was dropped R stops with an error). With b &lt; 3 the trend could never be kept,
 * so the fit without trend is done straight away.</li>
 * <li><b>Threshold</b> at t, for the current level: the prediction's standard error
 * {@code se(eta0)} uses that same d, not phi (R passes {@code dispersion} inside {@code newdata}, so
 * {@code predict.glm} falls back on {@code summary}'s estimate); phi, floored at 1, is used elsewhere.
 * {@code delta}: as {@link Farrington} but one-sided, {@code z = qnorm(1 - alpha)}:
 * {@code U = (mu0^(2/3) + z sqrt(4/9 mu0^(1/3) (phi + Var(mu0)/mu0)))^(3/2)} with
 * {@code Var(mu0) = mu0^2 se(eta0)^2 = d mu0^2 x0'(X'WX)^-1 x0}. {@code nbPlugin}:
 * {@code U = qnbinom(1 - alpha, size = m/(phi - 1), prob = 1/phi)} with {@code m = exp(eta0)},
 * or {@code qpois(1 - alpha, m)} when phi = 1. {@code muan}: the same with
 * {@code m = exp(eta0 + qnorm(1 - alpha) se(eta0))}; an infinite m gives no threshold.</li>
 * <li><b>limit54:</b> if the last p counts (t included) sum to less than c, no threshold (R's NA) and
 * no alarm.</li>
 * <li><b>Alarm:</b> as R, score {@code (y - f)/(U - f) > 1} and y &gt; 0, where f is the prediction
 * on R's {@code typePred} scale: the mean for {@code delta}, the linear predictor eta0 for
 * {@code nbPlugin} and {@code muan}. That is y &gt; U except in the degenerate case U &lt; eta0
 * (never alarms, as in R).</li>
 * </ul>
 * A baseline of zeros is fitted like any other (tiny mean; {@code delta} gives a tiny threshold, the
 * quantile methods 0), so with limit54 met any count alarms. Where R would stop with an error the point
 * gets no threshold and no alarm. Cost grows with the number of baseline points: with
 * {@code noPeriods > 1} every point of the b-year span is fitted (about 5 x 365 for daily series).
 */
final class FarringtonFlexible implements Detector {

	private final int b;

	private final int w;

	private final boolean reweight;

	private final double weightsThreshold;

	private final double alpha;

	private final boolean trend;

	private final double pThresholdTrend;

	private final int[] limit54;

	private final double exponent;

	private final int noPeriods;

	private final int pastWeeksNotIncluded;

	private final String thresholdMethod;

	private final double z;

	FarringtonFlexible(DetectorParams params) {
		this.b = params.integer("b", 5);
		this.w = params.integer("w", 3);
		this.reweight = params.bool("reweight", true);
		this.weightsThreshold = params.decimal("weightsThreshold", 2.58);
		this.alpha = params.decimal("alpha", 0.05);
		this.trend = params.bool("trend", true);
		this.pThresholdTrend = params.decimal("pThresholdTrend", 0.05);
		this.limit54 = Farrington.limit54(params);
		this.exponent = Farrington.exponent(params);
		this.noPeriods = params.integer("noPeriods", 1);
		this.pastWeeksNotIncluded = params.integer("pastWeeksNotIncluded", w);
		this.thresholdMethod = params.choice("thresholdMethod", "delta", "delta", "nbPlugin", "muan");
		Farrington.checkWindow(b, w, alpha);
		if (Double.isNaN(weightsThreshold)) {
			throw new ParameterProblem("weightsThreshold", "must be a number");
		}
		if (!(pThresholdTrend >= 0 && pThresholdTrend <= 1)) {
			throw new ParameterProblem("pThresholdTrend", "must be between 0 and 1");
		}
		if (noPeriods < 1) {
			throw new ParameterProblem("noPeriods", "must be at least 1");
		}
		if (pastWeeksNotIncluded < 0) {
			throw new ParameterProblem("pastWeeksNotIncluded", "must not be negative");
		}
		this.z = Distributions.qnorm(1 - alpha);
	}

	@Override
	public String method() {
		return "farrington-flexible";
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
		int span = b * freq + w;
		if (span >= size) {
			return result;
		}
		int[] factor = levels(freq);
		int count = 0;
		for (int level : factor) {
			count += level > 0 ? 1 : 0;
		}
		int[] offsets = new int[count];
		int[] levelOf = new int[count];
		int m = 0;
		for (int r = 0; r < factor.length; r++) {
			if (factor[r] > 0) {
				offsets[m] = r - span;
				levelOf[m++] = factor[r] - 1;
			}
		}
		int current = noPeriods - 1;
		boolean delta = thresholdMethod.equals("delta");
		boolean muan = thresholdMethod.equals("muan");
		PoissonGlm glm = new PoissonGlm(offsets, levelOf, noPeriods, freq);
		PoissonGlm.Counts data = new PoissonGlm.Counts(series);
		for (int t = Math.max(span, from); t < size; t++) {
			if (alarmsOnly && series.count(t) == 0) {
				continue;
			}
			glm.load(t, data);
			// with b < 3 R always drops the trend again: fit without it straight away
			if (glm.fitFarrington(trend && b >= 3, reweight, weightsThreshold) != PoissonGlm.CONVERGED
					|| !glm.hasLevel(current)) {
				continue;
			}
			if (glm.hasTrend()) {
				boolean keep = b >= 3 && glm.trendSignificant(glm.flexibleDispersion(), pThresholdTrend)
						&& glm.mean(current) <= glm.maxCount();
				if (!keep && glm.fitFarrington(false, reweight, weightsThreshold) != PoissonGlm.CONVERGED) {
					continue;
				}
			}
			double phi = glm.phi();
			double eta0 = glm.eta(current);
			double seEta = Math.sqrt(glm.unscaledVariance(current) * glm.flexibleDispersion());
			double fit;
			double upper;
			if (delta) {
				fit = glm.mean(current);
				upper = Farrington.upperBound(fit, seEta * fit, phi, exponent, z);
			}
			else {
				fit = eta0;
				double mean = Math.exp(muan ? eta0 + z * seEta : eta0);
				if (mean == Double.POSITIVE_INFINITY) {
					upper = Double.NaN;
				}
				else if (phi > 1) {
					upper = Distributions.qnbinom(1 - alpha, mean / (phi - 1), 1 / phi);
				}
				else {
					upper = Distributions.qpois(1 - alpha, mean);
				}
			}
			int y = data.counts[t];
			if (data.sum(t, limit54[1]) >= limit54[0]) {
				result.thresholds()[t] = upper;
				result.alarms()[t] = (y - fit) / (upper - fit) > 1 && y != 0;
			}
		}
		return result;
	}

	/**
	 * R's {@code blocks} relative to the point t: entry r is the level (1..noPeriods) of point
	 * {@code t - b*freq - w + r}, or 0 where the point is not in the baseline.
	 */
	private int[] levels(int freq) {
		int span = b * freq + w;
		int[] factor = new int[span + 1];
		int p = noPeriods;
		Arrays.fill(factor, span - w, span + 1, p);
		for (int i = 1; i <= b; i++) {
			int ref = span - i * freq;
			Arrays.fill(factor, Math.max(0, ref - w), Math.min(span + 1, ref + w + 1), p);
			if (p != 1) {
				int period = freq - 2 * w - 1;
				if (period < p - 1) {
					throw new ParameterProblem("noPeriods", "must leave every block at least one point: at most "
							+ Math.max(1, freq - 2 * w) + " with w=" + w + " for " + freq + " points a year, not " + p);
				}
				int length = period / (p - 1);
				int rest = period % (p - 1);
				int from = ref + w + 1;
				for (int j = 1; j <= p - 1; j++) {
					int to = from + length + (j <= rest ? 1 : 0);
					Arrays.fill(factor, from, to, j);
					from = to;
				}
			}
		}
		Arrays.fill(factor, Math.max(0, span - pastWeeksNotIncluded), span + 1, 0);
		return factor;
	}

}
