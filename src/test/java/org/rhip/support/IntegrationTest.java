package org.rhip.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application: the real server on a random port and the real
 * embedded PostgreSQL (data in target/test-data). Every subclass shares one application context, so
 * the database starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rhip.admin-password=" + IntegrationTest.ADMIN_PASSWORD })
public abstract class IntegrationTest {

	private static final Pattern CSRF = Pattern.compile(
			"<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	public static final String ADMIN_PASSWORD = "test-admin-password-1";

	/** A cluster of its own for each test JVM, so that parallel builds never share a database. */
	private static final Path DATA_DIR = newDataDir();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("rhip.db.data-dir", DATA_DIR::toString);
		registry.add("rhip.surveillance.webhook-url", WebhookReceiver::url);
	}

	private static Path newDataDir() {
		try {
			Path target = Path.of("target");
			Files.createDirectories(target);
			return Files.createTempDirectory(target.toAbsolutePath(), "test-data-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A client that keeps cookies, like a browser session. */
	protected HttpClient sessionClient() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A JSON call as an API client makes it, with a bearer token. */
	protected HttpResponse<String> bearer(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return BEARER_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static final HttpClient BEARER_CLIENT = HttpClient.newHttpClient();

	protected HttpResponse<String> get(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A session signed in through the login form, as a browser would. */
	protected HttpClient signedIn(String username, String password) throws IOException, InterruptedException {
		HttpClient client = sessionClient();
		String token = csrf(get(client, "/login").body());
		HttpResponse<String> login = post(client, "/login", token, Map.of("username", username, "password", password));
		assertThat(login.statusCode()).as("login of " + username).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return client;
	}

	/** A form POST with the page's CSRF token. */
	protected HttpResponse<String> post(HttpClient client, String path, String csrf, Map<String, String> fields)
			throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf);
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF token of a page's form. */
	protected static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

}
