package org.rhip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rhip.platform.problem.Forbidden;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bulk write path ({@link RecordApi#storeAll}) against the real database, as bulk import calls
 * it: one outcome per resource in input order, bad resources (and what refers to them) refused by path
 * while the rest is stored, the same content again unchanged, Patients linked to persons, the
 * projections (vital events included) filled in and rebuilt identically by {@code reindex}.
 */
class RecordStoreTest extends IntegrationTest {

	private static final String HOSPITAL = "440311-H003";

	@Autowired
	RecordApi records;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void eachResourceGetsItsOutcomeInInputOrderAndTheGoodOnesAreStored() {
		List<Resource> batch = new SyntheticRecords(101, HOSPITAL).persons(2);
		Patient patient = (Patient) batch.get(0);
		Observation future = (Observation) batch.get(2).copy();
		future.setId("future-" + System.nanoTime());
		future.setEffective(new DateTimeType("2999-01-01T00:00:00+08:00"));
		Encounter badEncounter = new Encounter();
		badEncounter.setId("bad-enc-" + System.nanoTime());
		badEncounter.setSubject(new Reference("Patient/" + patient.getIdPart())); // no status, no class
		Observation dependent = (Observation) batch.get(2).copy();
		dependent.setId("dependent-" + System.nanoTime());
		dependent.setEncounter(new Reference("Encounter/" + badEncounter.getIdPart()));
		List<Resource> input = new ArrayList<>(batch);
		input.add(1, future);
		input.add(badEncounter);
		input.add(dependent);

		List<StoreOutcome> outcomes = records.storeAll(input, HOSPITAL);
		assertThat(outcomes).hasSize(input.size());
		for (int i = 0; i < outcomes.size(); i++) {
			assertThat(outcomes.get(i).index()).isEqualTo(i);
			assertThat(outcomes.get(i).resourceType()).isEqualTo(input.get(i).fhirType());
		}
		assertThat(outcomes.get(0).outcome()).isEqualTo(StoreOutcome.CREATED);
		assertThat(outcomes.get(1).outcome()).isEqualTo(StoreOutcome.REJECTED);
		assertThat(outcomes.get(1).errorPath()).isEqualTo("Observation.effectiveDateTime");
		StoreOutcome enc = outcomes.get(input.size() - 2);
		assertThat(enc.outcome()).isEqualTo(StoreOutcome.REJECTED);
		assertThat(enc.errorPath()).isIn("Encounter.status", "Encounter.class");
		StoreOutcome dep = outcomes.get(input.size() - 1);
		assertThat(dep.outcome()).isEqualTo(StoreOutcome.REJECTED);
		assertThat(dep.errorPath()).isEqualTo("Observation.encounter");
		assertThat(outcomes.stream().filter(o -> o.outcome().equals(StoreOutcome.CREATED))).hasSize(batch.size());

		long person = jdbc.sql("select person_id from record.resource where type = 'Patient' and id = ?")
			.param(patient.getIdPart()).query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from record.resource where patient_id = ? and person_id = ?")
			.params(patient.getIdPart(), person).query(Long.class).single()).isEqualTo(20);
		assertThat(jdbc.sql("select count(*) from record.resource where id = ?").param(future.getIdPart()).query(Long.class).single())
			.isZero();
		// the identifier index holds the ID number's keyed hash only
		String idNumber = patient.getIdentifierFirstRep().getValue();
		assertThat(jdbc.sql("select count(*) from record.resource_identifier where value = ?").param(idNumber).query(Long.class).single())
			.isZero();
	}

	@Test
	void theSameContentAgainIsUnchangedAndAChangeIsANewVersion() {
		List<Resource> batch = new SyntheticRecords(202, HOSPITAL).persons(3);
		assertThat(records.storeAll(copies(batch), HOSPITAL)).allMatch(o -> o.outcome().equals(StoreOutcome.CREATED));
		long versions = jdbc.sql("select count(*) from record.resource_history").query(Long.class).single();
		long persons = jdbc.sql("select count(*) from person.person").query(Long.class).single();
		assertThat(records.storeAll(copies(batch), HOSPITAL)).allMatch(o -> o.outcome().equals(StoreOutcome.UNCHANGED));
		assertThat(jdbc.sql("select count(*) from record.resource_history").query(Long.class).single()).isEqualTo(versions);
		assertThat(jdbc.sql("select count(*) from person.person").query(Long.class).single()).isEqualTo(persons);

		List<Resource> changed = copies(batch);
		Observation o = (Observation) changed.get(2);
		o.setStatus(Observation.ObservationStatus.AMENDED);
		List<StoreOutcome> outcomes = records.storeAll(changed, HOSPITAL);
		assertThat(outcomes.get(2).outcome()).isEqualTo(StoreOutcome.UPDATED);
		assertThat(outcomes.stream().filter(x -> x.outcome().equals(StoreOutcome.UNCHANGED))).hasSize(batch.size() - 1);
		Resource v1 = records.vread("Observation", o.getIdPart(), 1);
		Resource v2 = records.read("Observation", o.getIdPart());
		assertThat(((Observation) v1).getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
		assertThat(((Observation) v2).getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
		assertThat(v2.getMeta().getVersionId()).isEqualTo("2");
		assertThat(records.history("Observation", o.getIdPart())).extracting(StoredVersion::versionId).containsExactly(2, 1);
	}

	@Test
	void aClientOfOneInstitutionCannotBulkWriteForAnother() {
		signIn(new RhipPrincipal("his-h003", Role.CLERK, Optional.of("440311"), true, Optional.of(HOSPITAL)));
		assertThatThrownBy(() -> records.storeAll(new SyntheticRecords(303, HOSPITAL).persons(1), "440311-H004"))
			.isInstanceOf(Forbidden.class);
		signIn(new RhipPrincipal("analyst-1", Role.ANALYST, Optional.empty(), false, Optional.empty()));
		assertThatThrownBy(() -> records.storeAll(new SyntheticRecords(304, HOSPITAL).persons(1), HOSPITAL))
			.isInstanceOf(Forbidden.class);
	}

	@Test
	void encountersAreClassifiedAndInpatientStaysCountTheirBedDays() {
		List<Resource> batch = new SyntheticRecords(404, HOSPITAL).persons(1);
		String pid = batch.get(0).getIdPart();
		Encounter stay = encounter(pid, "IMP", "2024-05-01T10:00:00+08:00", "2024-05-08T09:00:00+08:00");
		Encounter visit = encounter(pid, "HH", "2024-05-10T10:00:00+08:00", null);
		visit.addType(new CodeableConcept(new Coding(RecordSystems.ENCOUNTER_TYPE, RecordSystems.PUBLIC_HEALTH_VISIT, "基本公共卫生服务")));
		batch.add(stay);
		batch.add(visit);
		assertThat(records.storeAll(batch, HOSPITAL)).noneMatch(StoreOutcome::rejected);
		assertThat(jdbc.sql("select kind || ' ' || bed_days from record.encounter where resource_id = ?").param(stay.getIdPart())
			.query(String.class).single()).isEqualTo("inpatient 7");
		assertThat(jdbc.sql("select kind from record.encounter where resource_id = ?").param(visit.getIdPart())
			.query(String.class).single()).isEqualTo("public_health");
	}

	@Test
	void birthsAndDeathsAppearAsVitalEvents() {
		List<Resource> mother = new SyntheticRecords(505, HOSPITAL).persons(1);
		String motherId = mother.get(0).getIdPart();
		Patient baby = new Patient();
		baby.setId("newborn-" + System.nanoTime());
		baby.setGender(Enumerations.AdministrativeGender.FEMALE);
		baby.setBirthDateElement(new DateType("2024-06-01"));
		baby.addExtension(RecordSystems.MOTHER, new Reference("Patient/" + motherId));
		Observation weight = measurement(baby.getIdPart(), "8339-4", "3250", "g", "2024-06-01T08:30:00+08:00");
		Observation weeks = measurement(baby.getIdPart(), "11884-4", "39", "wk", "2024-06-01T08:30:00+08:00");
		Patient dead = (Patient) new SyntheticRecords(506, HOSPITAL).persons(1).get(0);
		dead.setDeceased(new DateTimeType("2024-02-03T23:30:00+08:00"));
		Observation cause = new Observation();
		cause.setId("cause-" + System.nanoTime());
		cause.setStatus(Observation.ObservationStatus.FINAL);
		cause.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "69453-9", "Cause of death.underlying")));
		cause.setSubject(new Reference("Patient/" + dead.getIdPart()));
		cause.setValue(new CodeableConcept(new Coding(RecordSystems.ICD10, "I21.9", "急性心肌梗死")));
		Observation place = new Observation();
		place.setId("place-" + System.nanoTime());
		place.setStatus(Observation.ObservationStatus.FINAL);
		place.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "58332-8", "Location of death")));
		place.setSubject(new Reference("Patient/" + dead.getIdPart()));
		place.setValue(new CodeableConcept(new Coding(RecordSystems.DEATH_PLACE, "hospital", "医院")));
		List<Resource> all = new ArrayList<>(mother);
		all.addAll(List.of(baby, weight, weeks, dead, cause, place));
		assertThat(records.storeAll(all, HOSPITAL)).noneMatch(StoreOutcome::rejected);

		var birth = jdbc.sql("select mother_patient_id, birth_weight_g, gestational_weeks, date from record.birth where patient_id = ?")
			.param(baby.getIdPart()).query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)))
			.single();
		assertThat(birth.get(0)).isEqualTo(motherId);
		assertThat((BigDecimal) birth.get(1)).isEqualByComparingTo("3250");
		assertThat((BigDecimal) birth.get(2)).isEqualByComparingTo("39");
		assertThat(birth.get(3)).isEqualTo("2024-06-01");
		var death = jdbc.sql("select date, underlying_cause, place from record.death where patient_id = ?").param(dead.getIdPart())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single();
		assertThat(death).isEqualTo("2024-02-03 I21.9 hospital");
	}

	@Test
	void reindexRebuildsTheSameProjections() {
		List<Resource> batch = new SyntheticRecords(606, HOSPITAL).persons(5);
		records.storeAll(batch, HOSPITAL);
		List<String> patients = batch.stream().filter(r -> r instanceof Patient).map(Resource::getIdPart).toList();
		List<String> before = fingerprint(patients);
		var counts = records.reindex();
		assertThat(counts.get("resources")).isGreaterThanOrEqualTo(batch.size());
		assertThat(fingerprint(patients)).isEqualTo(before);
	}

	private List<String> fingerprint(List<String> patients) {
		List<String> out = new ArrayList<>();
		for (String table : List.of("encounter", "diagnosis", "observation", "immunization", "patient_fact")) {
			out.add(table + " " + jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from record." + table
					+ " t where patient_id = any(?)").param(patients.toArray(String[]::new)).query(String.class).single());
		}
		out.add("search " + jdbc.sql("select md5(string_agg(concat_ws(',', id, date_start, date_end, status, codes), '|' order by id))"
				+ " from record.resource where patient_id = any(?)").param(patients.toArray(String[]::new)).query(String.class).single());
		return out;
	}

	private static Encounter encounter(String patient, String classCode, String start, String end) {
		Encounter e = new Encounter();
		e.setId("enc-" + System.nanoTime());
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, null));
		e.setSubject(new Reference("Patient/" + patient));
		Period p = new Period().setStartElement(new DateTimeType(start));
		if (end != null) {
			p.setEndElement(new DateTimeType(end));
		}
		e.setPeriod(p);
		return e;
	}

	private static Observation measurement(String patient, String loinc, String value, String unit, String when) {
		Observation o = new Observation();
		o.setId("obs-" + loinc + "-" + System.nanoTime());
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, loinc, null)));
		o.setSubject(new Reference("Patient/" + patient));
		o.setEffective(new DateTimeType(when));
		o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit).setSystem(RecordSystems.UCUM).setCode(unit));
		return o;
	}

	private static List<Resource> copies(List<Resource> batch) {
		return batch.stream().map(Resource::copy).toList();
	}

	private static void signIn(RhipPrincipal principal) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of()));
	}

}
