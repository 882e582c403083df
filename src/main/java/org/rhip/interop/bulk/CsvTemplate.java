package org.rhip.interop.bulk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The CSV templates for institutions without FHIR (CHCs, village clinics); see docs/import.md. */
enum CsvTemplate {

	PATIENTS("patients", "居民", "Patient", PatientRows.COLUMNS, new PatientRows()),
	ENCOUNTERS("encounters", "就诊", "Encounter", EncounterRows.COLUMNS, new EncounterRows()),
	OBSERVATIONS("observations", "体检", "Observation", ObservationRows.COLUMNS, new ObservationRows()),
	IMMUNIZATIONS("immunizations", "接种", "Immunization", ImmunizationRows.COLUMNS, new ImmunizationRows()),
	DIAGNOSES("diagnoses", "诊断", "Condition", DiagnosisRows.COLUMNS, new DiagnosisRows()),
	BIRTHS("births", "出生", "Patient", BirthRows.COLUMNS, new BirthRows()),
	DEATHS("deaths", "死亡", "Observation", DeathRows.COLUMNS, new DeathRows()),
	FAMILY_DOCTOR_TEAMS("family-doctor-teams", "家庭医生团队", FamilyDoctorRows.TEAM, FamilyDoctorRows.TEAM_COLUMNS,
			FamilyDoctorRows.TEAMS),
	FAMILY_DOCTOR_CONTRACTS("family-doctor-contracts", "家庭医生签约", FamilyDoctorRows.CONTRACT,
			FamilyDoctorRows.CONTRACT_COLUMNS, FamilyDoctorRows.CONTRACTS);

	final String key;

	final String chinese;

	final List<Column> columns;

	final RowMapper mapper;

	/** For the templates whose rows are no FHIR resources (family doctors): the care module's input. */
	final FamilyDoctorRows.Mapper itemMapper;

	/** The resource a rejected row would have made first. */
	final String resourceType;

	CsvTemplate(String key, String chinese, String resourceType, List<Column> columns, RowMapper mapper) {
		this.key = key;
		this.chinese = chinese;
		this.resourceType = resourceType;
		this.columns = columns;
		this.mapper = mapper;
		this.itemMapper = null;
	}

	CsvTemplate(String key, String chinese, String kind, List<Column> columns, FamilyDoctorRows.Mapper itemMapper) {
		this.key = key;
		this.chinese = chinese;
		this.resourceType = kind;
		this.columns = columns;
		this.mapper = null;
		this.itemMapper = itemMapper;
	}

	/** Whether the rows need the institution they come from (--institution): the FHIR ones do. */
	boolean needsInstitution() {
		return itemMapper == null;
	}

	static Optional<CsvTemplate> of(String key) {
		String k = key.toLowerCase(Locale.ROOT).replaceFirst("^csv-", "");
		return Arrays.stream(values()).filter(t -> t.key.equals(k) || t.chinese.equals(key)).findFirst();
	}

	/** The template a file's name says: {@code patients.csv}, {@code 2024-接种.csv}, … */
	static Optional<CsvTemplate> ofFileName(String name) {
		String n = Inputs.baseName(name).toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter(t -> n.contains(t.key) || n.contains(t.chinese)).findFirst();
	}

}
