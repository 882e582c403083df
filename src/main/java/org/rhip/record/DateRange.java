package org.rhip.record;

import java.time.Instant;

/**
 * A search date range, {@code from} inclusive and {@code to} exclusive, either open (null). A resource
 * matches when its clinical date or period overlaps the range.
 */
public record DateRange(Instant from, Instant to) {
}
