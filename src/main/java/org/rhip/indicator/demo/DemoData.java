package org.rhip.indicator.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.indicator.Direction;
import org.rhip.indicator.catalog.Catalog;
import org.rhip.indicator.catalog.CatalogRepository;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.entry.DataValueRepository;
import org.rhip.indicator.expression.Expression;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.indicator.plan.PrintedText;
import org.rhip.indicator.plan.TargetRule;
import org.rhip.registry.RegistryApi;
import org.rhip.registry.RegistryTotals;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly values for the years after a plan's baseline, stored with source {@code demo}, so the
 * console has something to show before real data arrives. Each row follows one of three courses,
 * fixed by a hash of plan and row: half reach their target on a straight line, three in ten lag
 * (60% of the way), two in ten slide back. Values of ratio indicators are written as numerator and
 * denominator counts, so that they aggregate like real data.
 */
@Component
public class DemoData {

	static final String SOURCE = "demo";

	private static final MathContext MATH = MathContext.DECIMAL64;

	private final CatalogRepository catalogs;

	private final DataValueRepository values;

	private final RegistryApi registry;

	DemoData(CatalogRepository catalogs, DataValueRepository values, RegistryApi registry) {
		this.catalogs = catalogs;
		this.values = values;
		this.registry = registry;
	}

	/** Replaces the demo values of the plans; returns how many values were written. */
	@Transactional
	public int load(List<Plan> plans) {
		values.deleteSource(SOURCE);
		Catalog catalog = catalogs.catalog();
		int count = 0;
		for (Plan plan : plans) {
			if (plan.targetYear() <= plan.baselineYear() + 1 || plan.targetYear() < 2021) {
				continue; // a finished plan has its own printed actuals
			}
			// values written for this plan, "CODE|year": a data element is written once per year
			Map<String, BigDecimal> written = new HashMap<>();
			RegistryTotals base = registry.totals(plan.regionCode(), plan.baselineYear());
			for (PlanRow row : plan.rows()) {
				for (int seq = 0; seq < row.indicators().size(); seq++) {
					IndicatorDefinition indicator = catalog.indicator(row.indicators().get(seq)).orElseThrow();
					count += course(plan, row, seq, indicator, base, written);
				}
			}
		}
		return count;
	}

	private int course(Plan plan, PlanRow row, int seq, IndicatorDefinition indicator, RegistryTotals base,
			Map<String, BigDecimal> written) {
		Direction direction = row.direction().orElse(indicator.direction());
		List<BigDecimal> printed = row.printedValues().getOrDefault(plan.baselineYear(), List.of());
		Optional<BigDecimal> baseline = printed.size() > seq ? Optional.of(printed.get(seq))
				: computed(indicator, base);
		TargetRule rule = PrintedText.rule(row.target(), row.reading(), direction, plan.baselineYear());
		TargetRule.Context context = new TargetRule.Context(plan.baselineYear(), baseline, direction);
		Direction better = rule.direction(context);
		Optional<BigDecimal> target = rule.threshold(context, plan.targetYear());
		if (target.isEmpty() && rule instanceof TargetRule.Trend && baseline.isPresent()) {
			target = Optional.of(baseline.get().multiply(better == Direction.HIGHER ? new BigDecimal("1.05") : new BigDecimal("0.95")));
		}
		if (target.isEmpty()) {
			return 0;
		}
		BigDecimal start = baseline.orElse(target.get().multiply(better == Direction.HIGHER ? new BigDecimal("0.85") : new BigDecimal("1.15")));
		// aim a little beyond the target so that "on track" rows end up meeting it
		BigDecimal nudge = target.get().abs().multiply(new BigDecimal("0.02")).max(new BigDecimal("0.01"));
		BigDecimal goal = better == Direction.HIGHER ? target.get().add(nudge) : target.get().subtract(nudge);
		int course = Math.floorMod((plan.id() + "#" + row.position()).hashCode(), 10);
		BigDecimal reach = course < 5 ? BigDecimal.ONE : course < 8 ? new BigDecimal("0.6") : new BigDecimal("-0.3");
		if (reach.signum() < 0 && goal.compareTo(start) == 0) {
			goal = start.multiply(new BigDecimal("1.1"));
		}
		int span = plan.targetYear() - plan.baselineYear();
		int stored = 0;
		for (int y = plan.baselineYear() + 1; y <= plan.targetYear(); y++) {
			BigDecimal share = BigDecimal.valueOf(y - plan.baselineYear()).divide(BigDecimal.valueOf(span), MATH);
			BigDecimal value = start.add(goal.subtract(start).multiply(reach).multiply(share), MATH);
			if (value.signum() < 0) {
				value = BigDecimal.ZERO;
			}
			stored += write(plan, indicator, y, value, base, written);
		}
		return stored;
	}

	/** Writes the data elements that give the indicator this value in the year. */
	private int write(Plan plan, IndicatorDefinition indicator, int year, BigDecimal value, RegistryTotals base,
			Map<String, BigDecimal> written) {
		Expression numerator = indicator.numerator();
		Expression denominator = indicator.denominator();
		if (!(numerator instanceof Expression.Element n)) {
			return 0;
		}
		if (written.containsKey(n.code() + "|" + year)) {
			return 0; // already written for another row: this indicator follows from it
		}
		if (denominator instanceof Expression.Number one && one.value().compareTo(BigDecimal.ONE) == 0
				&& indicator.factor().compareTo(BigDecimal.ONE) == 0) {
			put(plan, n.code(), year, value.setScale(4, RoundingMode.HALF_UP), written);
			return 1;
		}
		if (!(denominator instanceof Expression.Element d)) {
			return 0;
		}
		Optional<BigDecimal> denominatorValue = Optional.ofNullable(written.get(d.code() + "|" + year))
			.or(() -> base.get(d.code()));
		if (denominatorValue.isEmpty() || denominatorValue.get().signum() == 0) {
			return 0;
		}
		BigDecimal den = denominatorValue.get();
		if (d.code().equals("POP") && !written.containsKey("POP|" + year)) {
			// residents grow about 1% a year
			den = den.multiply(BigDecimal.valueOf(1.01).pow(year - plan.baselineYear()), MATH).setScale(0, RoundingMode.HALF_UP);
		}
		BigDecimal num = value.multiply(den, MATH).divide(indicator.factor(), MATH).setScale(0, RoundingMode.HALF_UP);
		put(plan, n.code(), year, num, written);
		put(plan, d.code(), year, den, written);
		return 2;
	}

	private void put(Plan plan, String element, int year, BigDecimal value, Map<String, BigDecimal> written) {
		written.put(element + "|" + year, value);
		values.put(element, plan.regionCode(), String.valueOf(year), SOURCE, value, SOURCE);
	}

	private static Optional<BigDecimal> computed(IndicatorDefinition indicator, RegistryTotals base) {
		Optional<BigDecimal> n = indicator.numerator().evaluate(base::get);
		Optional<BigDecimal> d = indicator.denominator().evaluate(base::get);
		if (n.isEmpty() || d.isEmpty() || d.get().signum() == 0) {
			return Optional.empty();
		}
		return Optional.of(n.get().multiply(indicator.factor(), MATH).divide(d.get(), MATH));
	}

}
