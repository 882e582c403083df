package org.rhip.record.projection;

import java.util.List;

/** The projection tables, their COPY columns, and which resource types project into each. */
public enum Table {

	ENCOUNTER("record.encounter", "resource_id, person_id, patient_id, institution_code, class_code, kind, type_code, "
			+ "status, start_at, end_at, date, bed_days", "resource_id", List.of("Encounter")),
	DIAGNOSIS("record.diagnosis", "source_type, resource_id, seq, person_id, patient_id, institution_code, system, code, "
			+ "icd10, encounter_id, clinical_status, verification_status, date", "source_type || '/' || resource_id",
			List.of("Condition", "Encounter")),
	ENCOUNTER_DIAGNOSIS("record.encounter_diagnosis", "encounter_id, seq, person_id, patient_id, condition_ref, use_code, "
			+ "rank, date", "encounter_id", List.of("Encounter")),
	OBSERVATION("record.observation", "resource_id, seq, person_id, patient_id, institution_code, system, code, panel_code, "
			+ "value, unit, value_code, status, effective_at, date, encounter_id", "resource_id", List.of("Observation")),
	IMMUNIZATION("record.immunization", "resource_id, person_id, patient_id, institution_code, vaccine_system, vaccine_code, "
			+ "dose_number, status, date, performer_institution", "resource_id", List.of("Immunization")),
	MEDICATION("record.medication", "resource_type, resource_id, person_id, patient_id, institution_code, system, code, "
			+ "status, date, encounter_id", "resource_type || '/' || resource_id",
			List.of("MedicationRequest", "MedicationStatement", "MedicationAdministration")),
	PROCEDURE("record.procedure", "resource_id, person_id, patient_id, institution_code, system, code, status, date, "
			+ "encounter_id", "resource_id", List.of("Procedure")),
	REPORT("record.report", "resource_id, person_id, patient_id, institution_code, category, system, code, status, date, "
			+ "encounter_id", "resource_id", List.of("DiagnosticReport")),
	ALLERGY("record.allergy", "resource_id, person_id, patient_id, institution_code, system, code, category, criticality, "
			+ "clinical_status, date", "resource_id", List.of("AllergyIntolerance")),
	PATIENT_FACT("record.patient_fact", "resource_id, person_id, patient_id, institution_code, sex, birth_date, deceased_at, "
			+ "death_date, mother_patient_id, date", "resource_id", List.of("Patient"));

	private final String name;

	private final String columns;

	/** The key expression: a resource id, or 'Type/id' where a table holds several types. */
	private final String key;

	private final List<String> types;

	Table(String name, String columns, String key, List<String> types) {
		this.name = name;
		this.columns = columns;
		this.key = key;
		this.types = types;
	}

	public String tableName() {
		return name;
	}

	public String copySql() {
		return "copy " + name + " (" + columns + ") from stdin";
	}

	/** Deletes the rows of resources given as 'Type/id' (one array parameter). */
	public String deleteSql() {
		return "delete from " + name + " where " + key + " = any(?)";
	}

	/** Whether the key is the plain id (else 'Type/id'). */
	public boolean plainKey() {
		return key.equals("resource_id") || key.equals("encounter_id");
	}

	public List<String> types() {
		return types;
	}

	/** The resource types that have a projection. */
	public static boolean projected(String type) {
		for (Table t : values()) {
			if (t.types.contains(type)) {
				return true;
			}
		}
		return false;
	}

}
