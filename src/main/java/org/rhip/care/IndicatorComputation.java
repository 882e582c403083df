package org.rhip.care;

import java.util.Map;

/** What one computation of a region's record-based indicators did, and how long each indicator took. */
public record IndicatorComputation(String region, int from, int to, int values, Map<String, Long> millisByIndicator,
		long millis) {
}
