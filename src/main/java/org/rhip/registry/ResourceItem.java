package org.rhip.registry;

import java.util.Arrays;
import java.util.Optional;

/** What the registry counts per institution and year: beds, staff by category, childcare places. */
public enum ResourceItem {

	BEDS("beds", "BEDS"), PHYSICIANS("physicians", "PHYSICIANS"), TCM_PHYSICIANS("tcm_physicians", "TCM_PHYSICIANS"),
	GPS("gps", "GPS"), NURSES("nurses", "NURSES"), PHARMACISTS("pharmacists", "PHARMACISTS"),
	PUBLIC_HEALTH_STAFF("public_health_staff", "PUBLIC_HEALTH_STAFF"),
	PUBLIC_HEALTH_PHYSICIANS("public_health_physicians", "PUBLIC_HEALTH_PHYSICIANS"),
	PSYCHIATRISTS("psychiatrists", "PSYCHIATRISTS"), CHILDCARE_PLACES("childcare_places", "CHILDCARE_PLACES");

	private final String key;

	private final String dataElement;

	ResourceItem(String key, String dataElement) {
		this.key = key;
		this.dataElement = dataElement;
	}

	/** The name used in files, the API and the database. */
	public String key() {
		return key;
	}

	/** The registry data element of the indicator engine that totals this item. */
	public String dataElement() {
		return dataElement;
	}

	public static Optional<ResourceItem> byKey(String key) {
		return Arrays.stream(values()).filter(item -> item.key.equals(key)).findFirst();
	}

}
