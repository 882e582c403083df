package org.rhip.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.person.PersonApi;
import org.rhip.person.SourcePatient;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordSystems;
import org.rhip.record.StoreOutcome;

/**
 * Hand-built residents for the family-doctor tests: a person of the index (through {@link PersonApi}),
 * and their diagnoses and visits as FHIR resources stored through {@link RecordApi} by an institution.
 */
final class Residents {

	private final PersonApi persons;

	private final RecordApi records;

	Residents(PersonApi persons, RecordApi records) {
		this.persons = persons;
		this.records = records;
	}

	static String idNumber(String region, LocalDate birth, String sequence) {
		String body = region + birth.toString().replace("-", "") + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

	/** A resident of the index; sex from the ID number's sequence (odd: male). */
	final class Resident {

		final String idNumber;

		final long personId;

		private final LocalDate birth;

		private final String street;

		private final boolean male;

		Resident(String idNumber, long personId, LocalDate birth, String street, boolean male) {
			this.idNumber = idNumber;
			this.personId = personId;
			this.birth = birth;
			this.street = street;
			this.male = male;
		}

		/** A diagnosis (Condition) with onset on the day, stored by the institution. */
		Resident diagnosis(String institution, String icd10, LocalDate onset, String clinicalStatus, String verification) {
			Patient patient = patient();
			Condition c = new Condition();
			c.setId(UUID.randomUUID().toString());
			c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
					clinicalStatus, null)));
			if (verification != null) {
				c.setVerificationStatus(new CodeableConcept(
						new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
			}
			c.setCode(new CodeableConcept(new Coding(RecordSystems.ICD10, icd10, null)));
			c.setSubject(new Reference("Patient/" + patient.getIdPart()));
			c.setOnset(new DateTimeType(onset.toString()));
			store(institution, patient, c);
			return this;
		}

		Resident diagnosis(String institution, String icd10, LocalDate onset) {
			return diagnosis(institution, icd10, onset, "active", null);
		}

		/** A finished visit at the institution: outpatient (AMB), or a public-health service visit (type phs). */
		Resident visit(String institution, LocalDate day, boolean publicHealth) {
			Patient patient = patient();
			Encounter e = new Encounter();
			e.setId(UUID.randomUUID().toString());
			e.setStatus(Encounter.EncounterStatus.FINISHED);
			e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
			if (publicHealth) {
				e.addType(new CodeableConcept(new Coding(RecordSystems.ENCOUNTER_TYPE, RecordSystems.PUBLIC_HEALTH_VISIT, null)));
			}
			else {
				e.addType(new CodeableConcept().setText("门诊"));
			}
			e.setSubject(new Reference("Patient/" + patient.getIdPart()));
			e.setPeriod(new Period().setStartElement(new DateTimeType(day + "T09:00:00+08:00")));
			e.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION)
				.setValue(institution)));
			store(institution, patient, e);
			return this;
		}

		private Patient patient() {
			Patient p = new Patient();
			p.setId(UUID.randomUUID().toString());
			p.addIdentifier().setSystem(RecordSystems.RESIDENT_ID).setValue(idNumber);
			p.setGender(male ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
			p.setBirthDateElement(new DateType(birth.toString()));
			Address home = p.addAddress().setUse(Address.AddressUse.HOME);
			home.addExtension(RecordSystems.ORG_UNIT, new CodeType(street));
			return p;
		}

		private void store(String institution, Resource... resources) {
			List<StoreOutcome> outcomes = records.storeAll(new ArrayList<>(List.of(resources)), institution);
			assertThat(outcomes).as(outcomes.toString()).noneMatch(StoreOutcome::rejected);
			assertThat(records.personOfPatient(resources[0].getIdPart())).contains(personId);
		}

	}

	/**
	 * Registers a resident living in {@code street} ({@code death}, {@code usualResident} may be null).
	 * {@code sequence}: the three digits after the birth date in the ID number (odd last digit: male).
	 */
	Resident register(String street, LocalDate birth, String sequence, String name, LocalDate death, Boolean usualResident) {
		String region = street.substring(0, 6);
		String id = idNumber(region, birth, sequence);
		boolean male = (sequence.charAt(2) - '0') % 2 == 1;
		long person = persons.register(new SourcePatient("urn:test:family-doctor", UUID.randomUUID().toString(), null, null,
				id, null, name, male ? "1" : "2", birth, null, street, null, null, usualResident, death)).personId();
		return new Resident(id, person, birth, street, male);
	}

	/** A resident known by name and phone only (no ID number): the person id of the index. */
	long registerWithoutIdNumber(String street, LocalDate birth, String name, String phone, String sex) {
		return persons.register(new SourcePatient("urn:test:family-doctor", UUID.randomUUID().toString(), null, null, null,
				null, name, sex, birth, phone, street, null, null, null, null)).personId();
	}

	Resident register(String street, LocalDate birth, String sequence, String name) {
		return register(street, birth, sequence, name, null, null);
	}

}
