package org.rhip.surveillance;

import java.time.LocalDate;

/** One day's count of a sentinel source and syndrome in an org unit. */
public record SentinelCount(String source, String syndrome, String orgUnit, LocalDate day, int count) {
}
