package org.rhip.indicator.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.rhip.indicator.Direction;
import org.rhip.indicator.Status;
import org.rhip.indicator.plan.TargetRule;

/**
 * Judges a value against its target: in the target year, met or missed; in the years between,
 * against the straight path from the baseline to the target and a linear trend of the years so far
 * projected to the target year.
 *
 * <ul>
 * <li>target already met → achieved (a level target) or on track (an annual or trend target);</li>
 * <li>as good as the path value or better → on track;</li>
 * <li>behind the path but the projection meets the target → at risk;</li>
 * <li>behind the path and the projection misses it (or cannot be made) → off track, except that a single
 * value with nothing to project from is at risk;</li>
 * <li>no value, or no target → no data.</li>
 * </ul>
 */
public final class StatusJudge {

	private static final MathContext MATH = MathContext.DECIMAL64;

	private StatusJudge() {
	}

	/**
	 * @param series the values up to and including {@code year}, by year (the baseline included)
	 */
	public static Judgement judge(TargetRule rule, TargetRule.Context context, int targetYear, int year,
			NavigableMap<Integer, BigDecimal> series) {
		BigDecimal actual = series.get(year);
		if (actual == null) {
			return Judgement.of(Status.NO_DATA, "no value for " + year);
		}
		if (rule instanceof TargetRule.None) {
			return Judgement.of(Status.NO_DATA, "the plan prints no target");
		}
		Optional<BigDecimal> previous = Optional.ofNullable(series.lowerEntry(year)).map(Map.Entry::getValue);
		boolean finalYear = year >= targetYear;
		if (rule instanceof TargetRule.Trend trend) {
			return judgeTrend(trend, context, finalYear, year, actual, previous, series);
		}
		Optional<BigDecimal> target = rule.threshold(context, targetYear);
		if (target.isEmpty()) {
			return Judgement.of(Status.NO_DATA, "the target depends on a base value the plan does not print");
		}
		if (finalYear) {
			boolean met = rule.isMet(actual, previous, context, year);
			return new Judgement(met ? Status.ACHIEVED : Status.OFF_TRACK, target, Optional.empty(), Optional.empty(),
					met ? "target met" : "target missed");
		}
		boolean annual = rule instanceof TargetRule.AnnualChange;
		if (year <= context.baselineYear() && !rule.isMet(actual, previous, context, targetYear)) {
			return new Judgement(Status.ON_TRACK, target, context.baseline(), Optional.empty(),
					"the baseline year: the starting point of the path");
		}
		if (rule.isMet(actual, previous, context, annual ? year : targetYear)) {
			Optional<BigDecimal> path = annual ? rule.threshold(context, year)
					: pathValue(context, target.get(), targetYear, year);
			return new Judgement(annual ? Status.ON_TRACK : Status.ACHIEVED, target, path, Optional.empty(),
					annual ? "this year's step is met" : "the target is already met");
		}
		Direction better = rule.direction(context);
		Optional<BigDecimal> expected = annual ? rule.threshold(context, year)
				: pathValue(context, target.get(), targetYear, year);
		Optional<BigDecimal> projected = projection(series, targetYear);
		if (expected.isPresent() && asGoodAs(actual, expected.get(), rule, target.get(), better)) {
			return new Judgement(Status.ON_TRACK, target, expected, projected, "on or ahead of the path to the target");
		}
		if (projected.isEmpty()) {
			return new Judgement(Status.AT_RISK, target, expected, projected,
					"behind the target, too few years to project a trend");
		}
		boolean reaches = rule.isMet(projected.get(), previous, context, targetYear);
		return new Judgement(reaches ? Status.AT_RISK : Status.OFF_TRACK, target, expected, projected,
				reaches ? "behind the path, but the trend reaches the target" : "behind the path and the trend misses the target");
	}

	private static Judgement judgeTrend(TargetRule.Trend trend, TargetRule.Context context, boolean finalYear, int year,
			BigDecimal actual, Optional<BigDecimal> previous, NavigableMap<Integer, BigDecimal> series) {
		if (year == context.baselineYear()) {
			return Judgement.of(Status.ON_TRACK, "the baseline year: the starting point");
		}
		// the final verdict compares with the baseline, the yearly one with the year before
		Optional<BigDecimal> earliest = series.firstKey() < year ? Optional.of(series.firstEntry().getValue())
				: Optional.empty();
		Optional<BigDecimal> base = finalYear ? context.baseline().or(() -> earliest) : previous;
		if (base.isEmpty()) {
			return Judgement.of(Status.NO_DATA, "nothing earlier to compare with");
		}
		if (trend.isMet(actual, base, context, year)) {
			return new Judgement(finalYear ? Status.ACHIEVED : Status.ON_TRACK, base, Optional.empty(), Optional.empty(),
					finalYear ? "better than the baseline" : "better than the year before");
		}
		boolean same = actual.compareTo(base.get()) == 0;
		return new Judgement(same ? Status.AT_RISK : Status.OFF_TRACK, base, Optional.empty(), Optional.empty(),
				same ? "no change" : "moving the wrong way");
	}

	/** The straight path from the baseline (at the baseline year) to the target (at the target year). */
	static Optional<BigDecimal> pathValue(TargetRule.Context context, BigDecimal target, int targetYear, int year) {
		return context.baseline().map(baseline -> {
			BigDecimal share = BigDecimal.valueOf(year - context.baselineYear())
				.divide(BigDecimal.valueOf(targetYear - context.baselineYear()), MATH);
			return baseline.add(target.subtract(baseline).multiply(share, MATH), MATH);
		});
	}

	private static boolean asGoodAs(BigDecimal actual, BigDecimal expected, TargetRule rule, BigDecimal target,
			Direction better) {
		if (rule instanceof TargetRule.About) {
			return actual.subtract(target).abs().compareTo(expected.subtract(target).abs()) <= 0;
		}
		return better == Direction.HIGHER ? actual.compareTo(expected) >= 0 : actual.compareTo(expected) <= 0;
	}

	/** Least-squares line through the series, evaluated at the target year; needs two years or more. */
	static Optional<BigDecimal> projection(NavigableMap<Integer, BigDecimal> series, int targetYear) {
		int n = series.size();
		if (n < 2) {
			return Optional.empty();
		}
		double meanX = series.keySet().stream().mapToInt(Integer::intValue).average().orElseThrow();
		double meanY = series.values().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
		double sxy = 0;
		double sxx = 0;
		for (Map.Entry<Integer, BigDecimal> point : series.entrySet()) {
			double dx = point.getKey() - meanX;
			sxy += dx * (point.getValue().doubleValue() - meanY);
			sxx += dx * dx;
		}
		double slope = sxy / sxx;
		double projected = meanY + slope * (targetYear - meanX);
		// rounded to 6 places: the inputs are printed statistics, not more precise than that
		return Optional.of(BigDecimal.valueOf(projected).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
	}

}
