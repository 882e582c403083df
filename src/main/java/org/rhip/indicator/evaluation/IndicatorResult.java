package org.rhip.indicator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import org.rhip.indicator.catalog.IndicatorDefinition;

/** One indicator of a plan row in the evaluated year: the value, its verdict and the years before. */
public record IndicatorResult(IndicatorDefinition indicator, Optional<Observation> actual, Judgement judgement,
		Optional<BigDecimal> baseline, SortedMap<Integer, Observation> series, List<String> notes) {

	/** The actual value rounded to the indicator's display precision. */
	public Optional<BigDecimal> rounded() {
		return actual.map(o -> o.value().setScale(indicator.decimals(), RoundingMode.HALF_UP));
	}

}
