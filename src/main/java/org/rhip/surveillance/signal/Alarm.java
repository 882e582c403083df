package org.rhip.surveillance.signal;

import java.time.LocalDate;

import org.rhip.surveillance.detect.Frequency;

/** One point of one series above one detector's threshold. */
record Alarm(SeriesKey series, Frequency frequency, LocalDate day, String method, int count, double threshold) {
}
