package org.rhip.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Users are created by admins only, with a hashed password, and a clerk needs an org unit. */
class UserHttpTest extends IntegrationTest {

	@Autowired
	SecurityApi security;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAdminCreatesAClerkForAStreet() throws Exception {
		String admin = security.createToken("user-admin-" + System.nanoTime(), Role.ADMIN, null);
		HttpResponse<String> created = post(admin, "{\"username\":\"clerk-huimin\",\"displayName\":\"惠民街道填报员\","
				+ "\"password\":\"a-long-password\",\"role\":\"clerk\",\"orgUnit\":\"440203001\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(url("/api/users")))
			.header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.body()).contains("clerk-huimin").contains("440203001").doesNotContain("$2a$");
	}

	@Test
	void aClerkWithoutAnOrgUnitIsRejectedNamingTheField() throws Exception {
		String admin = security.createToken("user-admin-" + System.nanoTime(), Role.ADMIN, null);
		HttpResponse<String> response = post(admin,
				"{\"username\":\"clerk-nowhere\",\"password\":\"a-long-password\",\"role\":\"clerk\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"orgUnit\"");
	}

	@Test
	void anAnalystMayNotCreateUsers() throws Exception {
		String analyst = security.createToken("user-analyst-" + System.nanoTime(), Role.ANALYST, null);
		assertThat(post(analyst, "{\"username\":\"x1\",\"password\":\"a-long-password\",\"role\":\"admin\"}").statusCode())
			.isEqualTo(403);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/users")))
			.header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
	}

	private HttpResponse<String> post(String token, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url("/api/users")))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
