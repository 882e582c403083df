package org.rhip.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.security.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of an indicator page's two charts as JSON, read by {@code static/js/care.js}: the value of
 * the org unit and of each unit below it in the year (bars, the org unit first) and the org unit's
 * value over the years (a line). Scoped like the page.
 */
@RestController
class CareChartController {

	private final CarePages pages;

	private final MessageSource messages;

	CareChartController(CarePages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/care/indicators/{code}/chart.json")
	Map<String, Object> chart(@PathVariable String code, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) Integer year, Locale locale) {
		IndicatorDefinition definition = pages.definition(code);
		String unit = pages.orgUnit(orgUnit, CurrentUser.require());
		int shown = pages.year(year);
		List<CarePages.ValueRow> rows = pages.rows(code, unit, shown, locale);
		List<CarePages.YearRow> series = pages.series(code, unit, shown, locale);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", CarePages.name(definition, locale));
		json.put("unit", CarePages.unit(definition, locale));
		json.put("year", String.valueOf(shown));
		json.put("places", rows.stream().map(CarePages.ValueRow::place).toList());
		json.put("values", rows.stream().map(r -> number(r.value())).toList());
		json.put("years", series.stream().map(r -> String.valueOf(r.year())).toList());
		json.put("series", series.stream().map(r -> number(r.value())).toList());
		json.put("label", messages.getMessage("care.col.value", null, locale));
		return json;
	}

	private static BigDecimal number(String text) {
		return text.isEmpty() ? null : new BigDecimal(text);
	}

}
