package org.rhip.synthetic.fhir;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rhip.synthetic.model.DistrictSink;
import org.rhip.synthetic.model.LifeEvent;
import org.rhip.synthetic.model.LifeEvent.BloodPressure;
import org.rhip.synthetic.model.LifeEvent.Born;
import org.rhip.synthetic.model.LifeEvent.Diagnosed;
import org.rhip.synthetic.model.LifeEvent.Died;
import org.rhip.synthetic.model.LifeEvent.FastingGlucose;
import org.rhip.synthetic.model.LifeEvent.GestationalAge;
import org.rhip.synthetic.model.LifeEvent.Measurement;
import org.rhip.synthetic.model.LifeEvent.RiskLevel;
import org.rhip.synthetic.model.LifeEvent.Served;
import org.rhip.synthetic.model.LifeEvent.Vaccinated;
import org.rhip.synthetic.model.LifeEvent.Visited;
import org.rhip.synthetic.model.Person;
import org.rhip.synthetic.model.PersonHistory;
import org.rhip.synthetic.model.Region;
import org.rhip.synthetic.model.ServiceType;
import org.rhip.synthetic.model.Team;

/**
 * Writes the district's events as FHIR R4 NDJSON the way the shared contract of issue 4 describes the
 * records (one compact resource a line, deterministic ids), into files whose name order is an import
 * order that resolves every reference: institutions, residents, newborns (who refer to their mothers),
 * birth facts, conditions, encounters by year, observations by year (which refer to encounters),
 * immunizations, deaths.
 */
public final class FhirNdjsonWriter implements DistrictSink {

	static final String INSTITUTIONS = "01-institutions.ndjson";

	static final String PATIENTS = "10-patients.ndjson";

	static final String NEWBORNS = "11-newborns.ndjson";

	static final String BIRTHS = "12-births.ndjson";

	static final String CONDITIONS = "15-conditions.ndjson";

	static final String IMMUNIZATIONS = "40-immunizations.ndjson";

	static final String DEATHS = "50-deaths.ndjson";

	static String encounters(int year) {
		return "20-encounters-" + year + ".ndjson";
	}

	static String observations(int year) {
		return "30-observations-" + year + ".ndjson";
	}

	// systems of the record module (docs/records.md) and of HL7
	static final String BASE = "http://rhip.org.cn/fhir";

	static final String INSTITUTION = BASE + "/sid/institution";

	static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.1";

	static final String ORG_UNIT = BASE + "/StructureDefinition/org-unit";

	static final String MOTHER = BASE + "/StructureDefinition/mother";

	static final String ENCOUNTER_TYPE = BASE + "/CodeSystem/encounter-type";

	static final String VACCINE = BASE + "/CodeSystem/nip-vaccine";

	static final String DEATH_PLACE = BASE + "/CodeSystem/death-place";

	static final String CARE_OBSERVATION = BASE + "/CodeSystem/care-observation";

	static final String INSTITUTION_TYPE = BASE + "/CodeSystem/institution-type";

	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

	static final String LOINC = "http://loinc.org";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

	static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

