package org.rhip.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.plan.Plan;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One indicator across the regions' plans (指标对比), and the list of indicators the plans use. */
@Controller
class IndicatorController {

	/** The plan's categories of indicators, in the order of the catalogue's documentation. */
	static final List<String> CATEGORIES = List.of("health_level", "disease_control", "health_management",
			"healthy_living", "services", "resources", "population", "security");

	/** An indicator in the list, with the plans that use it. */
	public record IndicatorItem(String code, String name, String category, int plans) {
	}

	private final IndicatorApi indicators;

	private final IndicatorPages pages;

	IndicatorController(IndicatorApi indicators, IndicatorPages pages) {
		this.indicators = indicators;
		this.pages = pages;
	}

	@GetMapping("/indicators")
	String list(Model model, Locale locale) {
		Map<String, Integer> used = new LinkedHashMap<>();
		for (Plan plan : pages.plans()) {
			plan.rows().stream().flatMap(r -> r.indicators().stream()).distinct().forEach(code -> used.merge(code, 1, Integer::sum));
		}
		boolean en = ConsoleView.isEnglish(locale);
		List<IndicatorItem> items = indicators.catalog().allIndicators().stream()
			.filter(i -> used.containsKey(i.code()))
			.sorted(Comparator.comparingInt((IndicatorDefinition i) -> categoryOrder(i.category()))
				.thenComparing(i -> -used.get(i.code()))
				.thenComparing(IndicatorDefinition::code))
			.map(i -> new IndicatorItem(i.code(), en ? i.nameEn() : i.name(), i.category(), used.get(i.code())))
			.toList();
		model.addAttribute("indicators", items);
		return "indicators";
	}

	@GetMapping("/indicators/{code}")
	String indicator(@PathVariable String code, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		IndicatorDefinition indicator = pages.definition(code);
		List<Plan> plans = pages.plansWith(code);
		int shown = pages.year(plans, year);
		model.addAttribute("indicator", indicator);
		model.addAttribute("name", ConsoleView.isEnglish(locale) ? indicator.nameEn() : indicator.name());
		model.addAttribute("year", shown);
		model.addAttribute("years", IndicatorPages.years(plans));
		model.addAttribute("regions", pages.regions(code, shown, locale));
		return "indicator";
	}

	private static int categoryOrder(String category) {
		int index = CATEGORIES.indexOf(category);
		return index < 0 ? CATEGORIES.size() : index;
	}

}
