package org.rhip.person;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as one source describes them: a FHIR Patient, a CSV row, a registration. {@code system}
 * and {@code value} identify the record at its source (e.g. {@code Patient} and the resource id, or
 * an institution's patient-number system and the number); {@code otherIdentifiers} are further
 * source identifiers of the same record (system and value each). Sex is GB/T 2261.1: {@code 1} male,
 * {@code 2} female, {@code 0} unknown, {@code 9} not stated. Address is the community, village or
 * street org unit; {@code address} the free text. Any field but system and value may be null.
 */
public record SourcePatient(String system, String value, String institution, List<String[]> otherIdentifiers,
		String idNumber, List<PersonDocument> documents, String name, String sex, LocalDate birthDate, String phone,
		String orgUnitCode, String address, Boolean household, Boolean resident, LocalDate deathDate) {

	public SourcePatient {
		otherIdentifiers = otherIdentifiers == null ? List.of() : List.copyOf(otherIdentifiers);
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

}
