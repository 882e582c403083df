package org.rhip.web;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.catalog.Catalog;
import org.rhip.indicator.catalog.DataElement;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.entry.DataEntryService;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Aggregate data entry (汇总数据填报): for a plan, an org unit (the region or a street below it) and a
 * year, the data elements behind the plan's indicators that are typed in. A form is stored whole or
 * not at all; a rejected form comes back with the typed values and the error next to its field.
 */
@Controller
class EntryController {

	/** Form fields of data elements are named {@code v.<CODE>}. */
	static final String FIELD_PREFIX = "v.";

	/** An org unit to choose. */
	public record Option(String value, String label) {
	}

	/** A data element in the form. */
	public record EntryField(String code, String name, String source, boolean editable, String value, String current,
			String range, String error, String seeRow) {
	}

	/** An indicator of a plan row with the data elements it is computed from. */
	public record EntryIndicator(String code, String name, String definition, List<EntryField> fields) {
	}

	/** A plan row in the form. */
	public record EntryRow(String no, String name, String unit, List<EntryIndicator> indicators) {
	}

	private final IndicatorApi indicators;

	private final RegistryApi registry;

	private final MessageSource messages;

	EntryController(IndicatorApi indicators, RegistryApi registry, MessageSource messages) {
		this.indicators = indicators;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/entry")
	String plans(Model model, Locale locale) {
		RhipPrincipal me = Access.requireDataEntry();
		List<Option> plans = new ArrayList<>();
		for (IndicatorApi.PlanSummary summary : indicators.plans()) {
			Plan plan = indicators.plan(summary.id());
			if (me.scope().isEmpty() || registry.isWithin(me.scope().get(), plan.regionCode())) {
				plans.add(new Option(plan.id(), PlanPages.planName(plan, locale) + " · " + regionName(plan.regionCode(), locale)));
			}
		}
		model.addAttribute("plans", plans);
		return "entry-plans";
	}

	@GetMapping("/entry/{planId}")
	String form(@PathVariable String planId, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) Integer year, Model model, Locale locale) {
		RhipPrincipal me = Access.requireDataEntry();
		Plan plan = indicators.plan(planId);
		List<Option> units = orgUnits(plan, me, locale);
		String unit = orgUnit != null ? orgUnit : defaultOrgUnit(plan, me, units);
		if (units.stream().noneMatch(o -> o.value().equals(unit))) {
			throw new InvalidInput("console.org-unit", "orgUnit",
					"org unit " + unit + " is not one you can enter data for in plan " + planId);
		}
		int shown = year != null ? year : Math.max(plan.baselineYear(), Math.min(plan.targetYear(), Year.now().getValue() - 1));
		if (!plan.covers(shown)) {
			throw new InvalidInput("console.year-outside-plan", "year",
					"year " + shown + " is outside the plan " + plan.baselineYear() + "–" + plan.targetYear());
		}
		fill(model, plan, units, unit, shown, Map.of(), Map.of(), locale);
		return "entry";
	}

