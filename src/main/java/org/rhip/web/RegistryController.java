package org.rhip.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.indicator.IndicatorApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.registry.ResourceItem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry (医疗卫生资源): a region's org-unit tree with population, its institutions with beds and
 * staff for a year; administrators correct an institution's figures and an org unit's population.
 */
@Controller
class RegistryController {

	/** The columns of the institution table; every item is on the institution's own page. */
	static final List<ResourceItem> COLUMNS = List.of(ResourceItem.BEDS, ResourceItem.PHYSICIANS, ResourceItem.NURSES,
			ResourceItem.GPS, ResourceItem.PHARMACISTS, ResourceItem.PUBLIC_HEALTH_STAFF);

	static final int FIRST_YEAR = 2010;

	static final int LAST_YEAR = 2030;

	public record Option(String value, String label) {
	}

	/** An org unit in the tree, indented by depth below the region. */
	public record TreeNode(String code, String name, String kind, int level, String population) {
	}

	/** An institution with its figures for the year, in {@link #COLUMNS} order. */
	public record InstitutionRow(String code, String name, String type, String level, String orgUnit,
			List<String> counts) {
	}

	/** A resource item of the edit form. */
	public record ItemField(String key, String value, String error) {
	}

	private final RegistryApi registry;

	private final IndicatorApi indicators;

	private final MessageSource messages;

	RegistryController(RegistryApi registry, IndicatorApi indicators, MessageSource messages) {
		this.registry = registry;
		this.indicators = indicators;
		this.messages = messages;
	}

	@GetMapping("/registry")
	String registry(@RequestParam(required = false) String region, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, Model model, Locale locale) {
		List<String> regions = regions();
		String shownRegion = region != null ? region : regions.isEmpty() ? null : regions.get(0);
		OrgUnit top = registry.orgUnit(shownRegion);
		int shownYear = checkedYear(year == null ? 2020 : year);
		OrgUnit within = unit == null || unit.isBlank() ? top : registry.orgUnit(unit);
		if (!registry.isWithin(within.code(), top.code())) {
			throw new InvalidInput("console.unit-outside-region", "unit", within.code() + " is not within " + top.code());
		}
		List<TreeNode> tree = new ArrayList<>();
		walk(top, 0, shownYear, tree, locale);
		Map<String, String> unitNames = new HashMap<>();
		tree.forEach(node -> unitNames.put(node.code(), node.name()));
		List<InstitutionRow> institutions = new ArrayList<>();
		long[] totals = new long[COLUMNS.size()];
		for (Institution institution : registry.institutionsWithin(within.code())) {
			Map<String, Integer> resources = registry.resources(institution.code(), shownYear);
			List<String> counts = new ArrayList<>();
			for (int i = 0; i < COLUMNS.size(); i++) {
				Integer count = resources.get(COLUMNS.get(i).key());
				totals[i] += count == null ? 0 : count;
				counts.add(count == null ? "" : integer(count, locale));
			}
			institutions.add(new InstitutionRow(institution.code(), institution.name(),
					label("institution.type." + institution.type(), locale),
					label("institution.level." + institution.level(), locale),
					unitNames.getOrDefault(institution.orgUnitCode(), institution.orgUnitCode()), counts));
		}
		model.addAttribute("regions", regions.stream().map(code -> new Option(code, name(registry.orgUnit(code), locale))).toList());
		model.addAttribute("region", top.code());
		model.addAttribute("regionName", name(top, locale));
		model.addAttribute("unit", within.code());
		model.addAttribute("unitName", name(within, locale));
		model.addAttribute("year", shownYear);
		model.addAttribute("years", years());
		model.addAttribute("tree", tree);
		model.addAttribute("institutions", institutions);
		model.addAttribute("columns", COLUMNS.stream().map(ResourceItem::key).toList());
		model.addAttribute("totals", Arrays.stream(totals).mapToObj(t -> integer(t, locale)).toList());
		return "registry";
	}

	@GetMapping("/registry/institutions/{code}")
	String institution(@PathVariable String code, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		int shownYear = checkedYear(year == null ? 2020 : year);
		Map<String, Integer> resources = registry.resources(code, shownYear);
		Map<String, String> values = new LinkedHashMap<>();
		resources.forEach((item, count) -> values.put(item, String.valueOf(count)));
		fillInstitution(model, registry.institution(code), shownYear, values, Map.of(), locale);
		return "institution";
	}

