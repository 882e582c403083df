package org.rhip.surveillance;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a detection run did: series looked at, per method the time spent and the alarms found, and
 * the signals and alerts it raised or extended.
 */
public record DetectionResult(String region, LocalDate from, LocalDate to, int series, Map<String, Long> nanosByMethod,
		Map<String, Integer> alarmsByMethod, int newAlarms, int newSignals, int extendedSignals, int alerts,
		long storeNanos) {
}
