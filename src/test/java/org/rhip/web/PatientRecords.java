package org.rhip.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
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
 * A patient of a Xinyi hospital with a hypertension and diabetes follow-up history, as FHIR resources
 * for {@code RecordApi.storeAll}: the Patient (living in a street of 信宜市), outpatient encounters,
 * blood-pressure panels, fasting glucose (one in mg/dL) and HbA1c, a diagnosis, a lab report, a
 * prescription and an influenza vaccination.
 */
final class PatientRecords {

	final String patientId = UUID.randomUUID().toString();

	final String idNumber;

	private final List<Resource> resources = new ArrayList<>();

	private final Reference subject;

	PatientRecords(String birth, String sequence, String family, String given, boolean male, String phone, String street) {
		String body = "440983" + birth + sequence;
		idNumber = body + ResidentIdNumber.checkCharacter(body);
		Patient p = new Patient();
		p.setId(patientId);
		p.addIdentifier().setSystem(RecordSystems.RESIDENT_ID).setValue(idNumber);
		p.addName().setFamily(family).addGiven(given);
		p.setGender(male ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
		p.setBirthDateElement(new DateType(birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6)));
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
		Address home = p.addAddress().setUse(Address.AddressUse.HOME).setCity("信宜市").addLine("东门路 12 号");
		home.addExtension(RecordSystems.ORG_UNIT, new CodeType(street));
		resources.add(p);
		subject = new Reference("Patient/" + patientId);
	}

	/** An outpatient visit with its blood pressure; returns the encounter's reference. */
	Reference visit(String at, String reason, int systolic, int diastolic) {
		Encounter e = new Encounter();
		e.setId(UUID.randomUUID().toString());
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
		e.addType(new CodeableConcept().setText(reason));
		e.setSubject(subject);
		e.setPeriod(new Period().setStartElement(new DateTimeType(at)));
		resources.add(e);
		Reference encounter = new Reference("Encounter/" + e.getIdPart());
		Observation bp = observation(encounter, at, "85354-9", "血压");
		bp.addComponent().setCode(loinc("8480-6", "收缩压")).setValue(quantity(systolic, "mmHg", "mm[Hg]"));
		bp.addComponent().setCode(loinc("8462-4", "舒张压")).setValue(quantity(diastolic, "mmHg", "mm[Hg]"));
		return encounter;
	}

	void fastingGlucose(Reference encounter, String at, double value, String unit) {
		observation(encounter, at, "1558-6", "空腹血糖").setValue(quantity(value, unit, unit));
	}

	void hba1c(Reference encounter, String at, double percent) {
		observation(encounter, at, "4548-4", "糖化血红蛋白").setValue(quantity(percent, "%", "%"));
	}

	void diagnosis(Reference encounter, String onset, String icd10, String text) {
		Condition c = new Condition();
		c.setId(UUID.randomUUID().toString());
		c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
		c.setCode(new CodeableConcept(new Coding(RecordSystems.ICD10, icd10, text)));
		c.setSubject(subject);
		c.setEncounter(encounter);
		c.setOnset(new DateTimeType(onset));
		resources.add(c);
	}

	void labReport(Reference encounter, String at, String loinc, String text) {
		DiagnosticReport r = new DiagnosticReport();
		r.setId(UUID.randomUUID().toString());
		r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
		r.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", null)));
		r.setCode(loinc(loinc, text));
		r.setSubject(subject);
		r.setEncounter(encounter);
		r.setEffective(new DateTimeType(at));
		resources.add(r);
	}

	void prescription(Reference encounter, String at, String rxnorm, String text) {
		MedicationRequest m = new MedicationRequest();
		m.setId(UUID.randomUUID().toString());
		m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		m.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, null)).setText(text));
		m.setSubject(subject);
		m.setEncounter(encounter);
		m.setAuthoredOnElement(new DateTimeType(at));
		resources.add(m);
	}

	void immunization(String at, String cvx, String text, int dose) {
		Immunization im = new Immunization();
		im.setId(UUID.randomUUID().toString());
		im.setStatus(Immunization.ImmunizationStatus.COMPLETED);
		im.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.CVX, cvx, null)).setText(text));
		im.setPatient(subject);
		im.setOccurrence(new DateTimeType(at));
		im.addProtocolApplied().setDoseNumber(new PositiveIntType(dose));
		resources.add(im);
	}

	List<Resource> resources() {
		return List.copyOf(resources);
	}

	private Observation observation(Reference encounter, String at, String code, String text) {
		Observation o = new Observation();
		o.setId(UUID.randomUUID().toString());
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(loinc(code, text));
		o.setSubject(subject);
		o.setEncounter(encounter);
		o.setEffective(new DateTimeType(at));
		resources.add(o);
		return o;
	}

	private static CodeableConcept loinc(String code, String text) {
		return new CodeableConcept(new Coding(RecordSystems.LOINC, code, null)).setText(text);
	}

	private static Quantity quantity(double value, String unit, String ucum) {
		return new Quantity().setValueElement(new org.hl7.fhir.r4.model.DecimalType(BigDecimal.valueOf(value)))
			.setUnit(unit).setSystem(RecordSystems.UCUM).setCode(ucum);
	}

}
