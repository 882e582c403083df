package org.rhip.indicator.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A data element (数据元): one quantity with values per org unit and period — a count, a rate
 * reported directly, a population.
 *
 * @param source where its values come from: {@code registry}, {@code entry} or {@code records}
 * @param aggregation {@code sum} adds values up the org-unit tree; {@code none} keeps each where entered
 */
public record DataElement(String code, String name, String nameEn, String source, String aggregation,
		Optional<BigDecimal> min, Optional<BigDecimal> max) {

	public boolean summable() {
		return "sum".equals(aggregation);
	}

}
