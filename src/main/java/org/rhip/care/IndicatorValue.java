package org.rhip.care;

import java.math.BigDecimal;

/**
 * A record-based indicator value of one org unit and year, with its numerator and denominator
 * (for a life table: the deaths and the mid-year population).
 */
public record IndicatorValue(String indicator, String orgUnitCode, int year, BigDecimal numerator, BigDecimal denominator,
		BigDecimal value) {
}
