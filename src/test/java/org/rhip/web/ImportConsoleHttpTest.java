package org.rhip.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import pages of the console through real HTTP, as a data clerk of Xinyi (信宜市) uploads a CSV
 * of residents for the city hospital: the form's refusals next to their fields, the job page that
 * polls the JSON API, the counts, and the error report of the one row it rejected.
 */
class ImportConsoleHttpTest extends IntegrationTest {

	private static final String HOSPITAL = "440983-H001"; // 信宜市人民医院

	@Autowired
	SecurityApi security;

	@Test
	void aClerkUploadsACsvOfResidentsAndDownloadsTheErrorReport() throws Exception {
		HttpClient clerk = user("clerk-xinyi-imports", "clerk-password-4", Role.CLERK, "440983");
		HttpResponse<String> page = get(clerk, "/imports?lang=zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("批量导入", ">数据导入<", "数据来源机构", "信宜市人民医院 (440983-H001)", "CSV：居民",
				"enctype=\"multipart/form-data\"", "还没有导入任务").doesNotContain("440106-H001");
		String token = csrf(page.body());
		String good1 = idNumber("19610402", "115");
		String good2 = idNumber("19790915", "226");
		String bad = idNumber("19830101", "337");
		bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
		String csv = "身份证号,姓名,性别,出生日期,联系电话,现住址街道/社区,详细地址,户籍/常住,本机构患者编号,死亡日期\n"
				+ good1 + ",植建军,男,1961-04-02,13700001111,东镇街道,东门路1号,户籍常住,XY-IMP-1,\n"
				+ good2 + ",莫秀梅,女,1979-09-15,,440983002,,常住,XY-IMP-2,\n"
				+ bad + ",庞志远,男,1983-01-01,,东镇街道,,户籍,XY-IMP-3,\n";

		HttpResponse<String> noFile = upload(clerk, token, Map.of("format", "csv-patients", "institution", HOSPITAL), null, null);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(noFile.body()).contains("data-field=\"file\">请选择要上传的文件<");
		HttpResponse<String> noInstitution = upload(clerk, token, Map.of("format", "csv-patients", "institution", ""),
				"residents.csv", csv);
		assertThat(noInstitution.statusCode()).isEqualTo(400);
		assertThat(noInstitution.body()).contains("data-field=\"institution\">请选择数据来源机构<");
		HttpResponse<String> elsewhere = upload(clerk, token, Map.of("format", "csv-patients", "institution", "440106-H001"),
				"residents.csv", csv);
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.body()).contains("data-field=\"institution\">该机构不在您的辖区内<");

		HttpResponse<String> accepted = upload(clerk, token, Map.of("format", "csv-patients", "institution", HOSPITAL),
				"residents.csv", csv);
		assertThat(accepted.statusCode()).isEqualTo(302);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		Matcher m = Pattern.compile("/imports/(\\d+)$").matcher(location);
		assertThat(m.find()).as(location).isTrue();
		long job = Long.parseLong(m.group(1));

		String jobPage = get(clerk, "/imports/" + job).body();
		assertThat(jobPage).contains("导入任务 #" + job + " · 信宜市人民医院", "data-src=\"/api/imports/" + job + "\"",
				"/js/imports.js", "<progress", "residents.csv", "CSV：居民", "data-status-done=\"已完成\"")
			.doesNotContain("<script>");
		waitUntilFinished(clerk, job);

		String done = get(clerk, "/imports/" + job).body();
		assertThat(done).contains("data-status=\"done\"", "已完成", "100%", "下载错误报告（CSV）",
				"href=\"/api/imports/" + job + "/errors\"");
		assertThat(done).containsPattern("data-count=\"read\">3<").containsPattern("data-count=\"created\">2<")
			.containsPattern("data-count=\"rejected\"[^>]*>1<");
		assertThat(done).doesNotContain(good1).doesNotContain(bad);
		HttpResponse<String> report = get(clerk, "/api/imports/" + job + "/errors");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("residents.csv").doesNotContain(bad).doesNotContain("庞志远");
		assertThat(report.body().strip().split("\n")).hasSize(2);

		assertThat(get(clerk, "/imports").body()).contains("data-job=\"" + job + "\"", "任务 #" + job, "residents.csv", "已完成");
		assertThat(get(clerk, "/imports/" + job + "?lang=en").body()).contains("Import job #" + job, "Done",
				"Download the error report (CSV)", "CSV: patients");
		assertThat(get(clerk, "/imports?lang=en").body()).contains("Bulk import", "Upload and import", "My import jobs");

		// someone else's job is not found; an analyst does not import at all
		HttpClient other = user("clerk-xinyi-imports-2", "clerk-password-4", Role.CLERK, "440983");
		assertThat(get(other, "/imports/" + job).statusCode()).isEqualTo(404);
		HttpClient analyst = user("analyst-imports", "analyst-password-4", Role.ANALYST, null);
		assertThat(get(analyst, "/imports").statusCode()).isEqualTo(403);
		assertThat(get(analyst, "/").body()).doesNotContain("href=\"/imports\"");
	}

	private void waitUntilFinished(HttpClient client, long job) throws Exception {
		Instant until = Instant.now().plusSeconds(30);
		String body = "";
		while (Instant.now().isBefore(until)) {
			body = get(client, "/api/imports/" + job, "Accept", "application/json").body();
			// the job's own status comes first (its files have one too)
			if (body.matches("(?s)\\{\"id\":\\d+,\"status\":\"(done|failed|cancelled)\".*")) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(body).startsWith("{\"id\":" + job + ",\"status\":\"done\",\"percent\":100");
	}

	/** A multipart form POST as a browser sends it, the CSRF token among the fields. */
	private HttpResponse<String> upload(HttpClient client, String csrf, Map<String, String> fields, String fileName,
			String content) throws Exception {
		String boundary = "----rhip" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		for (Map.Entry<String, String> f : all.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
					+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		// an empty file input is sent as a part without a file name, as browsers do
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ (fileName == null ? "" : fileName) + "\"\r\nContent-Type: " + (fileName == null ? "application/octet-stream" : "text/csv")
				+ "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		if (content != null) {
			body.write(content.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/imports")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpClient user(String username, String password, Role role, String orgUnit) throws Exception {
		try {
			security.createUser(username, username, password, role, orgUnit);
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		return signedIn(username, password);
	}

	private static String idNumber(String birth, String sequence) {
		String body = "440983" + birth + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
