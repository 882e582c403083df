package org.rhip.indicator.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rhip.indicator.Direction;
import org.rhip.indicator.expression.Expression;
import org.rhip.indicator.expression.ExpressionProblem;
import org.rhip.platform.yaml.YamlNode;
import org.rhip.platform.yaml.YamlProblem;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code indicators/catalog.yaml} (docs/plan-format.md §1). Every expression is parsed and every
 * data element it names must be defined, or nothing of the file is stored.
 */
@Component
public class CatalogFileLoader {

	static final String FILE = "indicators/catalog.yaml";

	private static final Set<String> SOURCES = Set.of("registry", "entry", "records");

	private final CatalogRepository repository;

	CatalogFileLoader(CatalogRepository repository) {
		this.repository = repository;
	}

	@Transactional
	public void loadBundled() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			load(YamlNode.parse(FILE, in));
		}
		catch (IOException ex) {
			throw new YamlProblem(FILE + ": cannot be read: " + ex.getMessage());
		}
	}

	void load(YamlNode file) {
		List<DataElement> elements = new ArrayList<>();
		Set<String> elementCodes = new HashSet<>();
		for (YamlNode node : file.list("dataElements")) {
			DataElement element = dataElement(node);
			if (!elementCodes.add(element.code())) {
				throw node.problem("data element " + element.code() + " is defined twice");
			}
			elements.add(element);
		}
		List<IndicatorDefinition> indicators = new ArrayList<>();
		Set<String> indicatorCodes = new HashSet<>();
		for (YamlNode node : file.list("indicators")) {
			IndicatorDefinition indicator = indicator(node, elementCodes);
			if (!indicatorCodes.add(indicator.code())) {
				throw node.problem("indicator " + indicator.code() + " is defined twice");
			}
			indicators.add(indicator);
		}
		elements.forEach(repository::upsert);
		indicators.forEach(repository::upsert);
	}

	private static DataElement dataElement(YamlNode node) {
		String code = code(node);
		String source = node.string("source");
		if (!SOURCES.contains(source)) {
			throw node.problem("source must be registry, entry or records, not '" + source + "'");
		}
		String aggregation = node.string("aggregation");
		if (!aggregation.equals("sum") && !aggregation.equals("none")) {
			throw node.problem("aggregation must be sum or none, not '" + aggregation + "'");
		}
		return new DataElement(code, node.string("name"), node.string("nameEn"), source, aggregation,
				decimal(node, "min"), decimal(node, "max"));
	}

	private static IndicatorDefinition indicator(YamlNode node, Set<String> elementCodes) {
		String code = code(node);
		String numerator = node.string("numerator");
		String denominator = node.string("denominator");
		for (String key : List.of("numerator", "denominator")) {
			String text = node.string(key);
			Expression expression;
			try {
				expression = Expression.parse(text);
			}
			catch (ExpressionProblem ex) {
				throw node.require(key).problem(ex.getMessage());
			}
			for (String element : expression.references()) {
				if (!elementCodes.contains(element)) {
					throw node.require(key).problem("unknown data element " + element + " in " + key + " of " + code);
				}
			}
		}
		BigDecimal factor = decimal(node, "factor").orElse(BigDecimal.ONE);
		if (factor.signum() <= 0) {
			throw node.require("factor").problem("factor must be > 0");
		}
		Direction direction;
		try {
			direction = Direction.of(node.string("direction"));
		}
		catch (IllegalArgumentException ex) {
			throw node.require("direction").problem(ex.getMessage());
		}
		int decimals = node.get("decimals").isPresent() ? node.integer("decimals") : 2;
		return new IndicatorDefinition(code, node.string("name"), node.string("nameEn"), node.string("category"),
				numerator, denominator, factor, decimals, direction, node.optionalString("definition").orElse(null));
	}

	private static String code(YamlNode node) {
		String code = node.string("code");
		if (!code.matches("[A-Z][A-Z0-9_]*")) {
			throw node.require("code").problem("code must be capital letters, digits and '_', not '" + code + "'");
		}
		return code;
	}

	private static Optional<BigDecimal> decimal(YamlNode node, String key) {
		return node.get(key).map(value -> {
			try {
				return new BigDecimal(value.text().strip().replace(",", "").replace("_", ""));
			}
			catch (NumberFormatException ex) {
				throw value.problem("'" + key + "' must be a number, not '" + value.text() + "'");
			}
		});
	}

}
