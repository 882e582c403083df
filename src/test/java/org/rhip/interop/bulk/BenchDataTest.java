package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.platform.id.ResidentIdNumber;

class BenchDataTest {

	@TempDir
	Path dir;

	@Test
	void writesStrictlyValidResourcesInTheAdvertisedMix() throws IOException {
		List<Path> files = BenchData.write(dir, 400, "440106", List.of("440106001", "440106002"), List.of("440106-H001"), 7);
		assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("Patient.ndjson", "Encounter.ndjson",
				"Condition.ndjson", "Observation.ndjson", "Immunization.ndjson", "MedicationRequest.ndjson");
		IParser parser = FhirJson.parser();
		int total = 0;
		Set<String> idNumbers = new HashSet<>();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file);
			total += lines.size();
			for (int i = 0; i < lines.size(); i++) {
				Parsed parsed = FhirJson.parse(parser, i + 1, lines.get(i));
				assertThat(parsed).as(file.getFileName() + " line " + (i + 1) + ": " + parsed).isInstanceOf(Parsed.Ok.class);
				if (((Parsed.Ok) parsed).resource() instanceof Patient p) {
					String id = p.getIdentifierFirstRep().getValue();
					ResidentIdNumber.parse(id, LocalDate.now());
					assertThat(id).startsWith("440106");
					idNumbers.add(id);
				}
			}
		}
		assertThat(total).isEqualTo(400);
		assertThat(Files.readAllLines(files.get(0))).hasSize(20);
		assertThat(Files.readAllLines(files.get(3))).hasSize(180);
		assertThat(idNumbers).hasSize(20);
	}

}
