package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.platform.db.DatabaseProperties;
import org.rhip.platform.db.RhipDatabase;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code import} command end to end: generated NDJSON and CSV files imported by the command line
 * into the database the test server runs on, then read back; exit codes 0 (with rejected records),
 * 1 (the import could not finish) and 2 (usage).
 */
class ImportEndToEndTest extends IntegrationTest {

	private static final Pattern JOB = Pattern.compile("import job (\\d+): (\\w+)");

	@Autowired
	RhipDatabase database;

	@Autowired
	DatabaseProperties properties;

	@Autowired
	SecurityApi security;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private String token;

	@TempDir
	Path dir;

	/** The command line on the server's database and keys. */
	private CommandRun rhip(String... args) {
		List<String> all = new ArrayList<>(List.of("--data-dir", properties.dataDir().toString(), "--db-url",
				database.url() + "?user=" + database.user() + "&password="
						+ URLEncoder.encode(database.password() == null ? "" : database.password(), StandardCharsets.UTF_8)));
		all.addAll(List.of(args));
		return CommandRun.of(all.toArray(String[]::new));
	}

	private static String idNumber(String body17) {
		return body17 + ResidentIdNumber.checkCharacter(body17);
	}

	/** A FHIR read or search as a doctor of the importing hospital: status and body. */
	private HttpResponse<String> fhir(String path) throws IOException, InterruptedException {
		if (token == null) {
			token = security.createToken("e2e-" + System.nanoTime(), Role.DOCTOR, null, "440106-H001");
		}
		return http.send(HttpRequest.newBuilder(URI.create(url("/fhir" + path))).header("Authorization", "Bearer " + token)
			.header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The total of a FHIR search. */
	private long total(String search) throws IOException, InterruptedException {
		HttpResponse<String> response = fhir(search);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("total").asLong();
	}

	@Test
	void importsGeneratedNdjsonAndCsvThenTheDataIsThereAndAnotherRunChangesNothing() throws IOException, InterruptedException {
		CommandRun generated = rhip("import", "generate-bench", "--resources", "400", "--out", dir.resolve("bench").toString());
		assertThat(generated.code()).as(generated.err()).isZero();
		List<String> files = new ArrayList<>(generated.out().lines().toList());
		assertThat(files).hasSize(6).first().asString().endsWith("Patient.ndjson");
		String mother = idNumber("44010619880808262");
		files.add(Files.writeString(dir.resolve("patients.csv"), """
				本机构患者编号,身份证号,姓名,性别,出生日期,现住址街道/社区
				E2E-1,%s,黄丽,女,1988-08-08,天河南街道
				E2E-2,%s,黄丽,男,1988-08-08,天河南街道
				""".formatted(mother, mother)).toString());
		files.add(Files.writeString(dir.resolve("immunizations.csv"), "本机构患者编号,疫苗编码,剂次,接种日期\nE2E-1,Flu,1,2024-11-02\n")
			.toString());
		List<String> args = new ArrayList<>(List.of("import"));
		args.addAll(files);
		args.addAll(List.of("--institution", "440106-H001", "--errors", dir.resolve("errors.csv").toString(), "--batch", "50"));

		CommandRun first = rhip(args.toArray(String[]::new));
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(first.out()).contains("import job").contains(": done")
			.contains("read 403, created 402, updated 0, unchanged 0, rejected 1")
			.contains("1 rejected record(s): error report in");
		assertThat(Files.readString(dir.resolve("errors.csv")).replace("\uFEFF", "").lines())
			.containsExactly("file,line,resource,id,path,reason", "patients.csv,3,Patient,,性别,does not match the sex the ID number encodes");
		// readable through /fhir
		assertThat(fhir("/Patient/bench-p7").statusCode()).isEqualTo(200);
		assertThat(total("/Observation?subject=Patient/bench-p7")).isEqualTo(9);
		assertThat(total("/Encounter?patient=Patient/bench-p7")).isEqualTo(5);
		assertThat(total("/MedicationRequest?subject=Patient/bench-p7")).isEqualTo(1);
		JsonNode found = json.readTree(fhir("/Patient?identifier=http://rhip.org.cn/fhir/sid/patient-number/440106-H001%7CE2E-1").body());
		assertThat(found.get("total").asLong()).isEqualTo(1);
		String patient = found.get("entry").get(0).get("resource").get("id").asString();
		assertThat(total("/Immunization?patient=Patient/" + patient)).isEqualTo(1);

		CommandRun again = rhip(args.toArray(String[]::new));
		assertThat(again.code()).as(again.err()).isZero();
		assertThat(again.out()).contains("read 403, created 0, updated 0, unchanged 402, rejected 1");
		Matcher job = JOB.matcher(again.out());
		assertThat(job.find()).isTrue();
		CommandRun resumeDone = rhip("import", "--resume", job.group(1));
		assertThat(resumeDone.code()).isEqualTo(2);
		assertThat(resumeDone.err()).contains("is done and cannot be resumed");
	}

	@Test
	void anImportThatCannotFinishExitsWithOneAndSaysHowToResume() throws IOException {
		Path broken = dir.resolve("Observation.ndjson.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
			for (int i = 0; i < 3_000; i++) {
				out.write(("{\"resourceType\":\"Patient\",\"id\":\"gz-" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		byte[] bytes = Files.readAllBytes(broken);
		Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
		CommandRun run = rhip("import", broken.toString(), "--batch", "500");
		assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
		assertThat(run.err().strip()).startsWith("rhip: import job").contains("failed").contains("import --resume").doesNotContain("\n");
		assertThat(run.out()).contains("Observation.ndjson.gz");
		assertThat(run.out()).as("the batches before the break are kept").containsPattern("read [1-9]");
	}

}
