package org.rhip.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A webhook endpoint for the tests: every POST body it receives, in order. One per test JVM. */
public final class WebhookReceiver {

	private static final List<String> BODIES = new CopyOnWriteArrayList<>();

	private static final HttpServer SERVER = start();

	private WebhookReceiver() {
	}

	public static String url() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/signals";
	}

	public static List<String> bodies() {
		return List.copyOf(BODIES);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/signals", exchange -> {
				BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
