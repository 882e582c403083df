package org.rhip.interop.bulk;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.rhip.record.RecordSystems;

/**
 * The code systems, identifier systems and extensions CSV rows are written with: the record module's
 * ({@link RecordSystems}) and a few identifier systems of our own under its base.
 */
final class Fhir {

	/** The prefix of what RHIP defines. */
	static final String BASE = RecordSystems.BASE;

	/** 公民身份号码 (GB 11643), the OID of the national health data standards. */
	static final String RESIDENT_ID = RecordSystems.RESIDENT_ID;

	static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

	/** An institution's own patient numbers: this prefix and the institution code. */
	static final String PATIENT_NUMBER = BASE + "/sid/patient-number/";

	/** Institution codes of the registry, in {@code Reference.identifier}. */
	static final String INSTITUTION = RecordSystems.INSTITUTION;

	static final String BIRTH_CERTIFICATE = BASE + "/sid/birth-certificate";

	static final String DEATH_CERTIFICATE = BASE + "/sid/death-certificate";

	/** An institution's visit numbers: this prefix and the institution code. */
	static final String ENCOUNTER_NUMBER = BASE + "/sid/encounter-number/";

	/** The registry org unit (street, town, community, village) an address lies in (valueCode). */
	static final String ORG_UNIT = RecordSystems.ORG_UNIT;

	/** On a newborn's Patient: the mother's Patient (valueReference). */
	static final String MOTHER = RecordSystems.MOTHER;

	/** 户籍人口: the person's household is registered here (valueBoolean). */
	static final String HOUSEHOLD = BASE + "/StructureDefinition/household-registered";

	/** 常住人口: the person lives here six months or more (valueBoolean). */
	static final String RESIDENT = BASE + "/StructureDefinition/usual-resident";

	static final String BIRTH_TIME = "http://hl7.org/fhir/StructureDefinition/patient-birthTime";

	/** WHO ICD-10. */
	static final String ICD10 = RecordSystems.ICD10;

	/** ICD-10 国家临床版, the Chinese clinical extension (codes like {@code I10.x00x002}). */
	static final String ICD10_CN = RecordSystems.ICD10_CN;

	static final String LOINC = RecordSystems.LOINC;

	static final String UCUM = RecordSystems.UCUM;

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	/** 就诊类型 of the encounters template. */
	static final String ENCOUNTER_TYPE = RecordSystems.ENCOUNTER_TYPE;

	/** 国家免疫规划 and other vaccines. */
	static final String VACCINE = RecordSystems.NIP_VACCINE;

	/** 死亡地点 as on the Chinese medical certificate of death. */
	static final String DEATH_PLACE = RecordSystems.DEATH_PLACE;

	private Fhir() {
	}

	static CodeableConcept concept(String system, String code, String display) {
		return new CodeableConcept().addCoding(new Coding(system, code, display));
	}

	static Identifier identifier(String system, String value, String typeCode) {
		Identifier identifier = new Identifier().setSystem(system).setValue(value);
		if (typeCode != null) {
			identifier.getType().addCoding(new Coding(IDENTIFIER_TYPE, typeCode, null));
		}
		return identifier;
	}

	static Reference institution(String code) {
		return new Reference().setIdentifier(new Identifier().setSystem(INSTITUTION).setValue(code));
	}

	static Quantity quantity(java.math.BigDecimal value, String unit) {
		return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
	}

}
