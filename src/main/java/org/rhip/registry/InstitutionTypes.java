package org.rhip.registry;

import java.util.List;

/** The kinds of institution and the levels the registry knows, in display order. */
public final class InstitutionTypes {

	public static final List<String> TYPES = List.of("general_hospital", "tcm_hospital", "specialist_hospital",
			"mch_hospital", "chc", "chs_station", "township_health_centre", "village_clinic", "clinic",
			"outpatient_department", "cdc", "specialist_disease_prevention", "health_supervision", "emergency_centre",
			"blood_station", "health_education", "nursing_home", "childcare", "other");

	public static final List<String> LEVELS = List.of("tertiary", "secondary", "primary", "unrated");

	private InstitutionTypes() {
	}

}
