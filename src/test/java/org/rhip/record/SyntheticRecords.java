package org.rhip.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
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

/**
 * Synthea-like clinical records of residents of 光明区 for the bulk tests and the benchmark: per
 * person one Patient (valid ID number, name, phone, address) and 19 clinical resources — 4 encounters,
 * 10 observations (blood pressure panels, glucose, HbA1c, height, weight, BMI), 3 conditions (ICD-10),
 * 2 immunizations (CVX) — so Patients are 5 % of the resources, as in the benchmark.
 */
public final class SyntheticRecords {

	private static final String[] FAMILY = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平" };

	private static final String[][] ICD10 = { { "I10", "原发性高血压" }, { "E11.9", "2型糖尿病" }, { "J06.9", "急性上呼吸道感染" },
			{ "K29.7", "胃炎" }, { "M54.5", "下背痛" }, { "J45.9", "哮喘" } };

	private static final String[][] CVX = { { "140", "Influenza" }, { "08", "Hep B" }, { "115", "Tdap" }, { "133", "PCV13" } };

	private final SplittableRandom random;

	private final String institution;

	public SyntheticRecords(long seed, String institution) {
		this.random = new SplittableRandom(seed);
		this.institution = institution;
	}

	/** The resources of {@code persons} persons, each Patient before its records. */
	public List<Resource> persons(int persons) {
		List<Resource> out = new ArrayList<>(persons * 20);
		for (int i = 0; i < persons; i++) {
			person(out);
		}
		return out;
	}

	private void person(List<Resource> out) {
		String pid = UUID.randomUUID().toString();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 75));
		boolean male = random.nextBoolean();
		Patient p = new Patient();
		p.setId(pid);
		String body = "440311" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
		p.addIdentifier().setSystem(RecordSystems.RESIDENT_ID).setValue(body + ResidentIdNumber.checkCharacter(body));
		p.addIdentifier(new Identifier().setSystem("http://" + institution + ".example.cn/mrn").setValue(pid.substring(0, 13)));
		p.addName().setFamily(FAMILY[random.nextInt(FAMILY.length)]).addGiven(GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)]);
		p.setGender(male ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
		p.setBirthDateElement(new DateType(birth.toString()));
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
			.setValue("13" + String.format("%09d", random.nextInt(1_000_000_000)));
		p.addAddress().setUse(Address.AddressUse.HOME).setCity("深圳市").setDistrict("光明区").addLine("光明街道" + random.nextInt(1, 500) + "号");
		out.add(p);
		Reference subject = new Reference("Patient/" + pid);
		for (int e = 0; e < 4; e++) {
			OffsetDateTime start = OffsetDateTime.of(2016 + random.nextInt(9), 1 + random.nextInt(12), 1 + random.nextInt(28),
					8 + random.nextInt(9), random.nextInt(60), 0, 0, ZoneOffset.ofHours(8));
			Encounter enc = new Encounter();
			enc.setId(UUID.randomUUID().toString());
			boolean inpatient = random.nextInt(10) == 0;
			enc.setStatus(Encounter.EncounterStatus.FINISHED);
			enc.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", inpatient ? "IMP" : "AMB", null));
			enc.addType(new CodeableConcept(new Coding("http://snomed.info/sct", "185349003", "Encounter for check up")));
			enc.setSubject(subject);
			enc.setPeriod(new Period().setStartElement(new DateTimeType(iso(start)))
				.setEndElement(new DateTimeType(iso(inpatient ? start.plusDays(1 + random.nextInt(10)) : start.plusMinutes(20)))));
			out.add(enc);
			Reference encounter = new Reference("Encounter/" + enc.getIdPart());
			int observations = e < 2 ? 3 : 2;
			for (int o = 0; o < observations; o++) {
				out.add(observation(subject, encounter, start.plusMinutes(5 + o)));
			}
			if (e < 3) {
				String[] dx = ICD10[random.nextInt(ICD10.length)];
				Condition c = new Condition();
				c.setId(UUID.randomUUID().toString());
				c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
				c.setCode(new CodeableConcept(new Coding(RecordSystems.ICD10, dx[0], dx[1])));
				c.setSubject(subject);
				c.setEncounter(encounter);
				c.setOnset(new DateTimeType(iso(start)));
				out.add(c);
			}
			if (e < 2) {
				String[] vaccine = CVX[random.nextInt(CVX.length)];
				Immunization im = new Immunization();
				im.setId(UUID.randomUUID().toString());
				im.setStatus(Immunization.ImmunizationStatus.COMPLETED);
				im.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.CVX, vaccine[0], vaccine[1])));
				im.setPatient(subject);
				im.setEncounter(encounter);
				im.setOccurrence(new DateTimeType(iso(start)));
				im.addProtocolApplied().setDoseNumber(new PositiveIntType(1 + random.nextInt(3)));
				out.add(im);
			}
		}
	}

	private Observation observation(Reference subject, Reference encounter, OffsetDateTime when) {
		Observation o = new Observation();
		o.setId(UUID.randomUUID().toString());
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", null)));
		o.setSubject(subject);
		o.setEncounter(encounter);
		o.setEffective(new DateTimeType(iso(when)));
		switch (random.nextInt(6)) {
			case 0 -> {
				o.setCode(loinc("85354-9", "Blood pressure panel"));
				o.addComponent().setCode(loinc("8480-6", "Systolic")).setValue(mmHg(100 + random.nextInt(80)));
				o.addComponent().setCode(loinc("8462-4", "Diastolic")).setValue(mmHg(60 + random.nextInt(40)));
			}
			case 1 -> {
				o.setCode(loinc("2345-7", "Glucose"));
				o.setValue(quantity(4 + random.nextDouble() * 8, "mmol/L"));
			}
			case 2 -> {
				o.setCode(loinc("4548-4", "Hemoglobin A1c"));
				o.setValue(quantity(4.5 + random.nextDouble() * 5, "%"));
			}
			case 3 -> {
				o.setCode(loinc("8302-2", "Body height"));
				o.setValue(quantity(150 + random.nextDouble() * 40, "cm"));
			}
			case 4 -> {
				o.setCode(loinc("29463-7", "Body weight"));
				o.setValue(quantity(45 + random.nextDouble() * 50, "kg"));
			}
			default -> {
				o.setCode(loinc("39156-5", "Body mass index"));
				o.setValue(quantity(17 + random.nextDouble() * 15, "kg/m2"));
			}
		}
		return o;
	}

	static String iso(OffsetDateTime t) {
		return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
	}

	private static CodeableConcept loinc(String code, String display) {
		return new CodeableConcept(new Coding(RecordSystems.LOINC, code, display)).setText(display);
	}

	private static Quantity mmHg(int value) {
		return new Quantity().setValue(value).setUnit("mmHg").setSystem(RecordSystems.UCUM).setCode("mm[Hg]");
	}

	private static Quantity quantity(double value, String unit) {
		return new Quantity().setValue(Math.round(value * 10) / 10.0).setUnit(unit).setSystem(RecordSystems.UCUM).setCode(unit);
	}

}
