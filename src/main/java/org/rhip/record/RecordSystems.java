package org.rhip.record;

/**
 * The identifier and code systems RHIP defines or recognises by name (docs/records.md lists them
 * with the whole allow-list of code systems).
 */
public final class RecordSystems {

	private RecordSystems() {
	}

	/** The prefix of everything RHIP defines. */
	public static final String BASE = "http://rhip.org.cn/fhir";

	/** Institution codes of the registry (e.g. {@code 440311-H001}), in {@code Reference.identifier}. */
	public static final String INSTITUTION = BASE + "/sid/institution";

	/** 公民身份号码 (GB 11643), the national OID. */
	public static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.1";

	/** 公民身份号码, the NHC URI some systems send instead. */
	public static final String RESIDENT_ID_NHC = "http://www.nhc.gov.cn/identifier/resident-id";

	/** GB/T 14396-2016 疾病分类与代码. */
	public static final String GBT_14396 = BASE + "/sid/gbt-14396";

	/** ICD-10 国家临床版 (national clinical version, e.g. {@code E11.900x001}). */
	public static final String ICD10_CN = BASE + "/sid/icd-10-cn";

	/** ICD-9-CM-3 国家临床版 (procedures). */
	public static final String ICD9CM3_CN = BASE + "/sid/icd-9-cm-3-cn";

	/** 国家免疫规划疫苗 codes (e.g. {@code 0101} 乙肝疫苗), see docs/records.md. */
	public static final String NIP_VACCINE = BASE + "/CodeSystem/nip-vaccine";

	/** Encounter types; {@code phs} = 基本公共卫生服务 visit. */
	public static final String ENCOUNTER_TYPE = BASE + "/CodeSystem/encounter-type";

	/** The public-health service visit code of {@link #ENCOUNTER_TYPE}. */
	public static final String PUBLIC_HEALTH_VISIT = "phs";

	/**
	 * The services of the basic public-health programs (基本公共卫生服务), codes of
	 * {@link #ENCOUNTER_TYPE}: an encounter with one of them is a public-health visit of that service.
	 */
	public static final java.util.Set<String> PUBLIC_HEALTH_SERVICES = java.util.Set.of(PUBLIC_HEALTH_VISIT, "htn-followup",
			"dm-followup", "health-check", "newborn-visit", "child-check", "prenatal", "postpartum-visit", "postpartum-42d",
			"smd-followup", "tb-visit");

	/** Place of death (value of an Observation LOINC 58332-8). */
	public static final String DEATH_PLACE = BASE + "/CodeSystem/death-place";

	/** Extension on a newborn Patient: valueReference to the mother's Patient. */
	public static final String MOTHER = BASE + "/StructureDefinition/mother";

	/** Extension on an Address: valueCode = the registry org unit (street, community, village). */
	public static final String ORG_UNIT = BASE + "/StructureDefinition/org-unit";

	/** The identifier-index system of a Patient's hashed name parts. */
	public static final String NAME_INDEX = "urn:rhip:name";

	public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

	public static final String LOINC = "http://loinc.org";

	public static final String SNOMED = "http://snomed.info/sct";

	public static final String CVX = "http://hl7.org/fhir/sid/cvx";

	public static final String UCUM = "http://unitsofmeasure.org";

	public static boolean isResidentId(String system) {
		return RESIDENT_ID.equals(system) || RESIDENT_ID_NHC.equals(system);
	}

	/** An ICD-10 variant: WHO, -CM, GB/T 14396, the national clinical version. */
	public static boolean isIcd10(String system) {
		return system != null && (system.equals(ICD10) || system.equals("http://hl7.org/fhir/sid/icd-10-cm")
				|| system.equals(GBT_14396) || system.equals(ICD10_CN) || system.equals("urn:oid:2.16.840.1.113883.6.3")
				|| system.equals("urn:oid:2.16.840.1.113883.6.90"));
	}

}
