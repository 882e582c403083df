package org.rhip.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.record.RecordSystems;

/**
 * Hand-built FHIR records of a few residents, written the way docs/care.md says the programs read
 * them: public-health visits by service code, BP and glucose Observations in the visit, births with
 * the mother extension, deaths with their underlying cause.
 */
public final class CareRecords {

	private final String prefix;

	private final String areaCode;

	private final List<Resource> resources = new ArrayList<>();

	private int serial;

	public CareRecords(String prefix, String areaCode) {
		this.prefix = prefix;
		this.areaCode = areaCode;
	}

	public List<Resource> resources() {
		return resources;
	}

	private String id(String kind) {
		return prefix + "-" + kind + "-" + (++serial);
	}

	/** A resident with a valid ID number living in a street; female when {@code female}. */
	public String person(String birth, boolean female, String street) {
		LocalDate b = LocalDate.parse(birth);
		String body = areaCode + b.toString().replace("-", "") + String.format("%02d", serial % 100)
				+ (female ? "2" : "1");
		Patient p = new Patient();
		p.setId(id("p"));
		p.addIdentifier(new Identifier().setSystem(RecordSystems.RESIDENT_ID).setValue(body + ResidentIdNumber.checkCharacter(body)));
		p.addName().setFamily("测").addGiven("试" + serial);
		p.setGender(female ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
		p.setBirthDateElement(new DateType(birth));
		p.addAddress().setText("测试街道" + street).addExtension(RecordSystems.ORG_UNIT, new CodeType(street));
		resources.add(p);
		return p.getIdPart();
	}

	/** A newborn of a mother, with a birth weight and gestational age. */
	public String newborn(String mother, String birth, boolean female, String street) {
		String child = person(birth, female, street);
		Patient p = (Patient) resources.get(resources.size() - 1);
		p.addExtension(RecordSystems.MOTHER, new Reference("Patient/" + mother));
		observation(child, null, birth, "8339-4", 3200, "g");
		observation(child, null, birth, "11884-4", 39, "wk");
		return child;
	}

	public void died(String patient, String date, String cause) {
		for (Resource r : resources) {
			if (r instanceof Patient p && p.getIdPart().equals(patient)) {
				p.setDeceased(new DateTimeType(date + "T10:00:00+08:00"));
			}
		}
		Observation o = new Observation();
		o.setId(id("cause"));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "69453-9", "Cause of death")));
		o.setSubject(new Reference("Patient/" + patient));
		o.setEffective(new DateTimeType(date + "T10:00:00+08:00"));
		o.setValue(new CodeableConcept(new Coding(RecordSystems.ICD10, cause, null)));
		resources.add(o);
	}

	public void diagnosis(String patient, String icd10, String onset) {
		Condition c = new Condition();
		c.setId(id("dx"));
		c.setSubject(new Reference("Patient/" + patient));
		c.setCode(new CodeableConcept(new Coding(RecordSystems.ICD10, icd10, null)));
		c.setOnset(new DateTimeType(onset + "T09:00:00+08:00"));
		resources.add(c);
	}

	/** A public-health service visit; returns the encounter id. */
	public String service(String patient, String code, String date) {
		return encounter(patient, "AMB", code, date, null);
	}

	/** An ordinary outpatient visit at an institution. */
	public String visit(String patient, String date, String institution) {
		return encounter(patient, "AMB", null, date, institution);
	}

	private String encounter(String patient, String classCode, String service, String date, String institution) {
		Encounter e = new Encounter();
		e.setId(id("enc"));
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, null));
		if (service != null) {
			e.addType(new CodeableConcept(new Coding(RecordSystems.ENCOUNTER_TYPE, service, null)));
		}
		e.setSubject(new Reference("Patient/" + patient));
		e.setPeriod(new Period().setStartElement(new DateTimeType(date + "T09:00:00+08:00")));
		if (institution != null) {
			e.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION).setValue(institution)));
		}
		resources.add(e);
		return e.getIdPart();
	}

	/** A blood pressure panel in a visit. */
	public void bloodPressure(String patient, String encounter, String date, int systolic, int diastolic) {
		Observation o = new Observation();
		o.setId(id("bp"));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "85354-9", "Blood pressure panel")));
		o.setSubject(new Reference("Patient/" + patient));
		o.setEncounter(new Reference("Encounter/" + encounter));
		o.setEffective(new DateTimeType(date + "T09:10:00+08:00"));
		o.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8480-6", null)))
			.setValue(new Quantity().setValue(systolic).setSystem(RecordSystems.UCUM).setCode("mm[Hg]"));
		o.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8462-4", null)))
			.setValue(new Quantity().setValue(diastolic).setSystem(RecordSystems.UCUM).setCode("mm[Hg]"));
		resources.add(o);
	}

	public void observation(String patient, String encounter, String date, String loinc, double value, String unit) {
		Observation o = new Observation();
		o.setId(id("obs"));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, loinc, null)));
		o.setSubject(new Reference("Patient/" + patient));
		if (encounter != null) {
			o.setEncounter(new Reference("Encounter/" + encounter));
		}
		o.setEffective(new DateTimeType(date + "T09:20:00+08:00"));
		o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(RecordSystems.UCUM).setCode(unit));
		resources.add(o);
	}

	public void vaccine(String patient, String vaccine, int dose, String date) {
		Immunization i = new Immunization();
		i.setId(id("imm"));
		i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
		i.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.NIP_VACCINE, vaccine, null)));
		i.setPatient(new Reference("Patient/" + patient));
		i.setOccurrence(new DateTimeType(date + "T10:00:00+08:00"));
		i.addProtocolApplied().setDoseNumber(new PositiveIntType(dose));
		resources.add(i);
	}

}
