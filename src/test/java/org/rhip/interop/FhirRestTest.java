package org.rhip.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rhip.interop.FhirTestSupport.client;
import static org.rhip.interop.FhirTestSupport.idNumber;
import static org.rhip.interop.FhirTestSupport.randomBirth;
import static org.rhip.interop.FhirTestSupport.randomPhone;
import static org.rhip.interop.FhirTestSupport.resident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.rhip.person.PersonApi;
import org.rhip.record.RecordSystems;
import org.rhip.security.AuditTrail;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR R4 endpoint through real HTTP with HAPI's generic client, as a hospital's system uses it:
 * Patients and their records written, found, read by version; conditional creates, transactions and
 * batches; every refusal an OperationOutcome naming the element; institutions, scopes and the audit
 * trail enforced; records following their person through a merge and back.
 */
class FhirRestTest extends IntegrationTest {

	@Autowired
	SecurityApi security;

	@Autowired
	PersonApi persons;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private String token(Role role, String orgUnit, String institution) {
		return security.createToken("fhir-test-" + System.nanoTime(), role, orgUnit, institution);
	}

	private IGenericClient hospital() {
		return client(url("/fhir"), token(Role.CLERK, null, FhirTestSupport.HOSPITAL));
	}

	private IGenericClient admin() {
		return client(url("/fhir"), token(Role.ADMIN, null, null));
	}

	private static String now() {
		return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
	}

