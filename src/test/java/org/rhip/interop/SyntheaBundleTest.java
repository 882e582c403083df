package org.rhip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.rhip.person.PersonApi;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Synthea-style transaction Bundle (src/test/resources/record/synthea-bundle.json: a US patient,
 * urn:uuid references, conditional references to the organization and practitioner) goes in whole;
 * the person lives outside the platform's region; sending it again stores nothing new.
 */
class SyntheaBundleTest extends IntegrationTest {

	private static final String PATIENT = "d3f5a6b1-2c4e-4f8a-9b0d-1e2f3a4b5c6d";

	@Autowired
	SecurityApi security;

	@Autowired
	PersonApi persons;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSyntheaBundleIsStoredWithThePersonOutsideTheRegionAndTwiceIsOnce() throws Exception {
		String bundle = new ClassPathResource("record/synthea-bundle.json").getContentAsString(StandardCharsets.UTF_8);
		IGenericClient fhir = FhirTestSupport.client(url("/fhir"),
				security.createToken("synthea-" + System.nanoTime(), Role.CLERK, null, FhirTestSupport.HOSPITAL));
		String response = fhir.transaction().withBundle(bundle).execute();
		Bundle first = FhirTestSupport.CLIENT_CONTEXT.newJsonParser().parseResource(Bundle.class, response);
		assertThat(first.getEntry()).hasSize(7);
		assertThat(first.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).matches("20[01].*"));

		long person = persons.personOfSource("Patient", PATIENT).orElseThrow();
		assertThat(persons.person(person, "test").orgUnitCode()).isEqualTo("000000");

		Encounter visit = fhir.read().resource(Encounter.class).withId("a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b").execute();
		assertThat(visit.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
		assertThat(visit.getSubject().hasDisplay()).isFalse();
		assertThat(visit.getServiceProvider().getReference()).isEqualTo("Organization/7c1e2b6a-0f5d-4a53-9a3c-5b1d2e3f4a01");
		assertThat(visit.getParticipantFirstRep().getIndividual().getReference()).startsWith("Practitioner/");

		long resources = count("record.resource");
		long versions = count("record.resource_history");
		long people = count("person.person");
		Bundle second = FhirTestSupport.CLIENT_CONTEXT.newJsonParser().parseResource(Bundle.class,
				fhir.transaction().withBundle(bundle).execute());
		assertThat(second.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("200"));
		assertThat(count("record.resource")).isEqualTo(resources);
		assertThat(count("record.resource_history")).isEqualTo(versions);
		assertThat(count("person.person")).isEqualTo(people);

		// the social security number went nowhere readable
		assertThat(jdbc.sql("select count(*) from record.resource where content::text like '%999-64-1234%'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from person.source_record where value like '%999-64-1234%'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select sex from record.patient_fact where resource_id = ?").param(PATIENT).query(String.class).single())
			.isEqualTo("female");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
