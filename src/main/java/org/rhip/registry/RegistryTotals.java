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

	/** The data element codes the registry computes. */
	public static final java.util.Set<String> CODES = java.util.Set.of("POP", "BEDS", "PHYSICIANS", "TCM_PHYSICIANS",
			"GPS", "NURSES", "PHARMACISTS", "PUBLIC_HEALTH_STAFF", "PUBLIC_HEALTH_PHYSICIANS", "PSYCHIATRISTS",
			"CHILDCARE_PLACES", "GENERAL_HOSPITALS_L2", "GENERAL_HOSPITALS_L2_GERIATRICS", "CHCS", "CHCS_TCM_NON_DRUG");

}
