package org.rhip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The strict parser names the element it refuses by its full FHIR path, and never echoes a value. */
class FhirJsonTest {

	static final FhirContext FHIR = context();

	private final FhirJson json = new FhirJson(FHIR);

	private static FhirContext context() {
		FhirContext fhir = FhirContext.forR4();
		fhir.setParserErrorHandler(new StrictErrorHandler());
		fhir.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
		return fhir;
	}

	private InvalidResource refused(String text) {
		try {
			json.parse(text);
		}
		catch (InvalidResource ex) {
			return ex;
		}
		throw new AssertionError("accepted: " + text);
	}

	@Test
	void aValidResourceParses() {
		Patient p = (Patient) json.parse("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1980-02-03\"}");
		assertThat(p.getIdPart()).isEqualTo("p1");
		assertThat(json.encode(p)).contains("\"birthDate\":\"1980-02-03\"");
	}

	@Test
	void malformedJsonSaysWhereAnd400() {
		InvalidResource ex = refused("{\"resourceType\":\"Patient\",\n \"gender\": }");
		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.getMessage()).contains("not valid JSON").contains("line 2");
		assertThat(ex.field()).isNull();
	}

	@Test
	void anUnknownElementIsNamedByItsPath() {
		assertThat(refused("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"王\"},{\"family\":\"李\",\"nick\":\"x\"}]}").field())
			.isEqualTo("Patient.name[1].nick");
		assertThat(refused("{\"resourceType\":\"Patient\",\"favouriteColour\":\"red\"}").field()).isEqualTo("Patient.favouriteColour");
	}

	@Test
	void aValueOfTheWrongTypeIsNamedAndNotEchoed() {
		InvalidResource ex = refused("{\"resourceType\":\"Patient\",\"birthDate\":\"44031119800102123X\"}");
		assertThat(ex.field()).isEqualTo("Patient.birthDate");
		assertThat(ex.getMessage()).doesNotContain("44031119800102123X");
		assertThat(refused("{\"resourceType\":\"Patient\",\"active\":\"yes\"}").field()).isEqualTo("Patient.active");
	}

	@Test
	void anElementInsideABundleEntryIsNamedFromTheBundle() {
		InvalidResource ex = refused("""
				{"resourceType":"Bundle","type":"transaction","entry":[
				  {"resource":{"resourceType":"Patient","gender":"male"},"request":{"method":"POST","url":"Patient"}},
				  {"resource":{"resourceType":"Observation","status":"final","colour":"blue"},"request":{"method":"POST","url":"Observation"}}]}
				""");
		assertThat(ex.field()).isEqualTo("Bundle.entry[1].resource.colour");
	}

	@Test
	void anUnknownResourceTypeIsRefused() {
		assertThat(refused("{\"resourceType\":\"Patientt\"}").field()).isEqualTo("resourceType");
		assertThat(refused("{\"gender\":\"male\"}").field()).isEqualTo("resourceType");
	}

	@Test
	void aBundleEntryKeepsItsOwnIdNotTheFullUrl() {
		Bundle b = (Bundle) json.parse("""
				{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:0a1b","resource":{"resourceType":"Patient","id":"own"}}]}
				""");
		assertThat(b.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo("own");
		assertThatThrownBy(() -> json.parse("[]")).isInstanceOf(InvalidResource.class);
	}

}
