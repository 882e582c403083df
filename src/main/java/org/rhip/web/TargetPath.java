package org.rhip.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

import org.rhip.indicator.Direction;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.indicator.plan.PrintedText;
import org.rhip.indicator.plan.TargetProblem;
import org.rhip.indicator.plan.TargetRule;

/**
 * The straight path a chart draws from the baseline (in the baseline year) to the target value (in
 * the target year), read from the printed target the same way the evaluator reads it. Trend targets
 * ("持续下降") have no value and so no path.
 */
record TargetPath(int baselineYear, int targetYear, Optional<BigDecimal> baseline, Optional<BigDecimal> target) {

	private static final MathContext MATH = MathContext.DECIMAL64;

	static TargetPath of(Plan plan, PlanRow row, IndicatorResult result) {
		Direction direction = row.direction().orElse(result.indicator().direction());
		Optional<BigDecimal> target;
		try {
			TargetRule rule = PrintedText.rule(row.target(), row.reading(), direction, plan.baselineYear());
			target = rule.threshold(new TargetRule.Context(plan.baselineYear(), result.baseline(), direction),
					plan.targetYear());
		}
		catch (TargetProblem ex) {
			target = Optional.empty();
		}
		return new TargetPath(plan.baselineYear(), plan.targetYear(), result.baseline(), target);
	}

	/** Where the path stands in a year; without a baseline, only the target year has a value. */
	Optional<BigDecimal> at(int year, int decimals) {
		if (target.isEmpty()) {
			return Optional.empty();
		}
		if (year == targetYear) {
			return target.map(t -> t.setScale(decimals, RoundingMode.HALF_UP));
		}
		if (baseline.isEmpty() || year < baselineYear || year > targetYear) {
			return Optional.empty();
		}
		BigDecimal share = BigDecimal.valueOf(year - baselineYear).divide(BigDecimal.valueOf(targetYear - baselineYear), MATH);
		BigDecimal value = baseline.get().add(target.get().subtract(baseline.get()).multiply(share, MATH), MATH);
		return Optional.of(value.setScale(decimals, RoundingMode.HALF_UP));
	}

}
