package org.rhip.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordSystems;
import org.rhip.record.TransactionEntry;
import org.rhip.record.TransactionResult;
import org.rhip.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records a public-health service done (随访、体检、产检…) as FHIR resources in the record store — an
 * Encounter of the service and the Observations it measured — after the program's rules: a follow-up
 * needs the person enrolled (the diagnosis of the program), the values the service measures within
 * what is possible, a date neither in the future nor outside the person's life. A refusal names the
 * field.
 */
@Service
public class CareServices {

	/** RHIP's codes of the care observations (SMI risk level, visit classification). */
	public static final String CARE_OBSERVATION = RecordSystems.BASE + "/CodeSystem/care-observation";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The diagnosis a follow-up needs (ICD-10 pattern) and the program's name in a message. */
	private static final Map<String, String[]> ENROLMENT = Map.of("htn-followup",
			new String[] { "^I1[0-5]", "hypertension (I10–I15)" }, "dm-followup",
			new String[] { "^E11", "type 2 diabetes (E11)" }, "smd-followup",
			new String[] { "^(F20|F22|F25|F31|F06|F7[0-9])", "a severe mental disorder" }, "tb-visit",
			new String[] { "^A1[5-9]", "pulmonary tuberculosis (A15–A19)" });

	private final RecordApi records;

	private final PersonApi persons;

	private final JdbcClient jdbc;

	private final org.rhip.care.immunization.NipSchedule schedule = org.rhip.care.immunization.NipSchedule.bundled();

	CareServices(RecordApi records, PersonApi persons, JdbcClient jdbc) {
		this.records = records;
		this.persons = persons;
		this.jdbc = jdbc;
	}

	/** Checks and stores a service; returns the id of the Encounter created. */
	public String record(ServiceRecord s) {
		if (s.service() == null || !RecordSystems.PUBLIC_HEALTH_SERVICES.contains(s.service())) {
			throw new InvalidInput("care.service", "service", "service must be one of " + RecordSystems.PUBLIC_HEALTH_SERVICES);
		}
		Person person = persons.person(s.personId(), "care service " + s.service());
		LocalDate today = LocalDate.now(CHINA);
		if (s.date() == null || s.date().isAfter(today)) {
			throw new InvalidInput("care.date", "date", "date is required and cannot be in the future");
		}
		if (person.birthDate() != null && s.date().isBefore(person.birthDate())
				|| person.deathDate() != null && s.date().isAfter(person.deathDate())) {
			throw new InvalidInput("care.date", "date", "date lies outside the person's life");
		}
		checkEnrolment(s);
		checkProgramPeople(s, person);
		checkValues(s);
		List<String> patients = persons.patientIds(s.personId());
		if (patients.isEmpty()) {
			throw new InvalidInput("care.person", "personId", "this person has no health record (Patient) yet");
		}
		return store(s, patients.get(0));
	}