	@Test
	void theCapabilityStatementIsOpenAndNamesRhip() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/fhir/metadata"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		CapabilityStatement cs = FhirTestSupport.CLIENT_CONTEXT.newJsonParser().parseResource(CapabilityStatement.class, response.body());
		assertThat(cs.getName()).isEqualTo("RHIP");
		assertThat(cs.getSoftware().getName()).isEqualTo("RHIP");
		var patient = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
		assertThat(patient.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "name", "birthdate", "gender");
		var observation = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Observation")).findFirst().orElseThrow();
		assertThat(observation.getSearchParam()).extracting(p -> p.getName()).contains("patient", "subject", "date", "code", "status");
	}

	@Test
	void withoutATokenTheEndpointAnswers401() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/fhir/Patient?gender=male"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("OperationOutcome");
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void aPatientIsFoundByIdentifierNameBirthDateAndGenderAndReadByVersion() {
		IGenericClient fhir = hospital();
		LocalDate birth = randomBirth();
		String id = idNumber(birth, true);
		Patient created = (Patient) fhir.create().resource(resident(id, "黎", "明光", randomPhone())).execute().getResource();
		String pid = created.getIdElement().getIdPart();
		assertThat(created.getMeta().getVersionId()).isEqualTo("1");

		Bundle byId = fhir.search().forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(RecordSystems.RESIDENT_ID, id)).returnBundle(Bundle.class).execute();
		assertThat(ids(byId)).containsExactly(pid);
		Bundle byName = fhir.search().forResource(Patient.class).where(Patient.NAME.matches().value("黎明光"))
			.and(Patient.BIRTHDATE.exactly().day(birth.toString())).returnBundle(Bundle.class).execute();
		assertThat(ids(byName)).containsExactly(pid);
		Bundle byFamilyAndGender = fhir.search().forResource(Patient.class).where(Patient.NAME.matches().value("黎"))
			.and(Patient.GENDER.exactly().code("male")).and(Patient.BIRTHDATE.exactly().day(birth.toString()))
			.returnBundle(Bundle.class).execute();
		assertThat(ids(byFamilyAndGender)).contains(pid);
		Bundle wrongGender = fhir.search().forResource(Patient.class).where(Patient.NAME.matches().value("黎明光"))
			.and(Patient.GENDER.exactly().code("female")).returnBundle(Bundle.class).execute();
		assertThat(ids(wrongGender)).doesNotContain(pid);

		Patient changed = fhir.read().resource(Patient.class).withId(pid).execute();
		assertThat(changed.getIdentifierFirstRep().getValue()).isEqualTo(id); // the sending hospital sees it in full
		changed.getTelecomFirstRep().setValue(randomPhone());
		MethodOutcome updated = fhir.update().resource(changed).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
		Patient v1 = fhir.read().resource(Patient.class).withIdAndVersion(pid, "1").execute();
		assertThat(v1.getTelecomFirstRep().getValue()).isEqualTo(created.getTelecomFirstRep().getValue());
		Bundle history = fhir.history().onInstance("Patient/" + pid).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);
		// the same content again is no new version
		MethodOutcome same = fhir.update().resource(fhir.read().resource(Patient.class).withId(pid).execute()).execute();
		assertThat(same.getId().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void clinicalRecordsAreFoundByPatientDateAndCodeAndInEverything() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), false), "韦", "晓光", randomPhone())).execute()
			.getId().getIdPart();
		Encounter visit = new Encounter();
		visit.setStatus(Encounter.EncounterStatus.FINISHED);
		visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
		visit.setSubject(new Reference("Patient/" + pid));
		visit.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-05T09:00:00+08:00"))
			.setEndElement(new DateTimeType("2024-03-05T09:30:00+08:00")));
		String eid = fhir.create().resource(visit).execute().getId().getIdPart();
		Observation bp = bloodPressure(pid, eid, "2024-03-05T09:10:00+08:00", 150, 95);
		String oid = fhir.create().resource(bp).execute().getId().getIdPart();
		Condition htn = new Condition();
		htn.setSubject(new Reference("Patient/" + pid));
		htn.setEncounter(new Reference("Encounter/" + eid));
		htn.setCode(new CodeableConcept(new Coding(RecordSystems.ICD10, "I10", "原发性高血压")));
		htn.setOnset(new DateTimeType("2024-03-05"));
		String cid = fhir.create().resource(htn).execute().getId().getIdPart();
		Immunization flu = new Immunization();
		flu.setStatus(Immunization.ImmunizationStatus.COMPLETED);
		flu.setPatient(new Reference("Patient/" + pid));
		flu.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.CVX, "141", "Influenza, seasonal")));
		flu.setOccurrence(new DateTimeType("2023-10-20"));
		flu.addProtocolApplied().setDoseNumber(new PositiveIntType(1));
		fhir.create().resource(flu).execute();

		Bundle march = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + pid))
			.and(Observation.DATE.afterOrEquals().day("2024-03-05")).and(Observation.DATE.before().day("2024-03-06"))
			.returnBundle(Bundle.class).execute();
		assertThat(ids(march)).containsExactly(oid);
		Bundle systolic = fhir.search().forResource(Observation.class).where(Observation.SUBJECT.hasId(pid))
			.and(Observation.CODE.exactly().systemAndCode(RecordSystems.LOINC, "8480-6")).returnBundle(Bundle.class).execute();
		assertThat(ids(systolic)).containsExactly(oid);
		Bundle april = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid))
			.and(Observation.DATE.afterOrEquals().day("2024-04-01")).returnBundle(Bundle.class).execute();
		assertThat(april.getEntry()).isEmpty();
		Bundle hypertension = fhir.search().forResource(Condition.class).where(Condition.PATIENT.hasId(pid))
			.and(Condition.CODE.exactly().code("I10")).returnBundle(Bundle.class).execute();
		assertThat(ids(hypertension)).containsExactly(cid);
		Bundle finished = fhir.search().forResource(Encounter.class).where(Encounter.PATIENT.hasId(pid))
			.and(new TokenClientParam("status").exactly().code("finished")).returnBundle(Bundle.class).execute();
		assertThat(ids(finished)).containsExactly(eid);

		Bundle everything = fhir.operation().onInstance("Patient/" + pid).named("$everything").withNoParameters(
				org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
		assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType())
			.containsExactlyInAnyOrder("Patient", "Encounter", "Observation", "Condition", "Immunization");

		long person = persons.personOfSource("Patient", pid).orElseThrow();
		assertThat(jdbc.sql("select kind from record.encounter where resource_id = ?").param(eid).query(String.class).single())
			.isEqualTo("outpatient");
		assertThat(jdbc.sql("select count(*) from record.observation where resource_id = ? and person_id = ? and panel_code = '85354-9'")
			.params(oid, person).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select icd10 from record.diagnosis where resource_id = ?").param(cid).query(String.class).single())
			.isEqualTo("I10");
	}

	@Test
	void searchResultsComeInPagesWithNextLinksAndADeletedResourceIsGone() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), true), "钟", "页", null)).execute().getId().getIdPart();
		List<String> created = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(fhir.create().resource(glucose(pid, 5 + i / 10.0)).execute().getId().getIdPart());
		}
		Bundle page = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid)).count(2)
			.returnBundle(Bundle.class).execute();
		assertThat(page.getTotal()).isEqualTo(5);
		List<String> seen = new java.util.ArrayList<>(ids(page));
		assertThat(page.getEntry()).hasSize(2);
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			page = fhir.loadPage().next(page).execute();
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
		Bundle byId = fhir.search().forResource(Observation.class)
			.where(new TokenClientParam("_id").exactly().code(created.get(0))).returnBundle(Bundle.class).execute();
		assertThat(ids(byId)).containsExactly(created.get(0));

		fhir.delete().resourceById("Observation", created.get(0)).execute();
		assertThatThrownBy(() -> fhir.read().resource(Observation.class).withId(created.get(0)).execute())
			.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceGoneException.class);
		Bundle history = fhir.history().onInstance("Observation/" + created.get(0)).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);
		assertThat(fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid)).returnBundle(Bundle.class)
			.execute().getTotal()).isEqualTo(4);
	}

	@Test
	void aConditionalCreateSentTwiceMakesOneResource() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), true), "覃", "一", null)).execute().getId().getIdPart();
		String number = "ENC-" + System.nanoTime();
		Encounter visit = new Encounter();
		visit.addIdentifier().setSystem("http://hospital.example.cn/visit").setValue(number);
		visit.setStatus(Encounter.EncounterStatus.FINISHED);
		visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
		visit.setSubject(new Reference("Patient/" + pid));
		String criteria = "identifier=http://hospital.example.cn/visit|" + number;
		MethodOutcome first = fhir.create().resource(visit.copy()).conditionalByUrl("Encounter?" + criteria).execute();
		MethodOutcome second = fhir.create().resource(visit.copy()).conditionalByUrl("Encounter?" + criteria).execute();
		assertThat(first.getCreated()).isTrue();
		assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
		Bundle found = fhir.search().forResource(Encounter.class)
			.where(Encounter.IDENTIFIER.exactly().systemAndIdentifier("http://hospital.example.cn/visit", number))
			.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	@Test
	void aTransactionResolvesUrnUuidReferencesAndIsIdempotent() {
		IGenericClient fhir = hospital();
		Bundle tx = visitBundle(idNumber(randomBirth(), false), 120);
		Bundle response = fhir.transaction().withBundle(tx).execute();
		assertThat(response.getEntry()).hasSize(3);
		assertThat(response.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
		String patientLocation = response.getEntry().get(0).getResponse().getLocation();
		Observation stored = fhir.read().resource(Observation.class)
			.withId(response.getEntry().get(2).getResponse().getLocation().replaceFirst("/_history/.*", "")).execute();
		assertThat(stored.getSubject().getReference()).isEqualTo(patientLocation.replaceFirst("/_history/.*", ""));
		assertThat(stored.getEncounter().getReference()).startsWith("Encounter/");

		long before = count("record.resource");
		long personsBefore = jdbc.sql("select count(*) from person.person").query(Long.class).single();
		Bundle again = fhir.transaction().withBundle(tx).execute();
		assertThat(again.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("200"));
		assertThat(count("record.resource")).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from person.person").query(Long.class).single()).isEqualTo(personsBefore);
	}

	@Test
	void aTransactionWithOneBadEntryStoresNothingAndNamesTheEntry() {
		IGenericClient fhir = hospital();
		Bundle tx = visitBundle(idNumber(randomBirth(), true), 130);
		Observation bad = (Observation) tx.getEntry().get(2).getResource();
		bad.setEffective(new DateTimeType(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0))));
		long before = count("record.resource");
		assertThatThrownBy(() -> fhir.transaction().withBundle(tx).execute())
			.isInstanceOfSatisfying(BaseServerResponseException.class, ex -> {
				assertThat(ex.getStatusCode()).isIn(400, 422);
				assertThat(expression(ex)).isEqualTo("Bundle.entry[2].resource.effectiveDateTime");
			});
		assertThat(count("record.resource")).isEqualTo(before);
	}

	@Test
	void aBatchStoresTheGoodEntriesAndAnswersTheBadOneWithAnOutcome() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), false), "蒙", "二", null)).execute().getId().getIdPart();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().setResource(glucose(pid, 6.1)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		batch.addEntry().setResource(glucose("no-such-patient-" + System.nanoTime(), 7.0)).getRequest()
			.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		batch.addEntry().setResource(glucose(pid, 5.4)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		Bundle response = fhir.transaction().withBundle(batch).execute();
		assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("422");
		OperationOutcome oo = (OperationOutcome) response.getEntry().get(1).getResponse().getOutcome();
		assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1].resource.subject");
		assertThat(response.getEntry().get(2).getResponse().getStatus()).startsWith("201");
		Bundle stored = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid)).returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).hasSize(2);
	}

	@Test
	void malformedJsonIs400WithAnOperationOutcome() throws Exception {
		HttpResponse<String> response = post("/fhir/Patient", "{\"resourceType\": \"Patient\", \"gender\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("not valid JSON");
	}

	@Test
	void anUnknownElementIsRefusedByItsPath() throws Exception {
		HttpResponse<String> response = post("/fhir/Patient",
				"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"张\",\"nickname\":\"三\"}],\"gender\":\"male\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Patient.name[0].nickname");
		HttpResponse<String> wrongType = post("/fhir/Patient", "{\"resourceType\":\"Patient\",\"active\":\"yes\"}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(wrongType.body()).contains("Patient.active");
	}

	@Test
	void aFutureBirthDateIsRefusedNamingPatientBirthDate() {
		Patient p = resident(idNumber(randomBirth(), true), "杨", "未来", null);
		p.getIdentifier().remove(0);
		p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(LocalDate.now().plusDays(10).toString()));
		assertRefused(() -> hospital().create().resource(p).execute(), "Patient.birthDate");
	}

	@Test
	void anIdNumberWithAWrongCheckDigitIsRefusedNamingTheIdentifier() {
		String good = idNumber(randomBirth(), true);
		char wrong = good.charAt(17) == '1' ? '2' : '1';
		Patient p = resident(good, "陆", "错", null);
		p.getIdentifier().get(0).setValue(good.substring(0, 17) + wrong);
		assertRefused(() -> hospital().create().resource(p).execute(), "Patient.identifier[0].value");
	}

	@Test
	void aReferenceToNothingIsRefusedNamingObservationSubject() {
		assertRefused(() -> hospital().create().resource(glucose("nobody-" + System.nanoTime(), 5.0)).execute(),
				"Observation.subject");
	}

	@Test
	void anUnknownCodeSystemIsRefused() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), false), "林", "码", null)).execute().getId().getIdPart();
		Observation o = glucose(pid, 5.5);
		o.getCode().getCodingFirstRep().setSystem("http://lonic.org");
		assertRefused(() -> fhir.create().resource(o).execute(), "Observation.code.coding[0].system");
	}

	@Test
	void aClientOfOneInstitutionCannotWriteForAnother() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), true), "苏", "三", null)).execute().getId().getIdPart();
		Encounter visit = new Encounter();
		visit.setStatus(Encounter.EncounterStatus.FINISHED);
		visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
		visit.setSubject(new Reference("Patient/" + pid));
		visit.setServiceProvider(new Reference().setIdentifier(
				new org.hl7.fhir.r4.model.Identifier().setSystem(RecordSystems.INSTITUTION).setValue(FhirTestSupport.OTHER_HOSPITAL)));
		assertThatThrownBy(() -> fhir.create().resource(visit).execute()).isInstanceOf(ForbiddenOperationException.class)
			.satisfies(ex -> assertThat(expression((BaseServerResponseException) ex)).isEqualTo("Encounter.serviceProvider.identifier.value"));
		// and an id of the other institution's resource cannot be overwritten
		IGenericClient other = client(url("/fhir"), token(Role.CLERK, null, FhirTestSupport.OTHER_HOSPITAL));
		Observation theirs = glucose(pid, 5.0);
		theirs.setId("glucose-" + System.nanoTime());
		other.update().resource(theirs).execute();
		assertThatThrownBy(() -> fhir.update().resource(theirs).execute()).isInstanceOf(ForbiddenOperationException.class);
		// an analyst writes nothing
		IGenericClient analyst = client(url("/fhir"), token(Role.ANALYST, null, null));
		assertThatThrownBy(() -> analyst.create().resource(glucose(pid, 4.9)).execute()).isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void aScopedUserCannotReadAPersonOutsideTheScopeAndReadsAreAudited() {
		IGenericClient fhir = hospital();
		String pid = fhir.create().resource(resident(idNumber(randomBirth(), true), "曾", "四", null)).execute().getId().getIdPart();
		String oid = fhir.create().resource(glucose(pid, 6.6)).execute().getId().getIdPart();
		long person = persons.personOfSource("Patient", pid).orElseThrow();

		IGenericClient tianhe = client(url("/fhir"), token(Role.DOCTOR, "440106", null));
		assertThatThrownBy(() -> tianhe.read().resource(Observation.class).withId(oid).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		Bundle nothing = tianhe.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid)).returnBundle(Bundle.class).execute();
		assertThat(nothing.getEntry()).isEmpty();

		IGenericClient guangming = client(url("/fhir"), token(Role.DOCTOR, FhirTestSupport.DISTRICT, null));
		guangming.read().resource(Observation.class).withId(oid).execute();
		guangming.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pid)).returnBundle(Bundle.class).execute();
		List<AuditTrail.Entry> trail = audit.forPerson(person, 20);
		assertThat(trail).extracting(AuditTrail.Entry::action).contains("read", "search");
		assertThat(trail).extracting(AuditTrail.Entry::what).contains("Observation/" + oid);
		// an analyst (no unmasking) sees the Patient masked
		Patient masked = client(url("/fhir"), token(Role.ANALYST, null, null)).read().resource(Patient.class).withId(pid).execute();
		assertThat(masked.getIdentifierFirstRep().getValue()).contains("********");
		assertThat(masked.getNameFirstRep().getGivenAsSingleString()).isEqualTo("*");
	}

	@Test
	void mergedPersonsShareTheirRecordsUntilUnmerged() {
		IGenericClient fhir = hospital();
		LocalDate birth = randomBirth();
		Patient a = resident(idNumber(birth, false), "区", "合并", null);
		String pa = fhir.create().resource(a).execute().getId().getIdPart();
		Patient b = resident(idNumber(birth, false), "区", "待并", null);
		b.getIdentifier().remove(0); // no ID number: the index cannot know it is the same woman
		b.getName().get(0).getGiven().get(0).setValue("待并" + System.nanoTime() % 1000);
		String pb = fhir.create().resource(b).execute().getId().getIdPart();
		String ob = fhir.create().resource(glucose(pb, 8.8)).execute().getId().getIdPart();
		long survivor = persons.personOfSource("Patient", pa).orElseThrow();
		long merged = persons.personOfSource("Patient", pb).orElseThrow();
		assertThat(survivor).isNotEqualTo(merged);

		persons.merge(survivor, merged, "same woman, confirmed by phone");
		Bundle everything = fhir.operation().onInstance("Patient/" + pa).named("$everything")
			.withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
		assertThat(ids(everything)).contains(pa, pb, ob);
		assertThat(personOfRecord("record.observation", ob)).isEqualTo(survivor);
		assertThat(personOfRecord("record.resource", ob)).isEqualTo(survivor);

		persons.unmerge(merged, "two different women after all");
		Bundle after = fhir.operation().onInstance("Patient/" + pa).named("$everything")
			.withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
		assertThat(ids(after)).contains(pa).doesNotContain(pb, ob);
		assertThat(personOfRecord("record.observation", ob)).isEqualTo(merged);
	}

	private long personOfRecord(String table, String id) {
		String key = table.equals("record.resource") ? "id" : "resource_id";
		return jdbc.sql("select person_id from " + table + " where " + key + " = ? limit 1").param(id).query(Long.class).single();
	}

	/** Patient, Encounter and Observation as a Synthea-style transaction, all by urn:uuid. */
	private Bundle visitBundle(String idNumber, int systolic) {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patientUrl = "urn:uuid:" + java.util.UUID.randomUUID();
		String encounterUrl = "urn:uuid:" + java.util.UUID.randomUUID();
		tx.addEntry().setFullUrl(patientUrl).setResource(resident(idNumber, "卢", "三", null)).getRequest()
			.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Encounter e = new Encounter();
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
		e.setSubject(new Reference(patientUrl));
		e.setPeriod(new Period().setStartElement(new DateTimeType(now())));
		tx.addEntry().setFullUrl(encounterUrl).setResource(e).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Encounter");
		Observation o = bloodPressure(null, null, now(), systolic, 80);
		o.setSubject(new Reference(patientUrl));
		o.setEncounter(new Reference(encounterUrl));
		tx.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(o).getRequest()
			.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		return tx;
	}

	static Observation bloodPressure(String patient, String encounter, String when, int systolic, int diastolic) {
		Observation bp = new Observation();
		bp.setStatus(Observation.ObservationStatus.FINAL);
		bp.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "85354-9", "Blood pressure panel")));
		if (patient != null) {
			bp.setSubject(new Reference("Patient/" + patient).setDisplay("should not be kept"));
		}
		if (encounter != null) {
			bp.setEncounter(new Reference("Encounter/" + encounter));
		}
		bp.setEffective(new DateTimeType(when));
		bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8480-6", "Systolic")))
			.setValue(new Quantity().setValue(systolic).setUnit("mmHg").setSystem(RecordSystems.UCUM).setCode("mm[Hg]"));
		bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8462-4", "Diastolic")))
			.setValue(new Quantity().setValue(diastolic).setUnit("mmHg").setSystem(RecordSystems.UCUM).setCode("mm[Hg]"));
		return bp;
	}

	static Observation glucose(String patient, double mmol) {
		Observation o = new Observation();
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "2345-7", "Glucose")));
		o.setSubject(new Reference("Patient/" + patient));
		o.setEffective(new DateTimeType(now()));
		o.setValue(new Quantity().setValue(mmol).setUnit("mmol/L").setSystem(RecordSystems.UCUM).setCode("mmol/L"));
		return o;
	}

	private void assertRefused(Runnable call, String path) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(BaseServerResponseException.class, ex -> {
			assertThat(ex.getStatusCode()).isBetween(400, 499);
			assertThat(expression(ex)).isEqualTo(path);
		});
	}

	private static String expression(BaseServerResponseException ex) {
		OperationOutcome oo = (OperationOutcome) ex.getOperationOutcome();
		assertThat(oo).as(ex.getMessage()).isNotNull();
		return Optional.ofNullable(oo.getIssueFirstRep().getExpression()).filter(l -> !l.isEmpty())
			.map(l -> l.get(0).getValue()).orElse(null);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Bearer " + token(Role.CLERK, null, FhirTestSupport.HOSPITAL))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(e -> ((Resource) e.getResource()).getIdElement().getIdPart()).toList();
	}

}
