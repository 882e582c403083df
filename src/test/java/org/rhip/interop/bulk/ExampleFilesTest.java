package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example files of docs/examples/import read without a rejection, and docs/import.md documents every column. */
class ExampleFilesTest {

	private static final Path EXAMPLES = Path.of("docs/examples/import");

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	private final CsvLookups tianhe = new CsvLookups() {

		@Override
		public Optional<String> patientId(String institution, String kind, String keyHash) {
			return Optional.empty();
		}

		@Override
		public Optional<String> orgUnit(String institution, String codeOrName) {
			return switch (codeOrName) {
				case "天河南街道" -> Optional.of("440106001");
				case "石牌街道" -> Optional.of("440106007");
				default -> codeOrName.startsWith("4401060") ? Optional.of(codeOrName) : Optional.empty();
			};
		}

		@Override
		public boolean institutionExists(String code) {
			return code.startsWith("440106-");
		}

		@Override
		public Optional<Patient> storedPatient(String id) {
			return Optional.empty();
		}

	};

	private List<Parsed> read(BatchSource source) throws IOException {
		List<Parsed> items = new ArrayList<>();
		try (source) {
			Optional<Batch> batch;
			while ((batch = source.next()).isPresent()) {
				items.addAll(batch.get().items());
			}
		}
		return items;
	}

	@Test
	void everyExampleFileReadsWithoutARejection() throws IOException {
		List<Path> files;
		try (var list = Files.list(EXAMPLES)) {
			files = list.sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(11);
		for (Path file : files) {
			String name = file.getFileName().toString();
			BatchSource source;
			if (name.endsWith(".ndjson")) {
				source = new NdjsonSource(file, name, 100, 0, pool);
			}
			else if (name.endsWith(".json")) {
				source = new BundleSource(file, name, 100, 0, pool);
			}
			else {
				CsvTemplate template = CsvTemplate.ofFileName(name).orElseThrow();
				CsvContext context = new CsvContext("440106-C001", LocalDate.of(2026, 1, 1), true, tianhe, CsvTemplateTest::sha256);
				source = new CsvSource(file, name, template, context, 100, 0, pool);
			}
			List<Parsed> items = read(source);
			assertThat(items).as(name).isNotEmpty();
			assertThat(items).as(name + ": " + items.stream().filter(p -> p instanceof Rejection).toList())
				.allMatch(p -> p instanceof Parsed.Ok);
		}
	}

	@Test
	void theImportDocumentNamesEveryColumnOfEveryTemplate() throws IOException {
		String doc = Files.readString(Path.of("docs/import.md"));
		for (CsvTemplate template : CsvTemplate.values()) {
			assertThat(doc).as(template.key).contains("— `" + template.key + "`");
			for (Column column : template.columns) {
				assertThat(doc).as(template.key + " " + column.key()).contains("`" + column.key() + "`").contains(column.chinese());
			}
		}
		for (Vaccines.Vaccine v : Vaccines.ALL) {
			assertThat(doc).contains("| " + v.code() + " | " + v.chinese() + " |");
		}
	}

}
