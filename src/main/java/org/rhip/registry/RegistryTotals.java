package org.rhip.registry;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Registry figures of an org unit's subtree for one year, keyed by the indicator engine's registry
 * data element codes (POP, BEDS, PHYSICIANS, …, GENERAL_HOSPITALS_L2, CHCS, …). A code is absent
 * when the registry holds nothing for it that year.
 */
public record RegistryTotals(String orgUnitCode, int year, Map<String, BigDecimal> values) {

	public Optional<BigDecimal> get(String dataElement) {
		return Optional.ofNullable(values.get(dataElement));
	}

}
