package org.rhip.interop.bulk;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** The code systems, identifier systems and extensions CSV rows are written with. */
final class Fhir {

	/** 公民身份号码 (GB 11643), the OID of the national health data standards. */
	static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.1";

	static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

	/** An institution's own patient numbers: this prefix and the institution code. */
	static final String PATIENT_NUMBER = "urn:rhip:patient-number:";

	/** Institution codes of the registry. */
	static final String INSTITUTION = "urn:rhip:institution";

	static final String BIRTH_CERTIFICATE = "urn:rhip:birth-certificate";

	static final String DEATH_CERTIFICATE = "urn:rhip:death-certificate";

	static final String ENCOUNTER_NUMBER = "urn:rhip:encounter-number:";

	/** The registry org unit (street, town, community, village) an address lies in. */
	static final String ORG_UNIT = "https://rhip.org/fhir/StructureDefinition/org-unit";

	/** 户籍人口: the person's household is registered here. */
	static final String HOUSEHOLD = "https://rhip.org/fhir/StructureDefinition/household-registered";

	/** 常住人口: the person lives here six months or more. */
	static final String RESIDENT = "https://rhip.org/fhir/StructureDefinition/usual-resident";

	static final String BIRTH_TIME = "http://hl7.org/fhir/StructureDefinition/patient-birthTime";

	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

	static final String LOINC = "http://loinc.org";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

	static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	/** 就诊类型 of the encounters template. */
	static final String ENCOUNTER_TYPE = "https://rhip.org/fhir/CodeSystem/encounter-type";

	/** 国家免疫规划 vaccines by their abbreviations in the 2021 schedule (REFERENCE.md §2), and a few others. */
	static final String VACCINE = "https://rhip.org/fhir/CodeSystem/vaccine";

	/** 死亡地点 as on the Chinese medical certificate of death. */
	static final String DEATH_PLACE = "https://rhip.org/fhir/CodeSystem/death-place";

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
