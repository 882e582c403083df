package org.rhip.indicator.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.rhip.care.RecordIndicators;
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

/**
 * Evaluates a plan for a year. Each indicator value is taken from the first source that has one:
 * computed from the registry, computed from the records (the care module's person-level indicators,
 * when the region has records), entered data, the figure printed in the plan, and last the demo data. All data values of the region are read in one query, the registry's
 * figures once per year.
 */
@Component
public class Evaluator {

	private static final MathContext MATH = MathContext.DECIMAL64;

	private final CatalogRepository catalogs;

	private final DataValueRepository dataValues;

	private final RegistryApi registry;

	private final RecordIndicators records;

	Evaluator(CatalogRepository catalogs, DataValueRepository dataValues, RegistryApi registry, RecordIndicators records) {
		this.catalogs = catalogs;
		this.dataValues = dataValues;
		this.registry = registry;
		this.records = records;
	}

	public PlanEvaluation evaluate(Plan plan, int year) {
		Catalog catalog = catalogs.catalog();
		String region = plan.regionCode();
		DataValueRepository.Values values = dataValues.subtree(region, registry.subtreeCodes(region));
		Map<Integer, RegistryTotals> totals = new HashMap<>();
		Function<Integer, RegistryTotals> registryYear = y -> totals.computeIfAbsent(y, k -> registry.totals(region, k));
		int firstYear = Math.min(plan.baselineYear(), year);
		List<RowResult> rows = new ArrayList<>();
		for (PlanRow row : plan.rows()) {
			List<IndicatorResult> results = new ArrayList<>();
			for (int seq = 0; seq < row.indicators().size(); seq++) {
				IndicatorDefinition indicator = catalog.indicator(row.indicators().get(seq)).orElseThrow();
				SortedMap<Integer, Observation> series = new TreeMap<>();
				for (int y = firstYear; y <= year; y++) {
					int y0 = y;
					observe(catalog, indicator, row, seq, y, region, values, registryYear).ifPresent(o -> series.put(y0, o));
				}
				results.add(judge(plan, row, seq, indicator, year, series));
			}
			rows.add(new RowResult(row, List.copyOf(results)));
		}
		return new PlanEvaluation(plan, year, List.copyOf(rows));
	}

	private IndicatorResult judge(Plan plan, PlanRow row, int seq, IndicatorDefinition indicator, int year,
			SortedMap<Integer, Observation> series) {
		Direction direction = row.direction().orElse(indicator.direction());
		Optional<BigDecimal> printedBaseline = printed(row, plan.baselineYear(), seq);
		Optional<BigDecimal> baseline = printedBaseline
			.or(() -> Optional.ofNullable(series.get(plan.baselineYear())).map(Observation::value));
		TargetRule rule = PrintedText.rule(row.target(), row.reading(), direction, plan.baselineYear());
		TargetRule.Context context = new TargetRule.Context(plan.baselineYear(), baseline, direction);
		TreeMap<Integer, BigDecimal> numbers = new TreeMap<>();
		series.forEach((y, o) -> numbers.put(y, o.value()));
		Judgement judgement = StatusJudge.judge(rule, context, plan.targetYear(), year, numbers);
		List<String> notes = new ArrayList<>();
		Observation atBaseline = series.get(plan.baselineYear());
		if (atBaseline != null && printedBaseline.isPresent() && !"plan".equals(atBaseline.source())
				&& !"demo".equals(atBaseline.source())) {
			int decimals = PrintedText.decimals(row.baselineReading() != null ? row.baselineReading() : row.baseline());
			BigDecimal computed = atBaseline.value().setScale(decimals, RoundingMode.HALF_UP);
			BigDecimal printedValue = printedBaseline.get().setScale(decimals, RoundingMode.HALF_UP);
			notes.add(computed.compareTo(printedValue) == 0
					? "the " + plan.baselineYear() + " value computed from the " + atBaseline.source() + " ("
							+ computed.toPlainString() + ") agrees with the printed baseline " + row.baseline()
					: "MISMATCH: the " + plan.baselineYear() + " value computed from the " + atBaseline.source() + " is "
							+ computed.toPlainString() + " but the plan prints " + row.baseline());
		}
		return new IndicatorResult(indicator, Optional.ofNullable(series.get(year)), judgement, baseline, series,
				List.copyOf(notes));
	}

	private Optional<Observation> observe(Catalog catalog, IndicatorDefinition indicator, PlanRow row, int seq, int year,
			String region, DataValueRepository.Values values, Function<Integer, RegistryTotals> registryYear) {
		String period = String.valueOf(year);
		if (catalog.fromRegistry(indicator)) {
			RegistryTotals totals = registryYear.apply(year);
			Optional<Observation> computed = compute(indicator, totals::get, "registry");
			if (computed.isPresent()) {
				return computed;
			}
		}
		Optional<Observation> fromRecords = records.value(indicator.code(), region, year)
			.map(v -> new Observation(v.value(), Optional.ofNullable(v.numerator()), Optional.ofNullable(v.denominator()),
					"records"));
		if (fromRecords.isPresent()) {
			return fromRecords;
		}
		Optional<Observation> entered = compute(indicator, code -> values.get("entry", code, period), "entry");
		if (entered.isPresent()) {
			return entered;
		}
		Optional<BigDecimal> printed = printed(row, year, seq);
		if (printed.isPresent()) {
			return Optional.of(new Observation(printed.get(), Optional.empty(), Optional.empty(), "plan"));
		}
		return compute(indicator, code -> values.get("demo", code, period), "demo");
	}

	private static Optional<BigDecimal> printed(PlanRow row, int year, int seq) {
		List<BigDecimal> printed = row.printedValues().get(year);
		return printed == null || printed.size() <= seq ? Optional.empty() : Optional.of(printed.get(seq));
	}

	/** numerator ÷ denominator × factor; nothing when a value is missing or the denominator is 0. */
	static Optional<Observation> compute(IndicatorDefinition indicator, Function<String, Optional<BigDecimal>> lookup,
			String source) {
		Expression numerator = indicator.numerator();
		Expression denominator = indicator.denominator();
		Optional<BigDecimal> n = numerator.evaluate(lookup);
		Optional<BigDecimal> d = denominator.evaluate(lookup);
		if (n.isEmpty() || d.isEmpty() || d.get().signum() == 0) {
			return Optional.empty();
		}
		BigDecimal value = n.get().multiply(indicator.factor(), MATH).divide(d.get(), MATH);
		return Optional.of(new Observation(value, n, d, source));
	}

}
