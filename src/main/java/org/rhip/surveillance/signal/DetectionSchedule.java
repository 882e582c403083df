package org.rhip.surveillance.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.surveillance.CaseReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When detection runs: every morning over the last week for every district
 * ({@code rhip.surveillance.detect-cron}, default 06:00 China time), and at once when a card of a
 * class-A disease (or one managed as class A) is reported — that cannot wait for the morning.
 */
@Component
class DetectionSchedule {

	private static final Logger log = LoggerFactory.getLogger(DetectionSchedule.class);

	private final DetectionRun detection;

	private final RegistryApi registry;

	private final Clock clock;

	DetectionSchedule(DetectionRun detection, RegistryApi registry, Optional<Clock> clock) {
		this.detection = detection;
		this.registry = registry;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	@Scheduled(cron = "${rhip.surveillance.detect-cron:0 0 6 * * *}", zone = "Asia/Shanghai")
	void everyMorning() {
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		for (OrgUnit region : registry.regions()) {
			var result = detection.run(region.code(), today.minusDays(7), today);
			log.info("Detection for {}: {} series, {} new signals", region.code(), result.series(), result.newSignals());
		}
	}

	// a transaction of its own: the card's has committed, and the webhook waits for this one's commit
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void classACase(CaseReported card) {
		if (!card.classAMeasures()) {
			return;
		}
		registry.regionOf(card.orgUnit())
			.ifPresent(region -> detection.run(region.code(), card.reportDay(), card.reportDay(), Optional.empty(),
					Optional.of(card.disease()), false));
	}

}