	/**
	 * Records a vaccination (接种) after the national schedule's rules for the child's doses so far: a
	 * dose out of order, too early (minimum age, minimum interval), before birth or in the future, or an
	 * unknown vaccine is refused naming the field ({@code vaccineCode}, {@code doseNumber}, {@code date}).
	 * Returns the id of the Immunization created.
	 */
	public String recordVaccination(long personId, String vaccineCode, int doseNumber, LocalDate date, String institution) {
		Person person = persons.person(personId, "care vaccination");
		if (person.birthDate() == null) {
			throw new InvalidInput("care.person", "personId", "the person's birth date is not known");
		}
		List<org.rhip.care.immunization.GivenDose> given = jdbc.sql("""
				select vaccine_code, dose_number, date from record.immunization
				where person_id = ? and dose_number is not null and coalesce(status, 'completed') = 'completed' order by date
				""").param(personId).query((rs, n) -> org.rhip.care.immunization.GivenDose.of(rs.getString(1), rs.getInt(2),
						rs.getDate(3).toLocalDate())).list();
		org.rhip.care.immunization.Child child = new org.rhip.care.immunization.Child(person.birthDate(), null, null, given);
		var problems = schedule.check(child, org.rhip.care.immunization.GivenDose.of(vaccineCode, doseNumber, date),
				LocalDate.now(CHINA));
		if (!problems.isEmpty()) {
			throw new InvalidInput("care.vaccination", problems.get(0).field(), problems.get(0).message());
		}
		List<String> patients = persons.patientIds(personId);
		if (patients.isEmpty()) {
			throw new InvalidInput("care.person", "personId", "this person has no health record (Patient) yet");
		}
		org.hl7.fhir.r4.model.Immunization i = new org.hl7.fhir.r4.model.Immunization();
		i.setStatus(org.hl7.fhir.r4.model.Immunization.ImmunizationStatus.COMPLETED);
		i.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.NIP_VACCINE, vaccineCode, schedule.vaccines().get(vaccineCode))));
		i.setPatient(new Reference("Patient/" + patients.get(0)));
		i.setOccurrence(new DateTimeType(date + "T09:00:00+08:00"));
		i.addProtocolApplied().setDoseNumber(new org.hl7.fhir.r4.model.PositiveIntType(doseNumber));
		String by = institution != null ? institution : CurrentUser.get().flatMap(u -> u.institution()).orElse(null);
		if (by != null) {
			i.addPerformer().setActor(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION).setValue(by)));
		}
		List<TransactionResult> results = records.transaction(List.of(new TransactionEntry(null, "POST", "Immunization", null, i)));
		String location = results.get(0).location();
		return location.substring(location.indexOf('/') + 1).replaceAll("/_history/.*", "");
	}

	private void checkEnrolment(ServiceRecord s) {
		String[] needs = ENROLMENT.get(s.service());
		if (needs == null) {
			return;
		}
		boolean enrolled = jdbc.sql("select exists (select 1 from record.diagnosis where person_id = ? and icd10 ~ ? and date <= ?)")
			.params(s.personId(), needs[0], java.sql.Date.valueOf(s.date()))
			.query(Boolean.class)
			.single();
		if (!enrolled) {
			throw new InvalidInput("care.not-enrolled", "personId",
					"the person is not enrolled in this program: no diagnosis of " + needs[1] + " on or before the date");
		}
	}

	private static void checkProgramPeople(ServiceRecord s, Person person) {
		boolean female = "2".equals(person.sex());
		int ageDays = person.birthDate() == null ? -1 : (int) java.time.temporal.ChronoUnit.DAYS.between(person.birthDate(), s.date());
		switch (s.service()) {
			case "prenatal", "postpartum-visit", "postpartum-42d" -> {
				if (!female) {
					throw new InvalidInput("care.program", "service", s.service() + " is a service for women");
				}
			}
			case "newborn-visit" -> {
				if (ageDays < 0 || ageDays > 28) {
					throw new InvalidInput("care.program", "date", "a newborn visit is within the first 28 days of life");
				}
			}
			case "child-check" -> {
				if (ageDays < 0 || ageDays >= 7 * 366) {
					throw new InvalidInput("care.program", "service", "child checks are for children under 7");
				}
			}
			default -> {
			}
		}
	}

	private static void checkValues(ServiceRecord s) {
		switch (s.service()) {
			case "htn-followup" -> {
				within("systolic", s.systolic(), 50, 300);
				within("diastolic", s.diastolic(), 30, 200);
				if (s.diastolic() >= s.systolic()) {
					throw new InvalidInput("care.value", "diastolic", "diastolic pressure must be below systolic");
				}
			}
			case "dm-followup" -> {
				if (s.glucose() == null || s.glucose().compareTo(BigDecimal.ONE) < 0 || s.glucose().compareTo(BigDecimal.valueOf(40)) > 0) {
					throw new InvalidInput("care.value", "glucose", "fasting glucose is required, 1 to 40 mmol/L");
				}
			}
			case "smd-followup" -> within("riskLevel", s.riskLevel(), 0, 5);
			case "prenatal" -> {
				if (s.gestationalWeeks() == null || s.gestationalWeeks().signum() <= 0
						|| s.gestationalWeeks().compareTo(BigDecimal.valueOf(45)) > 0) {
					throw new InvalidInput("care.value", "gestationalWeeks", "gestational age is required, above 0 and at most 45 weeks");
				}
			}
			default -> {
			}
		}
	}

	private static void within(String field, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			throw new InvalidInput("care.value", field, field + " is required, " + min + " to " + max);
		}
	}

	private String store(ServiceRecord s, String patient) {
		String encounterUrl = "urn:uuid:" + UUID.randomUUID();
		DateTimeType at = new DateTimeType(s.date() + "T09:00:00+08:00");
		Encounter e = new Encounter();
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
		e.addType(new CodeableConcept(new Coding(RecordSystems.ENCOUNTER_TYPE, s.service(), null)));
		e.setSubject(new Reference("Patient/" + patient));
		e.setPeriod(new Period().setStartElement(at));
		String institution = s.institution() != null ? s.institution()
				: CurrentUser.get().flatMap(u -> u.institution()).orElse(null);
		if (institution != null) {
			e.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION).setValue(institution)));
		}
		List<TransactionEntry> entries = new ArrayList<>();
		entries.add(new TransactionEntry(encounterUrl, "POST", "Encounter", null, e));
		switch (s.service()) {
			case "htn-followup" -> {
				Observation bp = observation(patient, encounterUrl, at, new Coding(RecordSystems.LOINC, "85354-9", "Blood pressure panel"));
				bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8480-6", "Systolic blood pressure")))
					.setValue(new Quantity().setValue(s.systolic()).setSystem(RecordSystems.UCUM).setCode("mm[Hg]").setUnit("mmHg"));
				bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8462-4", "Diastolic blood pressure")))
					.setValue(new Quantity().setValue(s.diastolic()).setSystem(RecordSystems.UCUM).setCode("mm[Hg]").setUnit("mmHg"));
				entries.add(new TransactionEntry(null, "POST", "Observation", null, bp));
			}
			case "dm-followup" -> entries.add(new TransactionEntry(null, "POST", "Observation", null,
					observation(patient, encounterUrl, at, new Coding(RecordSystems.LOINC, "1558-6", "Fasting glucose"))
						.setValue(new Quantity().setValue(s.glucose()).setSystem(RecordSystems.UCUM).setCode("mmol/L"))));
			case "smd-followup" -> entries.add(new TransactionEntry(null, "POST", "Observation", null,
					observation(patient, encounterUrl, at, new Coding(CARE_OBSERVATION, "smd-risk", "危险性评估"))
						.setValue(new IntegerType(s.riskLevel()))));
			case "prenatal" -> entries.add(new TransactionEntry(null, "POST", "Observation", null,
					observation(patient, encounterUrl, at, new Coding(RecordSystems.LOINC, "11884-4", "Gestational age"))
						.setValue(new Quantity().setValue(s.gestationalWeeks()).setSystem(RecordSystems.UCUM).setCode("wk"))));
			default -> {
			}
		}
		List<TransactionResult> results = records.transaction(entries);
		String location = results.get(0).location();
		return location.substring(location.indexOf('/') + 1).replaceAll("/_history/.*", "");
	}

	private static Observation observation(String patient, String encounterUrl, DateTimeType at, Coding code) {
		Observation o = new Observation();
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(code));
		o.setSubject(new Reference("Patient/" + patient));
		o.setEncounter(new Reference(encounterUrl));
		o.setEffective(at);
		return o;
	}

}
