package org.rhip.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.Status;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.Observation;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.RegistryApi;

import org.springframework.stereotype.Component;

/**
 * What the plan pages and their charts are built from: evaluations of a plan and one row's yearly
 * series with its target path. Everything goes through {@link IndicatorApi} and {@link RegistryApi}.
 */
@Component
class PlanPages {

	/** One year of an indicator's series, every figure with what it is made of. */
	public record YearPoint(int year, String value, String numerator, String denominator, String source, String path,
			boolean selected) {
	}

	/** An indicator of a row with its series over the plan's years. */
	public record IndicatorSeries(String code, String name, int decimals, String status, String target,
			List<YearPoint> points) {
	}

	private final IndicatorApi indicators;

	private final RegistryApi registry;

	PlanPages(IndicatorApi indicators, RegistryApi registry) {
		this.indicators = indicators;
		this.registry = registry;
	}

	/** The year asked for, or the latest with data; it must lie within the plan. */
	int year(Plan plan, Integer requested) {
		if (requested == null) {
			return Math.max(plan.baselineYear(), Math.min(plan.targetYear(), indicators.latestYear(plan.id())));
		}
		if (!plan.covers(requested)) {
			throw new InvalidInput("console.year-outside-plan", "year", "year " + requested + " is outside the plan "
					+ plan.baselineYear() + "–" + plan.targetYear());
		}
		return requested;
	}

	static List<Integer> years(Plan plan) {
		return IntStream.rangeClosed(plan.baselineYear(), plan.targetYear()).boxed().toList();
	}

	String regionName(String code, Locale locale) {
		return registry.findOrgUnit(code)
			.map(u -> ConsoleView.isEnglish(locale) && u.nameEn() != null ? u.nameEn() : u.name())
			.orElse(code);
	}

	static String planName(Plan plan, Locale locale) {
		return ConsoleView.isEnglish(locale) && plan.nameEn() != null ? plan.nameEn() : plan.name();
	}

	/** Rows per status key, every status present, worst last. */
	static Map<String, Long> counts(PlanEvaluation evaluation) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<Status, Long> byStatus = new EnumMap<>(evaluation.counts());
		for (Status status : Status.values()) {
			counts.put(status.key(), byStatus.getOrDefault(status, 0L));
		}
		return counts;
	}

	static RowResult row(PlanEvaluation evaluation, int position) {
		return evaluation.rows().stream().filter(r -> r.row().position() == position).findFirst()
			.orElseThrow(() -> new NotFound("plan.row-not-found",
					"plan " + evaluation.plan().id() + " has no row " + position));
	}

	/**
	 * The series of each indicator of a row over all the plan's years (values up to the target year,
	 * whatever year is selected), with the status in the selected year.
	 */
	List<IndicatorSeries> series(Plan plan, int position, int year, Locale locale) {
		RowResult selected = row(indicators.evaluate(plan.id(), year), position);
		RowResult full = year == plan.targetYear() ? selected
				: row(indicators.evaluate(plan.id(), plan.targetYear()), position);
		boolean en = ConsoleView.isEnglish(locale);
		List<IndicatorSeries> series = new ArrayList<>();
		for (int seq = 0; seq < full.indicators().size(); seq++) {
			IndicatorResult result = full.indicators().get(seq);
			IndicatorResult atYear = selected.indicators().get(seq);
			int decimals = result.indicator().decimals();
			TargetPath path = TargetPath.of(plan, full.row(), result);
			List<YearPoint> points = new ArrayList<>();
			for (int y : years(plan)) {
				Optional<Observation> o = Optional.ofNullable(result.series().get(y));
				points.add(new YearPoint(y, o.map(v -> round(v.value(), decimals)).orElse(""),
						o.flatMap(Observation::numerator).map(ConsoleView::plain).orElse(""),
						o.flatMap(Observation::denominator).map(ConsoleView::plain).orElse(""),
						o.map(Observation::source).orElse(""), path.at(y, decimals).map(BigDecimal::toPlainString).orElse(""),
						y == year));
			}
			series.add(new IndicatorSeries(result.indicator().code(),
					en ? result.indicator().nameEn() : result.indicator().name(), decimals,
					atYear.judgement().status().key(),
					path.target().map(t -> round(t, decimals)).orElse(""), List.copyOf(points)));
		}
		return series;
	}

	static String round(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

}
