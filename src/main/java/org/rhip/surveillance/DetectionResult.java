package org.rhip.surveillance;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a detection run did: series looked at, per method the CPU time spent (summed over the threads
 * that share the series) and the alarms found, the signals and alerts it raised or extended, and
 * the wall time of its three steps: reading the counts, detecting, storing signals and alerts.
 */
public record DetectionResult(String region, LocalDate from, LocalDate to, int series, Map<String, Long> nanosByMethod,
		Map<String, Integer> alarmsByMethod, int newAlarms, int newSignals, int extendedSignals, int alerts,
		long readNanos, long detectNanos, long storeNanos) {
}
