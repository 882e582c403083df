package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Import jobs against the real database: one transaction per batch, resume after a crash, idempotent CSV. */
class ImportJobTest extends IntegrationTest {

	@Autowired
	ImportRunner runner;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ResourceSink store;

	@Autowired
	org.rhip.security.IdentifierHash hash;

	@TempDir
	Path dir;

	/** The store, failing on its {@code failOn}-th call after writing that call's resources (a crash mid-batch). */
	static final class Crashing implements ResourceSink {

		private final ResourceSink store;

		private final int failOn;

		private final AtomicInteger calls = new AtomicInteger();

		Crashing(ResourceSink store, int failOn) {
			this.store = store;
			this.failOn = failOn;
		}

		@Override
		public List<Outcome> storeAll(List<Resource> resources, String institutionCode) {
			List<Outcome> outcomes = store.storeAll(resources, institutionCode);
			if (calls.incrementAndGet() == failOn) {
				throw new IllegalStateException("simulated crash");
			}
			return outcomes;
		}

		@Override
		public Optional<Resource> read(String type, String id) {
			return store.read(type, id);
		}

	}

	/** How many of the Patients {@code prefix0} … {@code prefix45} the record store holds. */
	private long stored(String prefix) {
		return java.util.stream.IntStream.range(0, 46).filter(i -> store.read("Patient", prefix + i).isPresent()).count();
	}

