package org.rhip.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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

	protected HttpResponse<String> get(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
