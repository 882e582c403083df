package org.rhip.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rhip.indicator.entry.DataValueRepository;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** The JSON API through real HTTP, with API tokens, against the embedded database. */
class IndicatorHttpTest extends IntegrationTest {

	@Autowired
	SecurityApi security;

	@Autowired
	DataValueRepository values;

	private final HttpClient http = HttpClient.newHttpClient();

	private String analyst;

	private String clerk;

	private String admin;

	@BeforeEach
	void tokens() {
		String suffix = Long.toString(System.nanoTime(), 36);
		analyst = security.createToken("analyst-" + suffix, Role.ANALYST, null);
		// a clerk of the first street of Wujiang
		clerk = security.createToken("clerk-" + suffix, Role.CLERK, "440203001");
		admin = security.createToken("admin-" + suffix, Role.ADMIN, null);
	}

	@Test
	void healthReportsTheDatabase() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/health", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"db\"").contains("\"status\":\"UP\"").contains("PostgreSQL");
	}

	@Test
	void theApiNeedsAuthentication() throws Exception {
		assertThat(send("GET", "/api/plans", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/plans", "rhip_not-a-token", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anAnalystReadsTheEvaluation() throws Exception {
		HttpResponse<String> response = send("GET", "/api/plans/tianhe-2021-2025/evaluation?year=2020", analyst, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"plan\":\"tianhe-2021-2025\"").contains("\"year\":2020")
			.contains("\"baseline\":\"82.7\"").contains("\"target\":\"＞83\"");
	}

	@Test
	void anUnknownPlanIsNotFound() throws Exception {
		HttpResponse<String> response = send("GET", "/api/plans/nowhere-2021-2025", analyst, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("plan.not-found");
	}

	@Test
	void anAnalystMayNotEnterData() throws Exception {
		HttpResponse<String> response = send("POST", "/api/plans/wujiang-2021-2025/values", analyst,
				"{\"orgUnit\":\"440203001\",\"period\":\"2022\",\"values\":{\"HEALTH_LITERACY\":\"30\"}}");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void aClerkEntersDataForTheirStreet() throws Exception {
		HttpResponse<String> response = send("POST", "/api/plans/wujiang-2021-2025/values", clerk,
				"{\"orgUnit\":\"440203001\",\"period\":\"2022\",\"values\":{\"BEDS\":\"1200\",\"POP\":\"90000\"}}");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(values.get("BEDS", "440203001", "2022", "entry")).hasValueSatisfying(
				v -> assertThat(v).isEqualByComparingTo("1200"));
	}

	@Test
	void aClerkCannotEnterDataOutsideTheirScope() throws Exception {
		HttpResponse<String> response = send("POST", "/api/plans/wujiang-2021-2025/values", clerk,
				"{\"orgUnit\":\"440203\",\"period\":\"2022\",\"values\":{\"HEALTH_LITERACY\":\"30\"}}");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"field\":\"orgUnit\"");
	}

	@Test
	void badEntriesAreRejectedNamingTheFieldAndNothingIsSaved() throws Exception {
		// one good value and one that is not a number: neither is stored
		HttpResponse<String> notANumber = send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440203\",\"period\":\"2023\",\"values\":{\"SMOKING_RATE\":\"25\",\"HEALTH_LITERACY\":\"abc\"}}");
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("\"field\":\"HEALTH_LITERACY\"").contains("entry.not-a-number");
		assertThat(values.get("SMOKING_RATE", "440203", "2023", "entry")).isEmpty();

		HttpResponse<String> outOfRange = send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440203\",\"period\":\"2023\",\"values\":{\"HEALTH_LITERACY\":\"130\"}}");
		assertThat(outOfRange.statusCode()).isEqualTo(400);
		assertThat(outOfRange.body()).contains("\"field\":\"HEALTH_LITERACY\"").contains("entry.above-range");

		HttpResponse<String> outsidePlan = send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440203\",\"period\":\"2031\",\"values\":{\"HEALTH_LITERACY\":\"30\"}}");
		assertThat(outsidePlan.statusCode()).isEqualTo(400);
		assertThat(outsidePlan.body()).contains("\"field\":\"period\"").contains("entry.period-outside-plan");

		HttpResponse<String> otherRegion = send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440106\",\"period\":\"2023\",\"values\":{\"HEALTH_LITERACY\":\"30\"}}");
		assertThat(otherRegion.statusCode()).isEqualTo(400);
		assertThat(otherRegion.body()).contains("\"field\":\"orgUnit\"");

		HttpResponse<String> unknownElement = send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440203\",\"period\":\"2023\",\"values\":{\"NO_SUCH_THING\":\"30\"}}");
		assertThat(unknownElement.statusCode()).isEqualTo(400);
		assertThat(unknownElement.body()).contains("\"field\":\"NO_SUCH_THING\"");

		HttpResponse<String> malformed = send("POST", "/api/plans/wujiang-2021-2025/values", admin, "{\"orgUnit\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
	}

	@Test
	void anEnteredValueIsEvaluatedWithSourceEntry() throws Exception {
		assertThat(send("POST", "/api/plans/wujiang-2021-2025/values", admin,
				"{\"orgUnit\":\"440203\",\"period\":\"2024\",\"values\":{\"SMOKING_RATE\":\"21.5\"}}").statusCode())
			.isEqualTo(201);
		HttpResponse<String> evaluation = send("GET", "/api/plans/wujiang-2021-2025/evaluation?year=2024", analyst, null);
		assertThat(evaluation.body()).containsPattern(
				"\"code\":\"SMOKING_RATE\".*?\"actual\":21\\.50,\"source\":\"entry\"");
	}

	@Test
	void aBadPlanFileIsRejectedWithFileLineAndReasonAndNothingIsStored() throws Exception {
		String plan = """
				id: test-bad-plan
				name: 测试规划
				nameEn: Test plan
				region: "440203"
				baselineYear: 2020
				targetYear: 2025
				rows:
				  - no: "1"
				    indicator: LIFE_EXPECTANCY
				    name: 人均期望寿命
				    nameEn: Life expectancy
				    baseline: "78.4"
				    target: "大幅提升"
				    attribute: expected
				""";
		HttpResponse<String> response = sendYaml("/api/plans?file=bad.yaml", admin, plan);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("bad.yaml:13").contains("大幅提升");
		assertThat(send("GET", "/api/plans/test-bad-plan", analyst, null).statusCode()).isEqualTo(404);

		HttpResponse<String> unknown = sendYaml("/api/plans?file=unknown.yaml", admin,
				plan.replace("LIFE_EXPECTANCY", "NO_SUCH_INDICATOR").replace("大幅提升", "＞80"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("unknown.yaml:9").contains("unknown indicator NO_SUCH_INDICATOR");

		HttpResponse<String> good = sendYaml("/api/plans?file=good.yaml", admin, plan.replace("大幅提升", "＞80"));
		assertThat(good.statusCode()).isEqualTo(201);
		assertThat(send("GET", "/api/plans/test-bad-plan/evaluation?year=2020", analyst, null).body())
			.contains("\"baseline\":\"78.4\"");
	}

	@Test
	void onlyAnAdminLoadsPlans() throws Exception {
		assertThat(sendYaml("/api/plans", analyst, "id: x").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> sendYaml(String path, String token, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String token, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