	/** 46 lines: 45 Patients, line 17 malformed. */
	private Path patients(String prefix) throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 46; i++) {
			lines.add(i == 16 ? "{\"resourceType\":\"Patient\",\"id\":\"" + prefix + "bad\"," : "{\"resourceType\":\"Patient\",\"id\":\""
					+ prefix + i + "\",\"gender\":\"female\"}");
		}
		return Files.write(dir.resolve(prefix + "Patient.ndjson"), lines);
	}

	private long job(Path file, String format, int batch, String institution) throws IOException {
		long id = jobs.create("test", "cli", institution, false, batch);
		jobs.addFile(id, 1, file.getFileName().toString(), file.toString(), format, Files.size(file));
		return id;
	}

	@Test
	void aCrashMidBatchLeavesTheCommittedBatchesAndAResumeEndsWithTheTotalsOfAnUninterruptedRun() throws IOException {
		long crashed = job(patients("crash-p"), "ndjson", 10, "440106-H001");
		ImportJob failed = runner.run(crashed, new Crashing(store, 3), () -> false);
		assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(failed.message()).hasValueSatisfying(m -> assertThat(m).contains("simulated crash"));
		assertThat(failed.files().get(0).linesDone()).as("two batches committed").isEqualTo(20);
		assertThat(stored("crash-p")).as("the third batch rolled back").isEqualTo(19);
		assertThat(failed.read()).isEqualTo(20);
		assertThat(failed.rejected()).isEqualTo(1);

		ImportJob resumed = runner.run(crashed, store, () -> false);
		assertThat(resumed.status()).isEqualTo(ImportStatus.DONE);
		assertThat(stored("crash-p")).isEqualTo(45);

		ImportJob whole = runner.run(job(patients("whole-p"), "ndjson", 10, "440106-H001"), store, () -> false);
		assertThat(whole.status()).isEqualTo(ImportStatus.DONE);
		assertThat(List.of(resumed.read(), resumed.created(), resumed.updated(), resumed.unchanged(), resumed.rejected()))
			.isEqualTo(List.of(whole.read(), whole.created(), whole.updated(), whole.unchanged(), whole.rejected()))
			.isEqualTo(List.of(46L, 45L, 0L, 0L, 1L));
		StringWriter report = new StringWriter();
		jobs.writeRejections(crashed, report);
		List<String> lines = report.toString().lines().toList();
		assertThat(lines).hasSize(2).startsWith("file,line,resource,id,path,reason");
		assertThat(lines.get(1)).startsWith("crash-pPatient.ndjson,17,Patient,crash-pbad,,not valid JSON: Unexpected end-of-input");
	}

	@Test
	void aJobStoppedBetweenBatchesStaysRunningAndResumes() throws IOException {
		long id = job(patients("stop-p"), "ndjson", 10, "440106-H001");
		AtomicInteger asked = new AtomicInteger();
		ImportJob stopped = runner.run(id, store, () -> asked.incrementAndGet() > 2);
		assertThat(stopped.status()).isEqualTo(ImportStatus.RUNNING);
		assertThat(stopped.files().get(0).linesDone()).isEqualTo(20);
		assertThat(runner.run(id, store, () -> false).created()).isEqualTo(45);
	}

	@Test
	void theSameCsvTwiceCreatesNothingNewAndLaterFilesFindItsPatients() throws IOException {
		String idNumber = "440106198203041236".substring(0, 17);
		idNumber += org.rhip.platform.id.ResidentIdNumber.checkCharacter(idNumber);
		Path csv = Files.writeString(dir.resolve("patients.csv"), "本机构患者编号,身份证号,姓名,性别\nT-77,%s,赵六,男\n".formatted(idNumber));
		ImportJob first = runner.run(job(csv, "csv-patients", 100, "440106-H001"), store, () -> false);
		assertThat(first.status()).isEqualTo(ImportStatus.DONE);
		assertThat(first.created()).isEqualTo(1);
		ImportJob second = runner.run(job(csv, "csv-patients", 100, "440106-H001"), store, () -> false);
		assertThat(List.of(second.read(), second.created(), second.updated(), second.unchanged())).containsExactly(1L, 0L, 0L, 1L);

		Path shots = Files.writeString(dir.resolve("immunizations.csv"), "身份证号,疫苗编码,剂次,接种日期\n%s,Flu,1,2024-10-08\n".formatted(idNumber));
		ImportJob vaccinated = runner.run(job(shots, "csv-immunizations", 100, "440106-H001"), store, () -> false);
		assertThat(vaccinated.created()).isEqualTo(1);
		CsvContext ids = new CsvContext("440106-H001", java.time.LocalDate.now(), false, null, hash::hash);
		String patientId = ids.id("Patient", "number", "T-77");
		Immunization shot = (Immunization) store.read("Immunization",
				ids.id("Immunization", "Patient/" + patientId, "Flu", "1", "2024-10-08")).orElseThrow();
		assertThat(shot.getPatient().getReference()).as("the patient imported by patient number, found by ID number")
			.isEqualTo("Patient/" + patientId);
	}

	@Test
	void theExampleFilesOfTheDocumentationImportIntoTheRecordStoreWithoutARejection() throws IOException {
		Path examples = Path.of("docs/examples/import");
		long csv = jobs.create("test", "cli", "440106-C001", false, 100);
		List<String> order = List.of("patients.csv", "encounters.csv", "observations.csv", "immunizations.csv",
				"diagnoses.csv", "births.csv", "deaths.csv");
		for (int i = 0; i < order.size(); i++) {
			Path file = examples.resolve(order.get(i));
			jobs.addFile(csv, i + 1, order.get(i), file.toAbsolutePath().toString(),
					"csv-" + CsvTemplate.ofFileName(order.get(i)).orElseThrow().key, Files.size(file));
		}
		ImportJob clinic = runner.run(csv, store, () -> false);
		StringWriter report = new StringWriter();
		jobs.writeRejections(csv, report);
		assertThat(clinic.status()).isEqualTo(ImportStatus.DONE);
		assertThat(clinic.rejected()).as(report.toString()).isZero();
		assertThat(clinic.created()).isGreaterThanOrEqualTo(30);
		// the death changed the stored Patient of the patients file, which keeps its phone
		CsvContext ids = new CsvContext("440106-C001", java.time.LocalDate.now(), false, null, hash::hash);
		org.hl7.fhir.r4.model.Patient died = (org.hl7.fhir.r4.model.Patient) store
			.read("Patient", ids.id("Patient", "number", "MZ0005")).orElseThrow();
		assertThat(died.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2025-04-02");
		assertThat(died.getTelecom()).isNotEmpty();

		long fhir = jobs.create("test", "cli", "440106-H001", false, 100);
		List<String> files = List.of("Patient.ndjson", "Encounter.ndjson", "Observation.ndjson", "bundle.json");
		for (int i = 0; i < files.size(); i++) {
			Path file = examples.resolve(files.get(i));
			jobs.addFile(fhir, i + 1, files.get(i), file.toAbsolutePath().toString(),
					files.get(i).endsWith(".ndjson") ? "ndjson" : "bundle", Files.size(file));
		}
		ImportJob hospital = runner.run(fhir, store, () -> false);
		StringWriter fhirReport = new StringWriter();
		jobs.writeRejections(fhir, fhirReport);
		assertThat(hospital.rejected()).as(fhirReport.toString()).isZero();
		assertThat(hospital.read()).isEqualTo(6);
	}

	@Test
	void aFileThatIsNoBundleIsRefusedAndTheNextFileImported() throws IOException {
		Path notBundle = Files.writeString(dir.resolve("one.json"), "{\"resourceType\":\"Patient\",\"id\":\"x\"}");
		Path good = Files.writeString(dir.resolve("good.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"refused-next-1\"}\n");
		long id = jobs.create("test", "cli", "440106-H001", false, 10);
		jobs.addFile(id, 1, "one.json", notBundle.toString(), "bundle", Files.size(notBundle));
		jobs.addFile(id, 2, "good.ndjson", good.toString(), "ndjson", Files.size(good));
		ImportJob job = runner.run(id, store, () -> false);
		assertThat(job.status()).isEqualTo(ImportStatus.DONE);
		assertThat(job.files()).extracting(ImportJob.File::status).containsExactly("refused", "done");
		assertThat(List.of(job.read(), job.created(), job.rejected())).containsExactly(2L, 1L, 1L);
		assertThat(job.percent()).isEqualTo(100);
	}

}
