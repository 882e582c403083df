package org.rhip.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console through real HTTP, as a browser without JavaScript uses it: a session cookie, the
 * CSRF token taken from the forms, Chinese by default.
 */
class ConsoleHttpTest extends IntegrationTest {

	private static final String TIANHE = "tianhe-2021-2025";


	@Autowired
	SecurityApi security;

	@Test
	void adminSignsInAndSeesThePlans() throws Exception {
		HttpClient client = signedIn("admin", ADMIN_PASSWORD);

		HttpResponse<String> plans = get(client, "/");

		assertThat(plans.statusCode()).isEqualTo(200);
		assertThat(plans.body()).contains("天河区卫生健康事业发展", "/plans/" + TIANHE, "系统管理员");
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		HttpClient client = sessionClient();
		HttpResponse<String> login = post(client, "/login", csrf(get(client, "/login").body()),
				Map.of("username", "admin", "password", "not-the-password"));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(get(client, "/login?error").body()).contains("用户名或密码错误");
	}

	@Test
	void enteringANonNumberIsRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
		HttpClient client = signedIn("admin", ADMIN_PASSWORD);
		String form = "/entry/" + TIANHE + "?orgUnit=440106&year=2022";
		String token = csrf(get(client, form).body());

		HttpResponse<String> refused = post(client, "/entry/" + TIANHE, token, Map.of("orgUnit", "440106", "year", "2022",
				"v.LIFE_EXPECTANCY", "83.1", "v.HEALTH_LITERACY", "abc"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"entry-failed\"")
			.containsPattern("data-field=\"HEALTH_LITERACY\">“abc”不是数字<")
			.containsPattern("name=\"v.HEALTH_LITERACY\"\\s+value=\"abc\"")
			.containsPattern("name=\"v.LIFE_EXPECTANCY\"\\s+value=\"83.1\"");
		// the good value of the same form was not stored either
		String again = get(client, form).body();
		assertThat(again).doesNotContain("id=\"entry-saved\"");
		assertThat(currentValue(again, "LIFE_EXPECTANCY")).isEqualTo("—");
		assertThat(dashboardRow(client, 2022, "人均期望寿命")).doesNotContain("83.10");
	}

	@Test
	void aGoodEntryIsSavedAndShownOnTheDashboard() throws Exception {
		HttpClient client = signedIn("admin", ADMIN_PASSWORD);
		String token = csrf(get(client, "/entry/" + TIANHE + "?orgUnit=440106&year=2021").body());

		HttpResponse<String> saved = post(client, "/entry/" + TIANHE, token,
				Map.of("orgUnit", "440106", "year", "2021", "v.HEALTH_LITERACY", "41.25"));

		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		String form = get(client, URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery()).body();
		assertThat(form).contains("已保存 1 个数值");
		assertThat(currentValue(form, "HEALTH_LITERACY")).isEqualTo("41.25");
		// entered values come before the demo values, whether or not those are loaded
		String row = dashboardRow(client, 2021, "居民健康素养水平");
		assertThat(row).contains(">41.25<", ">填报<");
	}

	@Test
	void anAnalystMayNotEnterData() throws Exception {
		createUnlessThere("analyst-http", "analyst-password-1", Role.ANALYST);
		HttpClient client = signedIn("analyst-http", "analyst-password-1");
		String home = get(client, "/").body();
		assertThat(home).doesNotContain("href=\"/entry");

		HttpResponse<String> post = post(client, "/entry/" + TIANHE, csrf(home),
				Map.of("orgUnit", "440106", "year", "2021", "v.HEALTH_LITERACY", "50"));

		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(get(client, "/entry/" + TIANHE).statusCode()).isEqualTo(403);
	}

	@Test
	void aClerkEntersDataOnlyWithinTheirStreet() throws Exception {
		createUnlessThere("clerk-tianhenan", "clerk-password-2", Role.CLERK, "440106001");
		HttpClient clerk = signedIn("clerk-tianhenan", "clerk-password-2");
		String form = get(clerk, "/entry/" + TIANHE + "?year=2021").body();
		assertThat(form).contains("value=\"440106001\"").doesNotContain("<option value=\"440106\"");

		HttpResponse<String> outside = post(clerk, "/entry/" + TIANHE, csrf(form),
				Map.of("orgUnit", "440106", "year", "2021", "v.HEALTH_LITERACY", "60"));

		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("data-field=\"orgUnit\">填报单位 440106 不在您的填报范围（440106001）之内<");
	}

