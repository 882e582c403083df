package org.rhip.indicator.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.indicator.Period;
import org.rhip.indicator.catalog.Catalog;
import org.rhip.indicator.catalog.CatalogRepository;
import org.rhip.indicator.catalog.DataElement;
import org.rhip.indicator.plan.Plan;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.RegistryApi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregate data entry (汇总数据填报): values typed in for a plan's region or a part of it. A form is
 * checked whole before anything is stored: every value a number within the data element's range,
 * the period inside the plan, the org unit inside the region and inside the clerk's scope.
 */
@Service
public class DataEntryService {

	/** One value of a form: data element code and the text typed. */
	public record Entry(String dataElement, String value) {
	}

	private final CatalogRepository catalogs;

	private final DataValueRepository values;

	private final RegistryApi registry;

	DataEntryService(CatalogRepository catalogs, DataValueRepository values, RegistryApi registry) {
		this.catalogs = catalogs;
		this.values = values;
		this.registry = registry;
	}

	/**
	 * Stores a form, all or nothing.
	 *
	 * @param scope the org unit below which the user may enter data; null for the whole platform
	 * @return the number of values stored
	 */
	@Transactional
	public int enter(Plan plan, String orgUnit, String period, List<Entry> entries, String user, String scope) {
		int year = year(period);
		if (!plan.covers(year)) {
			throw new InvalidInput("entry.period-outside-plan", "period",
					"period " + period + " is outside the plan " + plan.id() + " (" + plan.baselineYear() + "–"
							+ plan.targetYear() + ")");
		}
		if (registry.findOrgUnit(orgUnit).isEmpty()) {
			throw new InvalidInput("entry.org-unit-unknown", "orgUnit", "unknown org unit " + orgUnit);
		}
		if (!registry.isWithin(orgUnit, plan.regionCode())) {
			throw new InvalidInput("entry.org-unit-outside-plan", "orgUnit",
					"org unit " + orgUnit + " is outside the plan's region " + plan.regionCode());
		}
		if (scope != null && !registry.isWithin(orgUnit, scope)) {
			throw new Forbidden("orgUnit", "org unit " + orgUnit + " is outside your data-entry scope " + scope);
		}
		Catalog catalog = catalogs.catalog();
		List<Map.Entry<DataElement, BigDecimal>> checked = new ArrayList<>();
		for (Entry entry : entries) {
			if (entry.value() == null || entry.value().isBlank()) {
				continue;
			}
			DataElement element = catalog.dataElement(entry.dataElement())
				.orElseThrow(() -> new InvalidInput("entry.unknown-data-element", entry.dataElement(),
						"unknown data element " + entry.dataElement()));
			BigDecimal value = number(entry);
			element.min().filter(min -> value.compareTo(min) < 0).ifPresent(min -> {
				throw new InvalidInput("entry.below-range", entry.dataElement(),
						element.name() + " must be at least " + min.toPlainString() + ", not " + entry.value().strip());
			});
			element.max().filter(max -> value.compareTo(max) > 0).ifPresent(max -> {
				throw new InvalidInput("entry.above-range", entry.dataElement(),
						element.name() + " must be at most " + max.toPlainString() + ", not " + entry.value().strip());
			});
			checked.add(Map.entry(element, value));
		}
		if (checked.isEmpty()) {
			throw new InvalidInput("entry.empty", "values", "the form holds no value");
		}
		for (Map.Entry<DataElement, BigDecimal> value : checked) {
			values.put(value.getKey().code(), orgUnit, String.valueOf(year), "entry", value.getValue(), user);
		}
		return checked.size();
	}

	/**
	 * The values stored by data entry (or import) for an org unit and year, by data element code, for
	 * showing a form with what it holds; codes without a value are left out.
	 */
	public Map<String, BigDecimal> entered(String orgUnit, int year, Collection<String> dataElements) {
		Map<String, BigDecimal> found = new LinkedHashMap<>();
		String period = String.valueOf(year);
		for (String code : dataElements) {
			values.get(code, orgUnit, period, "entry")
				.or(() -> values.get(code, orgUnit, period, "import"))
				.ifPresent(value -> found.put(code, value));
		}
		return found;
	}

	private static BigDecimal number(Entry entry) {
		String text = entry.value().strip().replace(",", "").replace("，", "");
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("entry.not-a-number", entry.dataElement(), "'" + entry.value().strip() + "' is not a number");
		}
	}

	private static int year(String period) {
		Period parsed = Period.parse(period);
		if (parsed.type() != Period.Type.YEARLY) {
			throw new InvalidInput("entry.period", "period",
					"plans take yearly values: the period must be a year such as 2023, not " + period);
		}
		return parsed.year();
	}

}
