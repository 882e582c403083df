package org.rhip.indicator.plan;

import java.math.BigDecimal;
import java.util.Optional;

import org.rhip.indicator.Direction;

/**
 * The checkable rule read from a plan's printed target (目标值). See docs/plan-format.md for the
 * texts each variant comes from.
 */
public sealed interface TargetRule {

	/** What a rule needs besides the value being judged. */
	record Context(int baselineYear, Optional<BigDecimal> baseline, Direction direction) {
	}

	/** The value the rule asks for in {@code year}; empty for trends, or when it needs a missing baseline. */
	Optional<BigDecimal> threshold(Context context, int year);

	/** Whether {@code value} in {@code year} meets the rule; trends compare with {@code previous}. */
	boolean isMet(BigDecimal value, Optional<BigDecimal> previous, Context context, int year);

	/** Which way meeting the rule lies, for the straight path and projections. */
	Direction direction(Context context);

	/** ≥ X, ＞X, ≤ X, ＜X, = X, or a bare X read as a floor or ceiling by direction. */
	record Compare(String operator, BigDecimal value) implements TargetRule {
		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			return Optional.of(value);
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			int c = v.compareTo(value);
			return switch (operator) {
				case "≥" -> c >= 0;
				case ">" -> c > 0;
				case "≤" -> c <= 0;
				case "<" -> c < 0;
				case "=" -> c == 0;
				default -> throw new IllegalStateException(operator);
			};
		}

		@Override
		public Direction direction(Context context) {
			return switch (operator) {
				case "≥", ">" -> Direction.HIGHER;
				case "≤", "<" -> Direction.LOWER;
				default -> context.direction();
			};
		}
	}

	/** X左右: within ±{@code tolerancePercent}% of X. */
	record About(BigDecimal value, BigDecimal tolerancePercent) implements TargetRule {
		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			return Optional.of(value);
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			BigDecimal tolerance = value.abs().multiply(tolerancePercent).movePointLeft(2);
			return v.subtract(value).abs().compareTo(tolerance) <= 0;
		}

		@Override
		public Direction direction(Context context) {
			return context.direction();
		}
	}

	/**
	 * 增长30% / 比2015年降低5%: the base-year value changed by {@code percent} (signed); needs the
	 * baseline when the base year is the plan's baseline year.
	 */
	record RelativeChange(BigDecimal percent, int baseYear) implements TargetRule {
		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			if (baseYear != context.baselineYear()) {
				return Optional.empty();
			}
			return context.baseline().map(b -> b.multiply(BigDecimal.ONE.add(percent.movePointLeft(2))));
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			Optional<BigDecimal> t = threshold(context, year);
			return t.isPresent() && (percent.signum() >= 0 ? v.compareTo(t.get()) >= 0 : v.compareTo(t.get()) <= 0);
		}

		@Override
		public Direction direction(Context context) {
			return percent.signum() >= 0 ? Direction.HIGHER : Direction.LOWER;
		}
	}

	/** 力争每年降低0.5个百分点以上: the baseline moved by {@code pointsPerYear} (signed) every year. */
	record AnnualChange(BigDecimal pointsPerYear) implements TargetRule {
		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			return context.baseline()
				.map(b -> b.add(pointsPerYear.multiply(BigDecimal.valueOf(year - context.baselineYear()))));
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			Optional<BigDecimal> t = threshold(context, year);
			return t.isPresent() && (pointsPerYear.signum() >= 0 ? v.compareTo(t.get()) >= 0 : v.compareTo(t.get()) <= 0);
		}

		@Override
		public Direction direction(Context context) {
			return pointsPerYear.signum() >= 0 ? Direction.HIGHER : Direction.LOWER;
		}
	}

	/** 持续提升 / 持续下降 / 持续巩固: better than (or, to consolidate, not worse than) the value before. */
	record Trend(Kind kind) implements TargetRule {
		public enum Kind {
			RISE, FALL, HOLD
		}

		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			return Optional.empty();
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			if (previous.isEmpty()) {
				return false;
			}
			int c = v.compareTo(previous.get());
			return switch (kind) {
				case RISE -> c > 0;
				case FALL -> c < 0;
				case HOLD -> context.direction() == Direction.HIGHER ? c >= 0 : c <= 0;
			};
		}

		@Override
		public Direction direction(Context context) {
			return switch (kind) {
				case RISE -> Direction.HIGHER;
				case FALL -> Direction.LOWER;
				case HOLD -> context.direction();
			};
		}
	}

	/** The plan prints no target. */
	record None() implements TargetRule {
		@Override
		public Optional<BigDecimal> threshold(Context context, int year) {
			return Optional.empty();
		}

		@Override
		public boolean isMet(BigDecimal v, Optional<BigDecimal> previous, Context context, int year) {
			return false;
		}

		@Override
		public Direction direction(Context context) {
			return context.direction();
		}
	}

}
