package org.rhip.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;
import org.rhip.support.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveillance through its JSON API, as a hospital's reporting system, a sentinel feed and a CDC
 * epidemiologist use it: report cards checked field by field, duplicates found, a class-A case
 * signalled at once, the signal answered step by step.
 */
class SurveillanceHttpTest extends IntegrationTest {

	private static final String STREET = "440106007"; // 石牌街道

	private static final String HOSPITAL = "440106-H001";

	private static final String CHC = "440106-C001";

	@Autowired
	SecurityApi security;

	@Autowired
	SurveillanceApi surveillance;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aCardIsStoredWithItsTimelinessAndWithoutTheIdNumber() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		OffsetDateTime diagnosed = now().minusHours(30);
		HttpResponse<String> response = send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", idNumber("440106", "19800102", "123"), STREET, diagnosed.toLocalDate(), diagnosed, HOSPITAL));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode card = json.readTree(response.body());
		assertThat(card.get("status").asString()).isEqualTo("active");
		assertThat(card.get("reportLimitHours").asInt()).isEqualTo(24);
		assertThat(card.get("onTime").asBoolean()).isFalse();
		assertThat(card.get("sex").asString()).isEqualTo("male");
		assertThat(card.get("ageYears").asInt()).isGreaterThanOrEqualTo(45);
		assertThat(response.body()).doesNotContain("19800102").doesNotContain("idNumber").doesNotContain("idHash");
	}

	@Test
	void badCardsAreRejectedNamingTheField() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		OffsetDateTime diagnosed = now().minusHours(2);
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", null, STREET, diagnosed.toLocalDate().plusDays(1), diagnosed, HOSPITAL)), "onsetDate");
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("ebola-x", null, STREET, null, diagnosed, HOSPITAL)), "disease");
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", null, "4401", null, diagnosed, HOSPITAL)), "orgUnit");
		String body = "44010619900101123";
		char wrong = ResidentIdNumber.checkCharacter(body) == '1' ? '2' : '1';
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", body + wrong, STREET, null, diagnosed, HOSPITAL)), "idNumber");
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", null, STREET, null, now().plusDays(2), HOSPITAL)), "diagnosisTime");
		assertRejected(send("POST", "/api/surveillance/cases", clerk,
				card("hepatitis", null, STREET, null, diagnosed, "nowhere-H9")), "institution");
	}

	@Test
	void theSamePersonReportedByTwoInstitutionsIsKeptOnceInTheCounts() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		String id = idNumber("440106", "19920315", "246");
		OffsetDateTime first = now().minusDays(3);
		JsonNode a = json.readTree(send("POST", "/api/surveillance/cases", clerk,
				card("syphilis", id, STREET, null, first, HOSPITAL)).body());
		JsonNode b = json.readTree(send("POST", "/api/surveillance/cases", clerk,
				card("syphilis", id, STREET, null, first.plusDays(1), CHC)).body());
		assertThat(a.get("duplicateOf").isNull()).isTrue();
		assertThat(b.get("duplicateOf").asLong()).isEqualTo(a.get("id").asLong());
	}

	@Test
	void aClassACaseIsSignalledAtOnceAsARedAlertAndTheEpidemiologistIsTold() throws Exception {
		security.createUser("epi-shipai-" + System.nanoTime() % 100000, "石牌街道流调员", "a-long-password",
				Role.EPIDEMIOLOGIST, "440106");
		String clerk = token(Role.CLERK, "440106");
		HttpResponse<String> reported = send("POST", "/api/surveillance/cases", clerk,
				card("cholera", null, "440106011", null, now().minusHours(1), HOSPITAL));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		assertThat(json.readTree(reported.body()).get("reportLimitHours").asInt()).isEqualTo(2);

		String epi = token(Role.EPIDEMIOLOGIST, "440106");
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		JsonNode signals = json.readTree(send("GET", "/api/surveillance/signals?orgUnit=440106011&from=" + today.minusDays(1)
				+ "&to=" + today.plusDays(1), epi, null).body());
		JsonNode cholera = first(signals, "cholera");
		assertThat(cholera.get("classA").asBoolean()).isTrue();
		assertThat(cholera.get("methods").toString()).contains("fixed");
		assertThat(cholera.get("alertLevel").asString()).isEqualTo("red");

		JsonNode alerts = json.readTree(send("GET", "/api/surveillance/alerts?orgUnit=440106&from=" + today.minusDays(1)
				+ "&to=" + today.plusDays(1), epi, null).body());
		assertThat(alerts.toString()).contains("\"level\":\"red\"").contains("\"group\":\"intestinal\"");

		long deadline = System.currentTimeMillis() + 10_000;
		while (WebhookReceiver.bodies().stream().noneMatch(b -> b.contains("\"subject\":\"cholera\""))
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(WebhookReceiver.bodies()).anySatisfy(b -> assertThat(b).contains("\"subject\":\"cholera\"")
			.contains("霍乱").contains("\"classA\":true").doesNotContain("idNumber"));
		List<Notification> told = surveillance.notifications(security.users().stream()
			.filter(u -> u.username().startsWith("epi-shipai-"))
			.findFirst()
			.map(u -> new RhipPrincipal(u.username(), Role.EPIDEMIOLOGIST, Optional.of("440106"), false))
			.orElseThrow());
		assertThat(told).anySatisfy(n -> assertThat(n.message()).contains("霍乱").contains("元岗街道"));
	}

	@Test
	void aSignalMovesOnlyAlongItsWorkflowAndKeepsItsTimeline() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		send("POST", "/api/surveillance/cases", clerk, card("plague", null, "440106013", null, now().minusHours(1), CHC));
		String epi = token(Role.EPIDEMIOLOGIST, "440106");
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		long id = first(json.readTree(send("GET", "/api/surveillance/signals?orgUnit=440106013&from=" + today.minusDays(1)
				+ "&to=" + today.plusDays(1), epi, null).body()), "plague").get("id").asLong();
		String path = "/api/surveillance/signals/" + id;

		assertRejected(send("POST", path + "/status", epi, "{\"status\":\"closed\"}"), "status");
		assertThat(send("POST", path + "/status", clerk, "{\"status\":\"verifying\"}").statusCode()).isEqualTo(403);
		assertThat(send("POST", path + "/status", epi, "{\"status\":\"verifying\"}").statusCode()).isEqualTo(200);
		assertThat(send("POST", path + "/notes", epi, "{\"note\":\"已电话核实报告医生，患者在院隔离\"}").statusCode()).isEqualTo(200);
		assertThat(send("POST", path + "/status", epi, "{\"status\":\"suspected_event\"}").statusCode()).isEqualTo(200);
		assertRejected(send("POST", path + "/status", epi, "{\"status\":\"confirmed_event\"}"), "note");
		assertThat(send("POST", path + "/status", epi, "{\"status\":\"confirmed_event\",\"note\":\"实验室确诊\"}").statusCode())
			.isEqualTo(200);
		assertThat(send("POST", path + "/status", epi, "{\"status\":\"closed\"}").statusCode()).isEqualTo(200);

		JsonNode detail = json.readTree(send("GET", path, epi, null).body());
		assertThat(detail.get("signal").get("status").asString()).isEqualTo("CLOSED");
		assertThat(detail.get("signal").get("firstResponseAt").isNull()).isFalse();
		JsonNode timeline = detail.get("timeline");
		assertThat(timeline.size()).isEqualTo(6);
		assertThat(timeline.get(0).get("action").asString()).isEqualTo("raised");
		assertThat(timeline.get(2).get("note").asString()).contains("隔离");
	}

	@Test
	void aRevisionAndADeletionKeepEveryVersion() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		OffsetDateTime diagnosed = now().minusHours(5);
		String cardNo = json.readTree(send("POST", "/api/surveillance/cases", clerk,
				card("mumps", null, STREET, null, diagnosed, CHC)).body()).get("cardNo").asString();
		String revised = "{\"reason\":\"实验室检测后订正\",\"card\":" + card("rubella", null, STREET, null, diagnosed, CHC) + "}";
		HttpResponse<String> response = send("PUT", "/api/surveillance/cases/" + cardNo, clerk, revised);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("disease").asString()).isEqualTo("rubella");
		assertRejected(send("DELETE", "/api/surveillance/cases/" + cardNo, clerk, null), "reason");
		assertThat(send("DELETE", "/api/surveillance/cases/" + cardNo + "?reason=" + java.net.URLEncoder
			.encode("重卡", java.nio.charset.StandardCharsets.UTF_8), clerk, null).statusCode()).isEqualTo(200);
		JsonNode history = json.readTree(send("GET", "/api/surveillance/cases/" + cardNo + "/history", clerk, null).body());
		assertThat(history.size()).isEqualTo(3);
		assertThat(history.get(0).get("snapshot").asString()).contains("mumps");
		assertThat(history.get(1).get("reason").asString()).isEqualTo("实验室检测后订正");
		assertThat(history.get(2).get("action").asString()).isEqualTo("delete");
	}

	@Test
	void aNotifiableDiagnosisBecomesADraftForTheDoctorToConfirm() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		String patient = card(null, null, STREET, null, now().minusHours(3), HOSPITAL);
		HttpResponse<String> draft = send("POST", "/api/surveillance/cases/drafts", clerk,
				"{\"icd10\":\"B05.9\",\"patient\":" + patient + "}");
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		JsonNode card = json.readTree(draft.body());
		assertThat(card.get("disease").asString()).isEqualTo("measles");
		assertThat(card.get("status").asString()).isEqualTo("draft");
		HttpResponse<String> confirmed = send("POST", "/api/surveillance/cases/" + card.get("cardNo").asString() + "/confirm",
				clerk, null);
		assertThat(json.readTree(confirmed.body()).get("status").asString()).isEqualTo("active");
		assertThat(json.readTree(confirmed.body()).get("onTime").asBoolean()).isTrue();

		HttpResponse<String> asthma = send("POST", "/api/surveillance/cases/drafts", clerk,
				"{\"icd10\":\"J45\",\"patient\":" + patient + "}");
		assertThat(asthma.statusCode()).isEqualTo(200);
		assertThat(asthma.body()).contains("\"notifiable\":false");
	}

	@Test
	void sentinelCountsKeepTheGoodRowsAndListTheBadOnesByLine() throws Exception {
		String clerk = token(Role.CLERK, "440106");
		LocalDate day = LocalDate.now().minusDays(2);
		String csv = "date,source,syndrome,orgUnit,count\n" + day + ",school,fever," + STREET + ",12\n" + day
				+ ",school,fever," + STREET + ",-3\n" + day + ",school,measles," + STREET + ",4\n" + day
				+ ",fever-clinic,ili,440203001,5\n" + day + ",fever-clinic,ili," + STREET + ",2.5\n" + day.plusDays(5)
				+ ",fever-clinic,ili," + STREET + ",7\n" + day + ",fever-clinic,ili," + STREET + ",9\n";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/surveillance/counts")))
			.header("Authorization", "Bearer " + clerk)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json.readTree(response.body());
		assertThat(result.get("stored").asInt()).isEqualTo(2);
		assertThat(result.get("rejected").toString()).contains("{\"line\":3,\"field\":\"count\"")
			.contains("{\"line\":4,\"field\":\"syndrome\"")
			.contains("{\"line\":5,\"field\":\"orgUnit\"")
			.contains("{\"line\":6,\"field\":\"count\"")
			.contains("{\"line\":7,\"field\":\"date\"");
	}

	@Test
	void anAnalystReadsButDoesNotReport() throws Exception {
		String analyst = token(Role.ANALYST, null);
		assertThat(send("POST", "/api/surveillance/cases", analyst,
				card("hepatitis", null, STREET, null, now().minusHours(1), HOSPITAL)).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/surveillance/diseases", analyst, null).body()).contains("手足口病");
	}

	// helpers

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
	}

	private static String idNumber(String area, String birth, String sequence) {
		String body = area + birth + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

	private static String card(String disease, String idNumber, String orgUnit, LocalDate onset, OffsetDateTime diagnosed,
			String institution) {
		return "{" + (disease == null ? "" : "\"disease\":\"" + disease + "\",") + "\"classification\":\"clinical\","
				+ (idNumber == null ? "\"sex\":\"female\",\"ageYears\":34," : "\"idNumber\":\"" + idNumber + "\",")
				+ "\"occupation\":\"教师\",\"orgUnit\":\"" + orgUnit + "\","
				+ (onset == null ? "" : "\"onsetDate\":\"" + onset + "\",") + "\"diagnosisTime\":\"" + diagnosed + "\","
				+ "\"institution\":\"" + institution + "\",\"doctor\":\"李医生\"}";
	}

	private JsonNode first(JsonNode signals, String subject) {
		for (JsonNode s : signals) {
			if (s.get("subject").asString().equals(subject)) {
				return s;
			}
		}
		throw new AssertionError("no signal for " + subject + " in " + signals);
	}

	private String token(Role role, String orgUnit) {
		return security.createToken("surv-" + role.key() + "-" + System.nanoTime(), role, orgUnit);
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		return bearer(method, path, token, body);
	}

	private void assertRejected(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"" + field + "\"");
	}

}
