package org.rhip.indicator.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An indicator value in one year with what it is made of, so every figure can be traced:
 * numerator and denominator (absent for a value printed in a plan) and the source.
 *
 * @param source {@code registry}, {@code records}, {@code entry}, {@code plan} or {@code demo}
 */
public record Observation(BigDecimal value, Optional<BigDecimal> numerator, Optional<BigDecimal> denominator,
		String source) {
}
