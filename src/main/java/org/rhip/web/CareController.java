package org.rhip.web;

import java.util.List;
import java.util.Locale;

import org.rhip.care.RecordIndicators;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公共卫生服务 in the console: a district's record-based indicators at a glance, one indicator per
 * street and over the years with its numerator and denominator, and the people behind any of these
 * figures (masked; the care module audits each list). Every page is scoped to the user's org unit.
 */
@Controller
class CareController {

	/** Persons per page of a drill-down list. */
	static final int PAGE = 50;

	private final RecordIndicators records;

	private final CarePages pages;

	private final SurveillancePages places;

	CareController(RecordIndicators records, CarePages pages, SurveillancePages places) {
		this.records = records;
		this.pages = pages;
		this.places = places;
	}

	@GetMapping("/care")
	String overview(@RequestParam(required = false) String orgUnit, @RequestParam(required = false) Integer year,
			Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		String unit = pages.orgUnit(orgUnit, me);
		int shown = pages.year(year);
		List<CarePages.Group> groups = pages.groups(unit, shown, locale);
		place(model, me, unit, shown, locale);
		model.addAttribute("groups", groups);
		model.addAttribute("anyValue", groups.stream().flatMap(g -> g.cards().stream()).anyMatch(CarePages.Card::hasValue));
		return "care";
	}

	@GetMapping("/care/indicators/{code}")
	String indicator(@PathVariable String code, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) Integer year, Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		IndicatorDefinition definition = pages.definition(code);
		String unit = pages.orgUnit(orgUnit, me);
		int shown = pages.year(year);
		place(model, me, unit, shown, locale);
		indicator(model, definition, locale);
		List<CarePages.ValueRow> rows = pages.rows(code, unit, shown, locale);
		model.addAttribute("rows", rows);
		model.addAttribute("district", rows.get(0));
		model.addAttribute("series", pages.series(code, unit, shown, locale));
		model.addAttribute("note", CarePages.EVENT_COUNTS.contains(code) ? "counts" : CarePages.TABLES.contains(code) ? "table" : "");
		return "care-indicator";
	}

	@GetMapping("/care/indicators/{code}/members")
	String members(@PathVariable String code, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String part,
			@RequestParam(required = false) Integer page, Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		IndicatorDefinition definition = pages.definition(code);
		String unit = pages.orgUnit(orgUnit, me);
		int shown = pages.year(year);
		RecordIndicators.Part which = CarePages.part(part);
		int number = page == null || page < 1 ? 1 : page;
		RecordIndicators.Members members = records.members(code, unit, shown, which, (number - 1) * PAGE, PAGE);
		long pageCount = Math.max(1, (members.total() + PAGE - 1) / PAGE);
		place(model, me, unit, shown, locale);
		indicator(model, definition, locale);
		model.addAttribute("part", which.name().toLowerCase(Locale.ROOT));
		model.addAttribute("partLabel", pages.partLabel(code, which, locale));
		model.addAttribute("total", members.total());
		model.addAttribute("members", pages.members(members.persons(), shown, locale));
		model.addAttribute("page", number);
		model.addAttribute("pages", pageCount);
		return "care-members";
	}

	private void place(Model model, RhipPrincipal me, String unit, int year, Locale locale) {
		model.addAttribute("places", places.places(me, locale));
		model.addAttribute("orgUnit", unit);
		model.addAttribute("placeName", pages.placeName(unit, locale));
		model.addAttribute("year", year);
		model.addAttribute("years", pages.years());
	}

	private void indicator(Model model, IndicatorDefinition definition, Locale locale) {
		model.addAttribute("indicator", definition);
		model.addAttribute("name", CarePages.name(definition, locale));
		model.addAttribute("unit", CarePages.unit(definition, locale));
		model.addAttribute("numeratorLabel", pages.partLabel(definition.code(), RecordIndicators.Part.NUMERATOR, locale));
		model.addAttribute("denominatorLabel", pages.partLabel(definition.code(), RecordIndicators.Part.DENOMINATOR, locale));
	}

}
