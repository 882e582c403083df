package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSourceTest {

	private static final String PATIENT = "8f6a8d2e-0d3c-4a57-9d6e-5a3b0a8f0c11";

	private static final String ENCOUNTER = "2b1f0c4e-7a55-4a7e-8c1d-0e9b7d6c5a22";

	private static final String CONDITION = "c3d2e1f0-1111-4bbb-8ccc-0d0e0f101233";

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	/** A Synthea-style transaction: urn:uuid fullUrls, a reference forward to a later entry, one entry without an id. */
	private Path synthea() throws IOException {
		return Files.writeString(dir.resolve("synthea.json"), """
				{
				  "resourceType": "Bundle",
				  "type": "transaction",
				  "entry": [
				    {
				      "fullUrl": "urn:uuid:%1$s",
				      "resource": {"resourceType": "Condition", "id": "%1$s",
				        "subject": {"reference": "urn:uuid:%2$s"},
				        "encounter": {"reference": "urn:uuid:%3$s"},
				        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I10"}]}},
				      "request": {"method": "POST", "url": "Condition"}
				    },
				    {
				      "fullUrl": "urn:uuid:%2$s",
				      "resource": {"resourceType": "Patient", "id": "%2$s", "gender": "female",
				        "identifier": [{"system": "urn:ietf:rfc:3986", "value": "urn:uuid:%3$s"}]},
				      "request": {"method": "POST", "url": "Patient"}
				    },
				    {
				      "fullUrl": "urn:uuid:%3$s",
				      "resource": {"resourceType": "Encounter", "status": "finished",
				        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
				        "subject": {"reference": "urn:uuid:%2$s"}},
				      "request": {"method": "POST", "url": "Encounter"}
				    },
				    {"request": {"method": "DELETE", "url": "Patient/old"}},
				    {"fullUrl": "urn:uuid:0000", "resource": {"resourceType": "Patient", "id": "bad", "gender": "F"}}
				  ]
				}
				""".formatted(CONDITION, PATIENT, ENCOUNTER));
	}

	private List<Parsed> read(Path file, int batchSize, long after) throws IOException {
		List<Parsed> items = new ArrayList<>();
		try (BundleSource source = new BundleSource(file, file.getFileName().toString(), batchSize, after, pool)) {
			Optional<Batch> batch;
			while ((batch = source.next()).isPresent()) {
				items.addAll(batch.get().items());
			}
		}
		return items;
	}

	@Test
	void rewritesUrnUuidReferencesToTypeAndId() throws IOException {
		List<Parsed> items = read(synthea(), 2, 0);
		Condition condition = (Condition) ((Parsed.Ok) items.get(0)).resource();
		assertThat(condition.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
		assertThat(condition.getEncounter().getReference()).isEqualTo("Encounter/" + ENCOUNTER);
		Encounter encounter = (Encounter) ((Parsed.Ok) items.get(2)).resource();
		assertThat(encounter.getIdElement().getIdPart()).as("the UUID of its fullUrl").isEqualTo(ENCOUNTER);
		assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
	}

	@Test
	void leavesAnIdentifierThatLooksLikeAUrnAlone() throws IOException {
		Patient patient = (Patient) ((Parsed.Ok) read(synthea(), 10, 0).get(1)).resource();
		assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("urn:uuid:" + ENCOUNTER);
	}

	@Test
	void numbersRecordsByEntryAndRejectsDeletesAndBadResources() throws IOException {
		List<Parsed> items = read(synthea(), 10, 0);
		assertThat(items).extracting(Parsed::line).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(((Rejection) items.get(3)).reason()).contains("DELETE");
		Rejection bad = (Rejection) items.get(4);
		assertThat(bad.path()).isEqualTo("Patient.gender");
		assertThat(bad.id()).isEqualTo("bad");
	}

	@Test
	void resumesAfterTheLastCommittedEntry() throws IOException {
		assertThat(read(synthea(), 2, 2)).extracting(Parsed::line).containsExactly(3L, 4L, 5L);
	}

	@Test
	void refusesAFileThatIsNotABundle() throws IOException {
		Path file = Files.writeString(dir.resolve("patient.json"), "{\"resourceType\":\"Patient\",\"id\":\"x\"}");
		assertThatThrownBy(() -> read(file, 10, 0)).isInstanceOf(FileProblem.class).hasMessageContaining("not a Bundle");
	}

}
