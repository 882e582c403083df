package org.rhip.record.check;

import java.util.List;
import java.util.Set;

import org.rhip.record.RecordSystems;

/**
 * The code systems a projected coded element may use (docs/records.md §Code systems). A coding of
 * another system in {@code Observation.code}, {@code Condition.code}, {@code Immunization.vaccineCode}
 * and the other projected fields is refused: a typo in a system URI would otherwise silently drop the
 * record out of every indicator.
 */
public final class KnownCodeSystems {

	private KnownCodeSystems() {
	}

	static final Set<String> SYSTEMS = Set.of(
			// diagnoses: ICD-10 and its Chinese editions, SNOMED CT
			RecordSystems.ICD10, "http://hl7.org/fhir/sid/icd-10-cm", RecordSystems.GBT_14396, RecordSystems.ICD10_CN,
			RecordSystems.SNOMED,
			// procedures
			"http://hl7.org/fhir/sid/icd-9-cm", RecordSystems.ICD9CM3_CN, "http://www.ama-assn.org/go/cpt",
			// observations, units, reports
			RecordSystems.LOINC, RecordSystems.UCUM, "http://dicom.nema.org/resources/ontology/DCM",
			// vaccines and medicines
			RecordSystems.CVX, RecordSystems.NIP_VACCINE, "http://www.nlm.nih.gov/research/umls/rxnorm",
			"http://hl7.org/fhir/sid/ndc", RecordSystems.BASE + "/sid/nhsa-drug",
			// the same by OID
			"urn:oid:2.16.840.1.113883.6.1", "urn:oid:2.16.840.1.113883.6.96", "urn:oid:2.16.840.1.113883.6.3",
			"urn:oid:2.16.840.1.113883.6.90", "urn:oid:2.16.840.1.113883.12.292", "urn:oid:2.16.840.1.113883.6.8",
			"urn:oid:2.16.840.1.113883.6.88");

	/** Prefixes of whole families: HL7 terminology (v2, v3, FHIR) and RHIP's own code systems. */
	static final List<String> PREFIXES = List.of("http://terminology.hl7.org/CodeSystem/", "http://hl7.org/fhir/",
			RecordSystems.BASE + "/CodeSystem/");

	public static boolean known(String system) {
		if (system == null) {
			return false;
		}
		if (SYSTEMS.contains(system)) {
			return true;
		}
		for (String prefix : PREFIXES) {
			if (system.startsWith(prefix) && system.length() > prefix.length()) {
				return true;
			}
		}
		return false;
	}

}