	@PostMapping("/registry/institutions/{code}")
	String saveInstitution(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		Access.requireAdmin();
		Institution institution = registry.institution(code);
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (ResourceItem item : ResourceItem.values()) {
			String text = params.getOrDefault(item.key(), "").strip();
			typed.put(item.key(), text);
			if (text.isEmpty()) {
				continue;
			}
			String digits = text.replace(",", "").replace("，", "");
			if (!digits.matches("-?\\d{1,9}")) {
				errors.put(item.key(), messages.getMessage("problem.whole-number", new Object[] { text }, locale));
				continue;
			}
			counts.put(item.key(), Integer.parseInt(digits));
		}
		Integer year = parseYear(params.get("year"), errors, locale);
		if (errors.isEmpty() && year != null) {
			try {
				registry.saveResources(code, year, counts);
				redirect.addAttribute("year", year);
				redirect.addFlashAttribute("saved", counts.size());
				return "redirect:/registry/institutions/{code}";
			}
			catch (InvalidInput ex) {
				errors.put(ex.field(), problem(ex, typed.get(ex.field()), locale));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fillInstitution(model, institution, year == null ? 2020 : year, typed, errors, locale);
		model.addAttribute("yearText", params.getOrDefault("year", ""));
		return "institution";
	}

	@GetMapping("/registry/orgunits/{code}")
	String orgUnit(@PathVariable String code, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		int shownYear = checkedYear(year == null ? 2020 : year);
		OrgUnit unit = registry.orgUnit(code);
		String count = registry.totals(code, shownYear).get("POP").map(ConsoleView::plain).orElse("");
		fillOrgUnit(model, unit, shownYear, count, "", Map.of(), locale);
		return "orgunit";
	}

	@PostMapping("/registry/orgunits/{code}")
	String savePopulation(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		Access.requireAdmin();
		OrgUnit unit = registry.orgUnit(code);
		Map<String, String> errors = new LinkedHashMap<>();
		String countText = params.getOrDefault("count", "").strip();
		String note = params.getOrDefault("note", "").strip();
		Integer year = parseYear(params.get("year"), errors, locale);
		String digits = countText.replace(",", "").replace("，", "");
		if (!digits.matches("-?\\d{1,12}")) {
			errors.put("count", messages.getMessage("problem.whole-number", new Object[] { countText }, locale));
		}
		if (errors.isEmpty() && year != null) {
			try {
				registry.savePopulation(code, year, Long.parseLong(digits), note.isEmpty() ? null : note);
				redirect.addAttribute("year", year);
				redirect.addFlashAttribute("saved", 1);
				return "redirect:/registry/orgunits/{code}";
			}
			catch (InvalidInput ex) {
				errors.put(ex.field(), problem(ex, countText, locale));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fillOrgUnit(model, unit, year == null ? 2020 : year, countText, note, errors, locale);
		model.addAttribute("yearText", params.getOrDefault("year", ""));
		return "orgunit";
	}

	private void fillInstitution(Model model, Institution institution, int year, Map<String, String> values,
			Map<String, String> errors, Locale locale) {
		List<ItemField> fields = Arrays.stream(ResourceItem.values())
			.map(item -> new ItemField(item.key(), values.getOrDefault(item.key(), ""), errors.getOrDefault(item.key(), "")))
			.toList();
		OrgUnit unit = registry.orgUnit(institution.orgUnitCode());
		model.addAttribute("institution", institution);
		model.addAttribute("type", label("institution.type." + institution.type(), locale));
		model.addAttribute("level", label("institution.level." + institution.level(), locale));
		model.addAttribute("ownership", label("institution.ownership." + institution.ownership(), locale));
		model.addAttribute("orgUnitName", name(unit, locale));
		model.addAttribute("region", regionOf(unit));
		model.addAttribute("year", year);
		model.addAttribute("yearText", String.valueOf(year));
		model.addAttribute("years", years());
		model.addAttribute("fields", fields);
		model.addAttribute("errors", errors);
	}

	private void fillOrgUnit(Model model, OrgUnit unit, int year, String count, String note, Map<String, String> errors,
			Locale locale) {
		model.addAttribute("unit", unit);
		model.addAttribute("unitName", name(unit, locale));
		model.addAttribute("kind", label("orgunit.kind." + unit.kind(), locale));
		model.addAttribute("region", regionOf(unit));
		model.addAttribute("year", year);
		model.addAttribute("yearText", String.valueOf(year));
		model.addAttribute("years", years());
		model.addAttribute("count", count);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
	}

	private Integer parseYear(String text, Map<String, String> errors, Locale locale) {
		String year = text == null ? "" : text.strip();
		if (!year.matches("\\d{4}") || Integer.parseInt(year) < FIRST_YEAR || Integer.parseInt(year) > LAST_YEAR) {
			errors.put("year", messages.getMessage("problem.year", new Object[] { year, String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR) }, locale));
			return null;
		}
		return Integer.parseInt(year);
	}

	private static int checkedYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInput("console.year", "year", "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
		return year;
	}

	private String problem(InvalidInput ex, String typed, Locale locale) {
		return messages.getMessage("problem." + ex.code(), new Object[] { typed == null ? "" : typed }, ex.getMessage(),
				locale);
	}

	/** The regions of the plans, in plan order, each once. */
	private List<String> regions() {
		Set<String> regions = new LinkedHashSet<>();
		indicators.plans().forEach(p -> regions.add(p.regionCode()));
		return List.copyOf(regions);
	}

	/** The plan region an org unit lies in, for the link back to the tree. */
	private String regionOf(OrgUnit unit) {
		return regions().stream().filter(r -> registry.isWithin(unit.code(), r)).findFirst().orElse(unit.code());
	}

	private void walk(OrgUnit unit, int level, int year, List<TreeNode> tree, Locale locale) {
		String population = registry.totals(unit.code(), year).get("POP").map(p -> integer(p, locale)).orElse("");
		tree.add(new TreeNode(unit.code(), name(unit, locale), label("orgunit.kind." + unit.kind(), locale), level,
				population));
		for (OrgUnit child : registry.children(unit.code())) {
			walk(child, level + 1, year, tree, locale);
		}
	}

	private static List<Integer> years() {
		return IntStream.rangeClosed(2015, 2025).boxed().toList();
	}

	private static String name(OrgUnit unit, Locale locale) {
		return ConsoleView.isEnglish(locale) && unit.nameEn() != null ? unit.nameEn() : unit.name();
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
	}

	private static String integer(Number number, Locale locale) {
		return NumberFormat.getIntegerInstance(locale)
			.format(number instanceof BigDecimal d ? d.longValue() : number.longValue());
	}

}
