package org.rhip.record.projection;

import java.time.Instant;
import java.util.List;

/** The columns of {@code record.resource} that searches use: clinical date or period, status, code tokens. */
public record SearchFields(Instant start, Instant end, String status, List<String> codes) {
}
