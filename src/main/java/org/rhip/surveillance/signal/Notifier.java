package org.rhip.surveillance.signal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.rhip.registry.RegistryApi;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.surveillance.SignalRaised;
import org.rhip.surveillance.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the responsible epidemiologists of new signals: a message in the console for every
 * epidemiologist whose scope covers the signal's place (written with the signal, so none is lost),
 * and, when {@code rhip.surveillance.webhook-url} is set, a JSON POST to that URL after the commit —
 * the place where an SMS or e-mail gateway plugs in. Each delivery is logged with its HTTP status.
 * The payload names the disease, place and days; never a person.
 */
@Component
class Notifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final JdbcClient jdbc;

	private final SecurityApi security;

	private final RegistryApi registry;

	private final ReferenceData reference;

	private final JsonMapper json;

	private final String webhookUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "signal-webhook");
		thread.setDaemon(true);
		return thread;
	});

	Notifier(JdbcClient jdbc, SecurityApi security, RegistryApi registry, ReferenceData reference, JsonMapper json,
			@Value("${rhip.surveillance.webhook-url:}") String webhookUrl) {
		this.jdbc = jdbc;
		this.security = security;
		this.registry = registry;
		this.reference = reference;
		this.json = json;
		this.webhookUrl = webhookUrl.strip();
	}

	/** In the signals' transaction: the console messages, one statement per place. */
	void inConsole(List<SignalRaised> signals) {
		java.util.Map<String, List<String>> recipientsByPlace = new java.util.HashMap<>();
		for (SignalRaised signal : signals) {
			List<String> recipients = recipientsByPlace.computeIfAbsent(signal.orgUnit(),
					unit -> security.usersCovering(Role.EPIDEMIOLOGIST, unit));
			if (recipients.isEmpty()) {
				continue;
			}
			jdbc.sql("""
					insert into surveillance.notification (recipient, signal_id, message)
					select unnest(:recipients::text[]), :signal, :message
					""")
				.param("recipients", recipients.toArray(String[]::new)).param("signal", signal.signalId())
				.param("message", describe(signal)).update();
		}
	}

	/** After the commit: the webhook, off the request thread. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void toWebhook(SignalRaised signal) {
		if (webhookUrl.isEmpty()) {
			return;
		}
		String body = json.writeValueAsString(new Payload(signal.signalId(), signal.stream(), signal.subject(),
				subjectName(signal), signal.orgUnit(), registry.findOrgUnit(signal.orgUnit()).map(u -> u.name()).orElse(""),
				signal.firstDay().toString(), signal.classA(), describe(signal)));
		sender.submit(() -> deliver(signal.signalId(), body));
	}

	record Payload(long signalId, String stream, String subject, String subjectName, String orgUnit, String orgUnitName,
			String firstDay, boolean classA, String message) {
	}

	private void deliver(long signalId, String body) {
		Integer status = null;
		String error = null;
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(webhookUrl))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			log.warn("Signal webhook delivery failed: {}", error);
		}
		jdbc.sql("insert into surveillance.webhook_delivery (signal_id, url, status, error) values (:id, :url, :status, :error)")
			.param("id", signalId).param("url", webhookUrl).param("status", status).param("error", error).update();
	}

	private String describe(SignalRaised signal) {
		String place = registry.findOrgUnit(signal.orgUnit()).map(u -> u.name()).orElse(signal.orgUnit());
		return (signal.classA() ? "【甲类】" : "") + place + " " + subjectName(signal) + " 预警信号（" + signal.firstDay() + "）";
	}

	private String subjectName(SignalRaised signal) {
		return reference.seriesName(signal.stream(), signal.subject());
	}

	@Override
	public void destroy() {
		sender.shutdown();
	}

}
