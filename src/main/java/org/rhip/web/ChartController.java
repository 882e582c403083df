package org.rhip.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.plan.Plan;
import org.rhip.platform.problem.NotFound;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the console's charts as JSON, read by {@code static/js/charts.js} (the console's
 * Content-Security-Policy allows no inline script). Labels come in the reader's language.
 */
@RestController
class ChartController {

	private final IndicatorApi indicators;

	private final PlanPages pages;

	private final IndicatorPages indicatorPages;

	private final MessageSource messages;

	ChartController(IndicatorApi indicators, PlanPages pages, IndicatorPages indicatorPages,
			MessageSource messages) {
		this.indicators = indicators;
		this.pages = pages;
		this.indicatorPages = indicatorPages;
		this.messages = messages;
	}

	/** A plan row's actual series by year against the straight path from baseline to target. */
	@GetMapping("/plans/{id}/rows/{position}/series.json")
	Map<String, Object> rowSeries(@PathVariable String id, @PathVariable int position,
			@RequestParam(required = false) Integer year, Locale locale) {
		Plan plan = indicators.plan(id);
		int shown = pages.year(plan, year);
		var row = plan.row(position)
			.orElseThrow(() -> new NotFound("plan.row-not-found", "plan " + id + " has no row " + position));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("years", PlanPages.years(plan).stream().map(String::valueOf).toList());
		json.put("selectedYear", String.valueOf(shown));
		json.put("unit", row.unit() == null ? "" : row.unit());
		json.put("baselineYear", String.valueOf(plan.baselineYear()));
		json.put("labels", labels(locale, "actual", "path", "target", "baseline"));
		List<Map<String, Object>> series = new ArrayList<>();
		for (PlanPages.IndicatorSeries s : pages.series(plan, position, shown, locale)) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("code", s.code());
			line.put("name", s.name());
			line.put("status", s.status());
			line.put("statusLabel", messages.getMessage("status." + s.status(), null, s.status(), locale));
			line.put("actual", s.points().stream().map(p -> number(p.value())).toList());
			line.put("path", s.points().stream().map(p -> number(p.path())).toList());
			line.put("target", number(s.target()));
			series.add(line);
		}
		json.put("series", series);
		return json;
	}

	/** An indicator's actual and target value in each region's plan. */
	@GetMapping("/indicators/{code}/regions.json")
	Map<String, Object> regions(@PathVariable String code, @RequestParam(required = false) Integer year,
			Locale locale) {
		IndicatorDefinition indicator = indicatorPages.definition(code);
		int shown = indicatorPages.year(indicatorPages.plansWith(code), year);
		List<IndicatorPages.RegionRow> rows = indicatorPages.regions(code, shown, locale);
		boolean twoPlansInARegion = rows.stream().map(IndicatorPages.RegionRow::region).distinct().count() < rows.size();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", ConsoleView.isEnglish(locale) ? indicator.nameEn() : indicator.name());
		json.put("year", String.valueOf(shown));
		json.put("unit", rows.stream().map(IndicatorPages.RegionRow::unit).filter(u -> !u.isBlank()).findFirst().orElse(""));
		json.put("regions", rows.stream()
			.map(r -> twoPlansInARegion ? r.region() + " " + r.baselineYear() + "–" + r.targetYear() : r.region())
			.toList());
		json.put("actual", rows.stream().map(r -> number(r.actual())).toList());
		json.put("target", rows.stream().map(r -> number(r.targetValue())).toList());
		json.put("status", rows.stream().map(IndicatorPages.RegionRow::status).toList());
		json.put("labels", labels(locale, "actual", "target"));
		return json;
	}

	private Map<String, String> labels(Locale locale, String... keys) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : keys) {
			labels.put(key, messages.getMessage("chart." + key, null, key, locale));
		}
		return labels;
	}

	private static BigDecimal number(String text) {
		return text == null || text.isBlank() ? null : new BigDecimal(text);
	}

}
