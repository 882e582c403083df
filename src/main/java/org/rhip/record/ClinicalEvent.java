package org.rhip.record;

import java.time.LocalDate;

/**
 * One entry of a person's record timeline, read from the projections: an encounter, a diagnosis, an
 * immunization, a diagnostic report or a medication. {@code kind} says which; {@code text} is the
 * resource's own wording of its code (CodeableConcept text, else the first coding's display), if any;
 * {@code detail} is what the projection keeps besides the code: the encounter kind
 * ({@code outpatient}, {@code inpatient}, …), the diagnosis' clinical status, the dose number, the
 * report category ({@code lab}, {@code imaging}, …), the medication resource type.
 */
public record ClinicalEvent(String kind, LocalDate date, String resourceType, String resourceId, String system,
		String code, String text, String detail, String institution, String status) {

	public static final String ENCOUNTER = "encounter";

	public static final String DIAGNOSIS = "diagnosis";

	public static final String IMMUNIZATION = "immunization";

	public static final String REPORT = "report";

	public static final String MEDICATION = "medication";

}
