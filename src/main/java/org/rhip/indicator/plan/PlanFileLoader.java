package org.rhip.indicator.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rhip.indicator.Direction;
import org.rhip.indicator.catalog.Catalog;
import org.rhip.indicator.catalog.CatalogRepository;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.platform.yaml.YamlNode;
import org.rhip.platform.yaml.YamlProblem;
import org.rhip.registry.RegistryApi;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads plan files (docs/plan-format.md §2). A file with an unknown indicator, a target text no rule
 * reads, or any other fault fails with file, line and reason, and nothing of it is stored.
 */
@Component
public class PlanFileLoader {

	private static final Set<String> PLAN_KEYS = Set.of("id", "name", "nameEn", "region", "baselineYear", "targetYear",
			"source", "table", "rows");

	private static final Set<String> ROW_KEYS = Set.of("no", "category", "categoryEn", "indicator", "name", "nameEn",
			"unit", "baseline", "target", "attribute", "direction", "reading", "baselineReading", "actuals", "remark");

	private static final Set<String> ATTRIBUTES = Set.of("expected", "binding", "not_stated");

	private final CatalogRepository catalog;

	private final PlanRepository plans;

	private final RegistryApi registry;

	PlanFileLoader(CatalogRepository catalog, PlanRepository plans, RegistryApi registry) {
		this.catalog = catalog;
		this.plans = plans;
		this.registry = registry;
	}

	/** Loads the bundled plans that are not in the database yet; returns the ids loaded. */
	@Transactional
	public List<String> loadBundled() {
		List<String> loaded = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:plans/*.yaml")) {
				try (InputStream in = resource.getInputStream()) {
					Plan plan = read("plans/" + resource.getFilename(), in);
					if (plans.find(plan.id()).isEmpty()) {
						plans.save(plan);
						loaded.add(plan.id());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new YamlProblem("plan files cannot be read: " + ex.getMessage());
		}
		return loaded;
	}

	/** Loads (or replaces) one plan from the text of a plan file. */
	@Transactional
	public Plan load(String fileName, String text) {
		Plan plan = read(fileName, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		plans.save(plan);
		return plan;
	}

	public Plan read(String fileName, InputStream in) {
		YamlNode file = YamlNode.parse(fileName, in);
		checkKeys(file, PLAN_KEYS);
		String id = file.string("id");
		if (!id.matches("[a-z0-9][a-z0-9-]*")) {
			throw file.require("id").problem("plan id must be lower-case letters, digits and '-', not '" + id + "'");
		}
		String region = file.string("region");
		if (registry.findOrgUnit(region).isEmpty()) {
			throw file.require("region").problem("unknown region " + region);
		}
		int baselineYear = file.integer("baselineYear");
		int targetYear = file.integer("targetYear");
		if (targetYear <= baselineYear) {
			throw file.require("targetYear").problem("the target year must come after the baseline year");
		}
		Catalog known = catalog.catalog();
		List<PlanRow> rows = new ArrayList<>();
		int position = 0;
		List<YamlNode> rowNodes = file.list("rows");
		if (rowNodes.isEmpty()) {
			throw file.problem("the plan has no rows");
		}
		for (YamlNode node : rowNodes) {
			rows.add(row(node, ++position, known, baselineYear));
		}
		return new Plan(id, file.string("name"), file.string("nameEn"), region, baselineYear, targetYear,
				file.optionalString("source").orElse(null), file.optionalString("table").orElse(null), List.copyOf(rows));
	}

	private PlanRow row(YamlNode node, int position, Catalog known, int baselineYear) {
		checkKeys(node, ROW_KEYS);
		List<String> codes = node.require("indicator").texts();
		List<IndicatorDefinition> indicators = new ArrayList<>();
		for (String code : codes) {
			indicators.add(known.indicator(code)
				.orElseThrow(() -> node.require("indicator").problem("unknown indicator " + code)));
		}
		String attribute = node.string("attribute");
		if (!ATTRIBUTES.contains(attribute)) {
			throw node.require("attribute").problem("attribute must be expected, binding or not_stated, not '" + attribute + "'");
		}
		Optional<Direction> direction = node.optionalString("direction").map(text -> {
			try {
				return Direction.of(text);
			}
			catch (IllegalArgumentException ex) {
				throw node.require("direction").problem(ex.getMessage());
			}
		});
		Direction effective = direction.orElse(indicators.get(0).direction());
		String target = node.optionalString("target").orElse(null);
		String reading = node.optionalString("reading").orElse(null);
		try {
			PrintedText.rule(target, reading, effective, baselineYear);
		}
		catch (TargetProblem ex) {
			throw node.get("target").orElse(node).problem(ex.getMessage());
		}
		String baseline = node.optionalString("baseline").orElse(null);
		String baselineReading = node.optionalString("baselineReading").orElse(null);
		Map<Integer, List<BigDecimal>> printed = new LinkedHashMap<>();
		List<BigDecimal> baselineValues = values(node, "baseline", baseline, baselineReading, codes.size());
		if (!baselineValues.isEmpty()) {
			printed.put(baselineYear, baselineValues);
		}
		node.get("actuals").ifPresent(actuals -> actuals.entries().forEach((year, value) -> {
			int y;
			try {
				y = Integer.parseInt(year.strip());
			}
			catch (NumberFormatException ex) {
				throw value.problem("'" + year + "' is not a year");
			}
			List<BigDecimal> values = values(value, "actual", value.text(), null, codes.size());
			if (!values.isEmpty()) {
				printed.put(y, values);
			}
		}));
		return new PlanRow(position, node.optionalString("no").orElse(null), node.optionalString("category").orElse(null),
				node.optionalString("categoryEn").orElse(null), List.copyOf(codes), node.string("name"), node.string("nameEn"),
				node.optionalString("unit").orElse(null), baseline, target, attribute, direction, reading, baselineReading,
				node.optionalString("remark").orElse(null), printed);
	}

	private static List<BigDecimal> values(YamlNode node, String what, String text, String reading, int expected) {
		List<BigDecimal> values;
		try {
			values = PrintedText.values(text, reading);
		}
		catch (TargetProblem ex) {
			throw node.problem(what + " " + ex.getMessage());
		}
		if (!values.isEmpty() && values.size() != expected) {
			throw node.problem(what + " '" + text + "' has " + values.size() + " values for " + expected + " indicators");
		}
		return values;
	}

	private static void checkKeys(YamlNode node, Set<String> allowed) {
		node.entries().forEach((key, value) -> {
			if (!allowed.contains(key)) {
				throw value.problem("unknown key '" + key + "'");
			}
		});
	}

}
