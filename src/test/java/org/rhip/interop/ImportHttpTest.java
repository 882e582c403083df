package org.rhip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk import through the JSON API over real HTTP: upload, poll the job to its end, fetch the error report. */
class ImportHttpTest extends IntegrationTest {

	@Autowired
	SecurityApi security;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private String token(Role role, String institution) {
		return security.createToken("imp-" + role.key() + "-" + System.nanoTime(), role, null, institution);
	}

	private HttpResponse<String> post(String token, String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Polls a job until it has finished. */
	private JsonNode finished(String token, String location) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (true) {
			HttpResponse<String> response = get(token, location);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode job = json.readTree(response.body());
			String status = job.get("status").asString();
			if (status.equals("done") || status.equals("failed") || status.equals("cancelled")) {
				return job;
			}
			assertThat(Instant.now()).as("job still " + status).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	@Test
	void anNdjsonBodyIsAcceptedThenPolledToItsEndAndItsRejectionsDownloaded() throws IOException, InterruptedException {
		String hospital = token(Role.DOCTOR, "440106-H001");
		String ndjson = """
				{"resourceType":"Patient","id":"http-p1","gender":"male"}
				{"resourceType":"Observation","id":"http-o1","status":"final","code":{"coding":[{"system":"http://example.org/local","code":"w"}]}}
				{"resourceType":"Patient","id":"http-p2","gender":
				{"resourceType":"Observation","id":"http-o2","status":"final","code":{"text":"weight"},"subject":{"reference":"Patient/http-p1"}}
				""";
		HttpResponse<String> accepted = post(hospital, "/api/imports", "application/fhir+ndjson", ndjson.getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/api/imports/\\d+");
		assertThat(json.readTree(accepted.body()).get("institution").asString()).isEqualTo("440106-H001");

		JsonNode job = finished(hospital, location);
		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("percent").asInt()).isEqualTo(100);
		assertThat(job.get("read").asLong()).isEqualTo(4);
		assertThat(job.get("created").asLong()).isEqualTo(2);
		assertThat(job.get("rejected").asLong()).isEqualTo(2);

		HttpResponse<String> errors = get(hospital, location + "/errors");
		assertThat(errors.statusCode()).isEqualTo(200);
		assertThat(errors.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(errors.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(errors.body().replace("\uFEFF", "").lines().toList()).hasSize(3)
			.startsWith("file,line,resource,id,path,reason")
			.anySatisfy(l -> assertThat(l).startsWith("body.ndjson,2,Observation,http-o1,Observation.code.coding[0].system,unknown code system"))
			.anySatisfy(l -> assertThat(l).startsWith("body.ndjson,3,Patient,http-p2,,not valid JSON"));

		HttpResponse<String> mine = get(hospital, "/api/imports");
		assertThat(json.readTree(mine.body()).get(0).get("id").asLong()).isEqualTo(job.get("id").asLong());
	}

	@Test
	void aCsvFileUploadedAsMultipartIsReadByItsTemplate() throws IOException, InterruptedException {
		String clinic = token(Role.CLERK, "440106-H001");
		String body17 = "44010619900315542";
		String idNumber = body17 + org.rhip.platform.id.ResidentIdNumber.checkCharacter(body17);
		byte[] csv = ("身份证号,姓名,性别,出生日期\n" + idNumber + ",陈小梅,女,1990-03-15\n" + idNumber + ",陈小梅,女,1990-03-16\n")
			.getBytes(CsvGb18030.CHARSET);
		String boundary = "----rhip" + System.nanoTime();
		ByteArrayOutputStream multipart = new ByteArrayOutputStream();
		multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"居民2025.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		multipart.write(csv);
		multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> accepted = post(clinic, "/api/imports", "multipart/form-data; boundary=" + boundary,
				multipart.toByteArray());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		JsonNode job = finished(clinic, accepted.headers().firstValue("Location").orElseThrow());
		assertThat(job.get("files").get(0).get("format").asString()).isEqualTo("csv-patients");
		assertThat(job.get("created").asLong()).isEqualTo(1);
		assertThat(job.get("rejected").asLong()).isEqualTo(1);
		String errors = get(clinic, "/api/imports/" + job.get("id").asLong() + "/errors").body();
		assertThat(errors).contains(",3,Patient,,出生日期,does not match the birth date in the ID number").doesNotContain(idNumber);
	}

	@Test
	void onlyRolesThatWriteRecordsImportAndOnlyForTheirInstitution() throws IOException, InterruptedException {
		byte[] one = "{\"resourceType\":\"Patient\",\"id\":\"never\"}\n".getBytes(StandardCharsets.UTF_8);
		assertThat(post(token(Role.ANALYST, null), "/api/imports?institution=440106-H001", "application/fhir+ndjson", one)
			.statusCode()).isEqualTo(403);
		HttpResponse<String> other = post(token(Role.DOCTOR, "440106-H001"), "/api/imports?institution=440106-H002",
				"application/fhir+ndjson", one);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(json.readTree(other.body()).get("field").asString()).isEqualTo("institution");
		HttpResponse<String> noInstitution = post(token(Role.ADMIN, null), "/api/imports", "application/fhir+ndjson", one);
		assertThat(noInstitution.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noInstitution.body()).get("field").asString()).isEqualTo("institution");
		HttpResponse<String> noTemplate = post(token(Role.ADMIN, null), "/api/imports?institution=440106-H001", "text/csv", one);
		assertThat(noTemplate.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noTemplate.body()).get("field").asString()).isEqualTo("template");
	}

	@Test
	void aJobIsSeenOnlyByWhoStartedIt() throws IOException, InterruptedException {
		String admin = token(Role.ADMIN, null);
		HttpResponse<String> accepted = post(admin, "/api/imports?institution=440106-H001", "application/fhir+ndjson",
				"{\"resourceType\":\"Patient\",\"id\":\"seen-1\"}\n".getBytes(StandardCharsets.UTF_8));
		String location = accepted.headers().firstValue("Location").orElseThrow();
		finished(admin, location);
		String stranger = token(Role.CLERK, "440106-H001");
		assertThat(get(stranger, location).statusCode()).isEqualTo(404);
		assertThat(get(stranger, location + "/errors").statusCode()).isEqualTo(404);
		assertThat(get(stranger, "/api/imports").body()).isEqualTo("[]");
	}

	/** The encoding Excel saves Chinese CSV files in. */
	static final class CsvGb18030 {

		static final java.nio.charset.Charset CHARSET = java.nio.charset.Charset.forName("GB18030");

	}

}
