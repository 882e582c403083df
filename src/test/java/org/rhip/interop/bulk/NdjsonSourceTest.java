package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonSourceTest {

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	static String patient(int i) {
		return "{\"resourceType\":\"Patient\",\"id\":\"p" + i + "\",\"gender\":\"female\",\"birthDate\":\"1980-01-0" + (1 + i % 9) + "\"}";
	}

	static String observation(int i) {
		return "{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
				+ "\"http://loinc.org\",\"code\":\"29463-7\"}]},\"subject\":{\"reference\":\"Patient/p" + i + "\"},"
				+ "\"valueQuantity\":{\"value\":" + (50 + i) + ",\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}}";
	}

	private List<Batch> read(Path file, int batchSize, long after) throws IOException {
		List<Batch> batches = new ArrayList<>();
		try (NdjsonSource source = new NdjsonSource(file, file.getFileName().toString(), batchSize, after, pool)) {
			Optional<Batch> batch;
			while ((batch = source.next()).isPresent()) {
				batches.add(batch.get());
			}
		}
		return batches;
	}

	private static List<Parsed> items(List<Batch> batches) {
		return batches.stream().flatMap(b -> b.items().stream()).toList();
	}

	@Test
	void readsEveryLineInFileOrderAcrossBatches() throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			lines.add(i % 2 == 0 ? patient(i) : observation(i));
		}
		Path file = Files.write(dir.resolve("Mixed.ndjson"), lines);
		List<Batch> batches = read(file, 1_000, 0);
		assertThat(batches).extracting(Batch::lastLine).containsExactly(1_000L, 2_000L, 2_500L);
		List<Parsed> items = items(batches);
		assertThat(items).hasSize(2_500).allMatch(p -> p instanceof Parsed.Ok);
		assertThat(items).extracting(Parsed::line).isSorted().startsWith(1L, 2L, 3L).endsWith(2_500L);
		assertThat(((Parsed.Ok) items.get(0)).resource()).isInstanceOf(Patient.class);
		assertThat(((Parsed.Ok) items.get(1)).resource()).isInstanceOf(Observation.class);
		assertThat(((Parsed.Ok) items.get(2_499)).resource().getIdElement().getIdPart()).isEqualTo("o2499");
		assertThat(batches.get(2).bytesRead()).isEqualTo(Files.size(file));
	}

	@Test
	void aMalformedLineIsRejectedWithItsLineNumberAndTheRestKept() throws IOException {
		Path file = Files.writeString(dir.resolve("Patient.ndjson"), String.join("\n", patient(1),
				"{\"resourceType\":\"Patient\",\"id\":\"p2\",\"gender\":", patient(3), "", patient(5)) + "\n");
		List<Parsed> items = items(read(file, 10, 0));
		assertThat(items).extracting(Parsed::line).containsExactly(1L, 2L, 3L, 5L);
		Rejection bad = (Rejection) items.get(1);
		assertThat(bad.resourceType()).isEqualTo("Patient");
		assertThat(bad.id()).isEqualTo("p2");
		assertThat(bad.reason()).startsWith("not valid JSON");
		assertThat(items).filteredOn(p -> p instanceof Parsed.Ok).hasSize(3);
	}

	@Test
	void aResourceBreakingR4IsRejectedNamingTheElementButNotTheValue() throws IOException {
		Path file = Files.writeString(dir.resolve("Patient.ndjson"), String.join("\n",
				"{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"M\"}",
				"{\"resourceType\":\"Patient\",\"id\":\"p2\",\"birthDate\":\"1990-13-45\"}",
				"{\"resourceType\":\"Patient\",\"id\":\"p3\",\"nickname\":\"x\"}",
				"{\"resourceType\":\"Patient\",\"gender\":\"male\"}",
				"{\"resourceType\":\"Nonsense\",\"id\":\"n1\"}"));
		List<Rejection> rejected = items(read(file, 10, 0)).stream().map(Rejection.class::cast).toList();
		assertThat(rejected).extracting(Rejection::path)
			.containsExactly("Patient.gender", "Patient.birthDate", "Patient.nickname", "id", null);
		assertThat(rejected.get(0).reason()).contains("invalid value").doesNotContain("M\"").doesNotContain("'M'");
		assertThat(rejected.get(1).reason()).doesNotContain("1990");
		assertThat(rejected.get(2).reason()).contains("unknown element nickname");
		assertThat(rejected.get(3).reason()).contains("needs an id");
		assertThat(rejected.get(4).reason()).contains("Unknown resource name");
	}

	@Test
	void readsGzipByItsExtension() throws IOException {
		Path file = dir.resolve("Observation.000.ndjson.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			for (int i = 0; i < 30; i++) {
				out.write((observation(i) + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		List<Parsed> items = items(read(file, 7, 0));
		assertThat(items).hasSize(30).allMatch(p -> p instanceof Parsed.Ok);
		assertThat(items.get(29).line()).isEqualTo(30);
	}

	@Test
	void resumesAfterTheLastCommittedLine() throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 25; i++) {
			lines.add(patient(i));
		}
		Path file = Files.write(dir.resolve("Patient.ndjson"), lines);
		List<Parsed> items = items(read(file, 10, 20));
		assertThat(items).extracting(Parsed::line).containsExactly(21L, 22L, 23L, 24L, 25L);
	}

	@Test
	void ignoresAByteOrderMark() throws IOException {
		Path file = Files.writeString(dir.resolve("Patient.ndjson"), "\uFEFF" + patient(1) + "\n");
		assertThat(items(read(file, 10, 0))).singleElement().isInstanceOf(Parsed.Ok.class);
	}

}
