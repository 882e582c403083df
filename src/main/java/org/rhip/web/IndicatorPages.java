package org.rhip.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;

import org.springframework.stereotype.Component;

/** What the indicator comparison page and its chart are built from: one indicator in every plan that has it. */
@Component
class IndicatorPages {

	/** A region's plan row for the indicator, evaluated for the year. */
	public record RegionRow(String planId, String planName, String region, int baselineYear, int targetYear,
			int position, String unit, String baseline, String target, String actual, String targetValue,
			String source, String status, String regionCode) {
	}

	private final IndicatorApi indicators;

	private final PlanPages pages;

	IndicatorPages(IndicatorApi indicators, PlanPages pages) {
		this.indicators = indicators;
		this.pages = pages;
	}

	List<RegionRow> regions(String code, int year, Locale locale) {
		List<RegionRow> rows = new ArrayList<>();
		for (IndicatorApi.RegionValue value : indicators.across(code, year)) {
			Plan plan = value.plan();
			IndicatorResult result = value.row().indicators().stream()
				.filter(i -> i.indicator().code().equals(code))
				.findFirst()
				.orElseThrow();
			int decimals = result.indicator().decimals();
			TargetPath path = TargetPath.of(plan, value.row().row(), result);
			var row = value.row().row();
			rows.add(new RegionRow(plan.id(), PlanPages.planName(plan, locale), pages.regionName(plan.regionCode(), locale),
					plan.baselineYear(), plan.targetYear(), row.position(), row.unit() == null ? "" : row.unit(),
					row.baseline() == null ? "" : row.baseline(), row.target() == null ? "" : row.target(),
					result.rounded().map(v -> v.toPlainString()).orElse(""),
					path.target().map(t -> PlanPages.round(t, decimals)).orElse(""),
					result.actual().map(o -> o.source()).orElse(""), result.judgement().status().key(), plan.regionCode()));
		}
		return rows;
	}

	IndicatorDefinition definition(String code) {
		return indicators.catalog().indicator(code)
			.orElseThrow(() -> new NotFound("indicator.not-found", "no indicator with code " + code));
	}

	List<Plan> plans() {
		return indicators.plans().stream().map(p -> indicators.plan(p.id())).toList();
	}

	List<Plan> plansWith(String code) {
		return plans().stream().filter(p -> p.rows().stream().anyMatch(r -> r.indicators().contains(code))).toList();
	}

	/** The year asked for, or the latest year with data in any plan that has the indicator. */
	int year(List<Plan> plans, Integer requested) {
		List<Integer> years = years(plans);
		if (requested != null) {
			if (!years.contains(requested)) {
				throw new InvalidInput("console.year-outside-plans", "year",
						"no plan with this indicator covers the year " + requested);
			}
			return requested;
		}
		Optional<Integer> latest = plans.stream().map(p -> pages.year(p, null)).max(Integer::compare);
		return latest.orElse(years.isEmpty() ? 2020 : years.get(years.size() - 1));
	}

	static List<Integer> years(List<Plan> plans) {
		if (plans.isEmpty()) {
			return List.of();
		}
		int first = plans.stream().mapToInt(Plan::baselineYear).min().orElseThrow();
		int last = plans.stream().mapToInt(Plan::targetYear).max().orElseThrow();
		return IntStream.rangeClosed(first, last).boxed().toList();
	}

}
