package org.rhip.indicator.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The loaded data elements and indicators, by code. Immutable; reloaded as a whole. */
public record Catalog(Map<String, DataElement> dataElements, Map<String, IndicatorDefinition> indicators) {

	public Optional<DataElement> dataElement(String code) {
		return Optional.ofNullable(dataElements.get(code));
	}

	public Optional<IndicatorDefinition> indicator(String code) {
		return Optional.ofNullable(indicators.get(code));
	}

	public Collection<IndicatorDefinition> allIndicators() {
		return indicators.values();
	}

	/** True when every data element of the indicator is computed from the registry. */
	public boolean fromRegistry(IndicatorDefinition indicator) {
		return indicator.dataElements().stream()
			.allMatch(code -> dataElement(code).map(e -> "registry".equals(e.source())).orElse(false))
				&& !indicator.dataElements().isEmpty();
	}

}