	@PostMapping("/entry/{planId}")
	String enter(@PathVariable String planId, @RequestParam Map<String, String> params, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		RhipPrincipal me = Access.requireDataEntry();
		Plan plan = indicators.plan(planId);
		String orgUnit = params.getOrDefault("orgUnit", "").strip();
		String period = params.getOrDefault("year", "").strip();
		Map<String, String> typed = new LinkedHashMap<>();
		List<DataEntryService.Entry> entries = new ArrayList<>();
		params.forEach((name, value) -> {
			if (name.startsWith(FIELD_PREFIX)) {
				String code = name.substring(FIELD_PREFIX.length());
				typed.put(code, value);
				entries.add(new DataEntryService.Entry(code, value));
			}
		});
		Map<String, String> errors = new HashMap<>();
		try {
			int count = indicators.enter(planId, orgUnit, period, entries, me.name(), me.scope().orElse(null));
			redirect.addAttribute("orgUnit", orgUnit);
			redirect.addAttribute("year", period);
			redirect.addFlashAttribute("saved", count);
			return "redirect:/entry/{planId}";
		}
		catch (InvalidInput ex) {
			String field = "period".equals(ex.field()) ? "year" : ex.field();
			errors.put(field, problem(ex, typed.get(ex.field()), locale));
		}
		catch (Forbidden ex) {
			errors.put(ex.field(), messages.getMessage("problem.forbidden",
					new Object[] { orgUnit, me.scope().orElse("") }, ex.getMessage(), locale));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		List<Option> units = orgUnits(plan, me, locale);
		String unit = units.stream().anyMatch(o -> o.value().equals(orgUnit)) ? orgUnit : defaultOrgUnit(plan, me, units);
		int year = period.matches("\\d{4}") && plan.covers(Integer.parseInt(period)) ? Integer.parseInt(period)
				: plan.targetYear();
		fill(model, plan, units, unit, year, typed, errors, locale);
		model.addAttribute("orgUnit", orgUnit);
		model.addAttribute("yearText", period);
		return "entry";
	}

	/** The reason a form was refused, in the reader's language. */
	private String problem(InvalidInput ex, String typed, Locale locale) {
		Catalog catalog = indicators.catalog();
		Optional<DataElement> element = catalog.dataElement(ex.field());
		Object[] args = { typed == null ? "" : typed.strip(),
				element.map(e -> ConsoleView.isEnglish(locale) ? e.nameEn() : e.name()).orElse(ex.field()),
				element.flatMap(DataElement::min).map(ConsoleView::plain).orElse(""),
				element.flatMap(DataElement::max).map(ConsoleView::plain).orElse("") };
		return messages.getMessage("problem." + ex.code(), args, ex.getMessage(), locale);
	}

	private void fill(Model model, Plan plan, List<Option> units, String orgUnit, int year, Map<String, String> typed,
			Map<String, String> errors, Locale locale) {
		boolean en = ConsoleView.isEnglish(locale);
		Catalog catalog = indicators.catalog();
		Set<String> entryCodes = new LinkedHashSet<>();
		for (PlanRow row : plan.rows()) {
			for (String code : row.indicators()) {
				catalog.indicator(code).ifPresent(i -> i.dataElements().stream()
					.filter(e -> catalog.dataElement(e).map(d -> "entry".equals(d.source())).orElse(false))
					.forEach(entryCodes::add));
			}
		}
		Map<String, BigDecimal> current = indicators.enteredValues(orgUnit, year, entryCodes);
		Map<String, String> firstRow = new HashMap<>();
		List<EntryRow> rows = new ArrayList<>();
		for (PlanRow row : plan.rows()) {
			List<EntryIndicator> rowIndicators = new ArrayList<>();
			for (String code : row.indicators()) {
				IndicatorDefinition indicator = catalog.indicator(code).orElseThrow();
				List<EntryField> fields = new ArrayList<>();
				for (String elementCode : indicator.dataElements()) {
					DataElement element = catalog.dataElement(elementCode).orElseThrow();
					boolean editable = "entry".equals(element.source());
					String seenAt = firstRow.get(elementCode);
					if (seenAt == null) {
						firstRow.put(elementCode, row.no());
					}
					String now = Optional.ofNullable(current.get(elementCode)).map(ConsoleView::plain).orElse("");
					String range = element.min().isPresent() || element.max().isPresent()
							? element.min().map(ConsoleView::plain).orElse("") + "–" + element.max().map(ConsoleView::plain).orElse("")
							: "";
					fields.add(new EntryField(elementCode, en ? element.nameEn() : element.name(), element.source(),
							editable && seenAt == null, typed.getOrDefault(elementCode, now), now, range,
							errors.getOrDefault(elementCode, ""), seenAt == null ? "" : seenAt));
				}
				rowIndicators.add(new EntryIndicator(code, en ? indicator.nameEn() : indicator.name(),
						indicator.definition() == null ? "" : indicator.definition(), List.copyOf(fields)));
			}
			rows.add(new EntryRow(row.no(), en && row.nameEn() != null ? row.nameEn() : row.name(),
					row.unit() == null ? "" : row.unit(), List.copyOf(rowIndicators)));
		}
		model.addAttribute("plan", plan);
		model.addAttribute("planName", PlanPages.planName(plan, locale));
		model.addAttribute("region", regionName(plan.regionCode(), locale));
		model.addAttribute("orgUnits", units);
		model.addAttribute("orgUnit", orgUnit);
		model.addAttribute("orgUnitName", units.stream().filter(o -> o.value().equals(orgUnit)).map(Option::label)
			.findFirst().orElse(orgUnit));
		model.addAttribute("years", PlanPages.years(plan));
		model.addAttribute("year", year);
		model.addAttribute("yearText", String.valueOf(year));
		model.addAttribute("rows", rows);
		model.addAttribute("errors", errors);
		model.addAttribute("editableCount", rows.stream().flatMap(r -> r.indicators().stream())
			.flatMap(i -> i.fields().stream()).filter(EntryField::editable).count());
	}

	/** The plan's region and the units right below it (and the clerk's own unit), within the clerk's scope. */
	private List<Option> orgUnits(Plan plan, RhipPrincipal me, Locale locale) {
		List<OrgUnit> candidates = new ArrayList<>();
		registry.findOrgUnit(plan.regionCode()).ifPresent(candidates::add);
		candidates.addAll(registry.children(plan.regionCode()));
		me.scope().filter(scope -> registry.isWithin(scope, plan.regionCode()))
			.filter(scope -> candidates.stream().noneMatch(u -> u.code().equals(scope)))
			.ifPresent(scope -> {
				candidates.add(registry.orgUnit(scope));
				candidates.addAll(registry.children(scope));
			});
		boolean en = ConsoleView.isEnglish(locale);
		return candidates.stream()
			.filter(u -> me.scope().isEmpty() || registry.isWithin(u.code(), me.scope().get()))
			.map(u -> new Option(u.code(), (en && u.nameEn() != null ? u.nameEn() : u.name()) + " (" + u.code() + ")"))
			.toList();
	}

	private static String defaultOrgUnit(Plan plan, RhipPrincipal me, List<Option> units) {
		return units.isEmpty() ? me.scope().orElse(plan.regionCode()) : units.get(0).value();
	}

	private String regionName(String code, Locale locale) {
		return registry.findOrgUnit(code)
			.map(u -> ConsoleView.isEnglish(locale) && u.nameEn() != null ? u.nameEn() : u.name())
			.orElse(code);
	}

}
