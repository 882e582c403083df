package org.rhip.indicator.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import org.rhip.indicator.Direction;
import org.rhip.indicator.expression.Expression;

/**
 * An indicator (指标): numerator ÷ denominator × factor over data elements, as in DHIS2. A value
 * reported directly has the denominator {@code 1}.
 */
public record IndicatorDefinition(String code, String name, String nameEn, String category, String numeratorText,
		String denominatorText, BigDecimal factor, int decimals, Direction direction, String definition) {

	public Expression numerator() {
		return Expression.parse(numeratorText);
	}

	public Expression denominator() {
		return Expression.parse(denominatorText);
	}

	public Set<String> dataElements() {
		Set<String> codes = new LinkedHashSet<>(numerator().references());
		codes.addAll(denominator().references());
		return codes;
	}

}
