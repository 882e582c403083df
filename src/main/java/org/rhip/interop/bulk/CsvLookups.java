package org.rhip.interop.bulk;

import java.util.Optional;

/** What mapping CSV rows needs to know from the database: earlier patients, org units, institutions. */
interface CsvLookups {

	/** The Patient an institution's earlier CSV imports keyed by this hash ({@code kind} {@code number} or {@code id}). */
	Optional<String> patientId(String institution, String kind, String keyHash);

	/**
	 * The org unit a cell names, by code or by name within the institution's district;
	 * {@link IllegalArgumentException} when the name is ambiguous, empty when unknown.
	 */
	Optional<String> orgUnit(String institution, String codeOrName);

	boolean institutionExists(String code);

	/** The stored Patient with this id, to change (a death): empty when there is none. */
	Optional<org.hl7.fhir.r4.model.Patient> storedPatient(String id);

}