	static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);

	private final OutputFiles files;

	private final Region region;

	public FhirNdjsonWriter(OutputFiles files, Region region) {
		this.files = files;
		this.region = region;
	}

	@Override
	public void teams(List<Team> teams) throws IOException {
		for (Region.Place place : region.institutions()) {
			Json json = new Json().field("resourceType", "Organization").field("id", place.code());
			json.array("identifier").object().field("system", INSTITUTION).field("value", place.code()).end().end();
			json.field("active", true);
			json.array("type").object().array("coding").object().field("system", INSTITUTION_TYPE).field("code", place.type())
				.end().end().end().end();
			json.field("name", place.name());
			files.line(INSTITUTIONS, json.text());
		}
	}

	@Override
	public void person(PersonHistory history) throws IOException {
		write(history, PATIENTS);
		for (PersonHistory child : history.children()) {
			write(child, NEWBORNS);
		}
	}

	private void write(PersonHistory history, String patientFile) throws IOException {
		Person person = history.person();
		Optional<Died> death = history.events().stream().filter(Died.class::isInstance).map(Died.class::cast).findFirst();
		files.line(patientFile, patient(person, death));
		Ids ids = new Ids(person.id());
		for (LifeEvent event : history.events()) {
			if (event instanceof Born born) {
				born(person, born, ids);
			}
			else if (event instanceof Died died) {
				died(person, died, ids);
			}
			else if (event instanceof Diagnosed diagnosed) {
				files.line(CONDITIONS, condition(person, diagnosed, ids.next("c")));
			}
			else if (event instanceof Served served) {
				served(person, served, ids);
			}
			else if (event instanceof Visited visited) {
				files.line(encounters(visited.time().getYear()), encounter(person, ids.next("e"), visited.visitClass().code(),
						null, visited.time(), visited.end(), visited.institution()));
			}
			else if (event instanceof Vaccinated vaccinated) {
				files.line(IMMUNIZATIONS, immunization(person, vaccinated, ids.next("i")));
			}
			// family-doctor contracts are CSV (FamilyDoctorCsvWriter)
		}
	}

	/** Resource ids of a person's records: the person's id, a letter for the type, a counter. */
	private static final class Ids {

		private final String person;

		private int count;

		Ids(String person) {
			this.person = person;
		}

		String next(String type) {
			return person + "-" + type + (++count);
		}

	}

	private String patient(Person person, Optional<Died> death) {
		Json json = new Json().field("resourceType", "Patient").field("id", person.id());
		if (person.motherId().isPresent()) {
			json.array("extension").object().field("url", MOTHER).object("valueReference")
				.field("reference", "Patient/" + person.motherId().get()).end().end().end();
		}
		json.array("identifier").object().object("type").array("coding").object().field("system", IDENTIFIER_TYPE)
			.field("code", "NNCHN").end().end().end().field("system", RESIDENT_ID).field("value", person.idNumber()).end().end();
		json.array("name").object().field("use", "official").field("text", person.family() + person.given())
			.field("family", person.family()).array("given").item(person.given()).end().end().end();
		json.array("telecom").object().field("system", "phone").field("value", person.phone()).field("use", "mobile").end().end();
		json.field("gender", person.sex().code()).field("birthDate", person.birthDate().toString());
		death.ifPresent(d -> json.field("deceasedDateTime", time(d.time())));
		json.array("address").object().array("extension").object().field("url", ORG_UNIT).field("valueCode", person.orgUnit())
			.end().end().field("use", "home").field("type", "physical").field("text", person.address());
		if (!region.province().isEmpty()) {
			json.field("state", region.province());
		}
		json.field("city", region.city()).field("district", region.name()).field("country", "CN").end().end();
		if (person.recordInstitution() != null) {
			institutionReference(json.object("managingOrganization"), person.recordInstitution()).end();
		}
		return json.text();
	}

	private void born(Person person, Born born, Ids ids) throws IOException {
		files.line(BIRTHS, quantityObservation(person, ids.next("o"), null, "vital-signs", "8339-4", "Birth weight Measured",
				born.time(), String.valueOf(born.weightGrams()), "g"));
		files.line(BIRTHS, quantityObservation(person, ids.next("o"), null, "exam", "11884-4", "Gestational age Estimated",
				born.time(), String.valueOf(born.gestationalWeeks()), "wk"));
	}

	private void died(Person person, Died died, Ids ids) throws IOException {
		Json cause = observation(person, ids.next("o"), null, "exam", "69453-9", "Cause of death.underlying", died.time());
		codedValue(cause, ICD10, died.cause().code(), died.cause().name());
		files.line(DEATHS, cause.text());
		Json place = observation(person, ids.next("o"), null, "exam", "58332-8", "Location of death", died.time());
		codedValue(place, DEATH_PLACE, died.place().code(), died.place().chinese());
		files.line(DEATHS, place.text());
	}

	private String condition(Person person, Diagnosed diagnosed, String id) {
		Json json = new Json().field("resourceType", "Condition").field("id", id);
		concept(json.object("clinicalStatus"), CLINICAL_STATUS, diagnosed.abated().isPresent() ? "resolved" : "active", null);
		concept(json.object("verificationStatus"), VERIFICATION_STATUS, "confirmed", null);
		json.array("category");
		concept(json.object(), CONDITION_CATEGORY, "problem-list-item", null);
		json.end();
		concept(json.object("code"), ICD10, diagnosed.icd10(), diagnosed.name());
		subject(json, person);
		json.field("onsetDateTime", diagnosed.time().toLocalDate().toString());
		diagnosed.abated().ifPresent(day -> json.field("abatementDateTime", day.toString()));
		json.field("recordedDate", diagnosed.time().toLocalDate().toString());
		return json.text();
	}

	private void served(Person person, Served served, Ids ids) throws IOException {
		String encounterId = ids.next("e");
		LocalDateTime start = served.time();
		files.line(encounters(start.getYear()), encounter(person, encounterId, served.type().home() ? "HH" : "AMB",
				served.type(), start, start.plusMinutes(20), served.institution()));
		String file = observations(start.getYear());
		for (Measurement measurement : served.measurements()) {
			String id = ids.next("o");
			String line;
			if (measurement instanceof BloodPressure bp) {
				line = bloodPressure(person, id, encounterId, start, bp);
			}
			else if (measurement instanceof FastingGlucose glucose) {
				line = quantityObservation(person, id, encounterId, "laboratory", "1558-6",
						"Fasting glucose [Moles/volume] in Serum or Plasma", start, glucose.tenths() / 10 + "." + glucose.tenths() % 10,
						"mmol/L");
			}
			else if (measurement instanceof GestationalAge age) {
				line = quantityObservation(person, id, encounterId, "exam", "11884-4", "Gestational age Estimated", start,
						String.valueOf(age.weeks()), "wk");
			}
			else {
				RiskLevel risk = (RiskLevel) measurement;
				Json json = new Json().field("resourceType", "Observation").field("id", id).field("status", "final");
				concept(json.object("code"), CARE_OBSERVATION, "smd-risk", "危险性评估");
				subject(json, person);
				json.object("encounter").field("reference", "Encounter/" + encounterId).end();
				json.field("effectiveDateTime", time(start)).field("valueInteger", risk.level());
				line = json.text();
			}
			files.line(file, line);
		}
	}

	private String encounter(Person person, String id, String encounterClass, ServiceType type,
			LocalDateTime start, LocalDateTime end, String institution) {
		Json json = new Json().field("resourceType", "Encounter").field("id", id).field("status", "finished");
		json.object("class").field("system", ACT_CODE).field("code", encounterClass).end();
		if (type != null) {
			json.array("type");
			concept(json.object(), ENCOUNTER_TYPE, type.code(), type.chinese());
			json.end();
		}
		subject(json, person);
		json.object("period").field("start", time(start)).field("end", time(end)).end();
		institutionReference(json.object("serviceProvider"), institution).end();
		return json.text();
	}

	private String bloodPressure(Person person, String id, String encounterId, LocalDateTime at, BloodPressure bp) {
		Json json = observation(person, id, encounterId, "vital-signs", "85354-9", "Blood pressure panel", at);
		json.array("component");
		component(json.object(), "8480-6", "Systolic blood pressure", bp.systolic());
		component(json.object(), "8462-4", "Diastolic blood pressure", bp.diastolic());
		json.end();
		return json.text();
	}

	private static void component(Json json, String code, String display, int value) {
		concept(json.object("code"), LOINC, code, display);
		quantity(json.object("valueQuantity"), String.valueOf(value), "mm[Hg]");
		json.end();
	}

	private String quantityObservation(Person person, String id, String encounterId, String category, String code,
			String display, LocalDateTime at, String value, String unit) {
		Json json = observation(person, id, encounterId, category, code, display, at);
		quantity(json.object("valueQuantity"), value, unit);
		return json.text();
	}

	/** An Observation up to its value: id, status, category, LOINC code, subject, encounter, time. */
	private static Json observation(Person person, String id, String encounterId, String category, String code,
			String display, LocalDateTime at) {
		Json json = new Json().field("resourceType", "Observation").field("id", id).field("status", "final");
		json.array("category");
		concept(json.object(), OBSERVATION_CATEGORY, category, null);
		json.end();
		concept(json.object("code"), LOINC, code, display);
		subject(json, person);
		if (encounterId != null) {
			json.object("encounter").field("reference", "Encounter/" + encounterId).end();
		}
		return json.field("effectiveDateTime", time(at));
	}

	private static void codedValue(Json json, String system, String code, String display) {
		concept(json.object("valueCodeableConcept"), system, code, display);
	}

	private String immunization(Person person, Vaccinated vaccinated, String id) {
		Json json = new Json().field("resourceType", "Immunization").field("id", id).field("status", "completed");
		concept(json.object("vaccineCode"), VACCINE, vaccinated.vaccine(), null);
		json.object("patient").field("reference", "Patient/" + person.id()).end();
		json.field("occurrenceDateTime", time(vaccinated.time())).field("primarySource", true);
		json.array("performer").object();
		institutionReference(json.object("actor"), vaccinated.institution()).end();
		json.end().end();
		json.array("protocolApplied").object().field("doseNumberPositiveInt", vaccinated.dose()).end().end();
		return json.text();
	}

	/** A CodeableConcept with one coding, closed. */
	private static Json concept(Json json, String system, String code, String display) {
		json.array("coding").object().field("system", system).field("code", code);
		if (display != null) {
			json.field("display", display);
		}
		return json.end().end().end();
	}

	private static void quantity(Json json, String value, String unit) {
		json.number("value", value).field("unit", unit).field("system", UCUM).field("code", unit).end();
	}

	private static void subject(Json json, Person person) {
		json.object("subject").field("reference", "Patient/" + person.id()).end();
	}

	private static Json institutionReference(Json json, String code) {
		return json.object("identifier").field("system", INSTITUTION).field("value", code).end();
	}

	static String time(LocalDateTime time) {
		return time.format(TIME);
	}

	@Override
	public void close() throws IOException {
		// the files are closed by their owner
	}

}