	@Test
	void theRegistryRefusesANonNumberNextToItsFieldAndOnlyAdministratorsSave() throws Exception {
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);
		String page = "/registry/institutions/440106-H001?year=2020";
		String before = get(admin, page).body();

		HttpResponse<String> refused = post(admin, "/registry/institutions/440106-H001", csrf(before),
				Map.of("year", "2020", "beds", "六百", "nurses", "700"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).containsPattern("data-field=\"beds\">“六百”不是非负整数<")
			.containsPattern("name=\"beds\"\\s+value=\"六百\"");
		// the good value of the same form was not stored either
		assertThat(before).containsPattern("name=\"nurses\"\\s+value=\"610\"");
		assertThat(get(admin, page).body()).containsPattern("name=\"nurses\"\\s+value=\"610\"");

		createUnlessThere("analyst-registry", "analyst-password-2", Role.ANALYST);
		HttpClient analyst = signedIn("analyst-registry", "analyst-password-2");
		HttpResponse<String> forbidden = post(analyst, "/registry/institutions/440106-H001", csrf(get(analyst, page).body()),
				Map.of("year", "2020", "beds", "1"));
		assertThat(forbidden.statusCode()).isEqualTo(403);
	}

	@Test
	void anAdministratorCreatesAUserAndMistakesAreShownByField() throws Exception {
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);
		String token = csrf(get(admin, "/admin/users").body());

		HttpResponse<String> refused = post(admin, "/admin/users", token, Map.of("username", "clerk-tianhe",
				"displayName", "天河填报员", "password", "short", "role", "clerk", "orgUnit", "440106"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("data-field=\"password\">密码至少需要 10 个字符<", "value=\"clerk-tianhe\"");

		HttpResponse<String> created = post(admin, "/admin/users", token, Map.of("username", "clerk-tianhe",
				"displayName", "天河填报员", "password", "clerk-password-1", "role", "clerk", "orgUnit", "440106"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(get(admin, "/admin/users").body()).contains("已创建用户 clerk-tianhe", ">天河填报员<");
		assertThat(get(signedIn("clerk-tianhe", "clerk-password-1"), "/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void theMidTermReportDownloadsAsAnXlsxWorkbook() throws Exception {
		HttpClient client = signedIn("admin", ADMIN_PASSWORD);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/plans/" + TIANHE + "/report.xlsx?year=2023"))).GET().build();

		HttpResponse<byte[]> report = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		assertThat(report.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
			.startsWith("attachment;").contains("filename=\"tianhe-2021-2025-2023.xlsx\"", "filename*=UTF-8''%E5%A4%A9"));
		assertThat(report.body()).startsWith('P', 'K');
	}

	// --- helpers ---------------------------------------------------------------------------------

	private void createUnlessThere(String username, String password, Role role) {
		createUnlessThere(username, password, role, null);
	}

	private void createUnlessThere(String username, String password, Role role, String orgUnit) {
		try {
			security.createUser(username, username, password, role, orgUnit);
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
	}


	/** The "current value" cell of a data element in the entry form. */
	private static String currentValue(String form, String dataElement) {
		int at = form.indexOf("<div class=\"code\">" + dataElement + "</div>");
		assertThat(at).as("data element " + dataElement + " in the form").isPositive();
		Matcher m = Pattern.compile("<td class=\"num current\">([^<]*)</td>").matcher(form);
		assertThat(m.find(at)).isTrue();
		return m.group(1);
	}

	/** The HTML of the dashboard row with this name. */
	private String dashboardRow(HttpClient client, int year, String name) throws IOException, InterruptedException {
		HttpResponse<String> page = get(client, "/plans/" + TIANHE + "?year=" + year);
		assertThat(page.statusCode()).isEqualTo(200);
		for (String row : page.body().split("<tr class=\"indicator-row")) {
			if (row.contains(">" + name + "<")) {
				return row.substring(0, row.indexOf("</tr>"));
			}
		}
		throw new AssertionError("no row " + name + " on the " + year + " dashboard");
	}

}
