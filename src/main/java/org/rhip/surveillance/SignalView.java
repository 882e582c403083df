package org.rhip.surveillance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A signal as the console and the API show it: the series, the days, which methods alarmed, where
 * the response stands and how long the first response took.
 */
public record SignalView(long id, String stream, String subject, String subjectName, String orgUnit, String orgUnitName,
		LocalDate firstDay, LocalDate lastDay, boolean classA, SignalStatus status, OffsetDateTime raisedAt,
		Optional<OffsetDateTime> firstResponseAt, Optional<OffsetDateTime> closedAt, List<String> methods,
		int maxCount, Optional<String> alertLevel) {

	/** Raised to first response; empty while nobody has responded. */
	public Optional<Duration> timeToFirstResponse() {
		return firstResponseAt.map(at -> Duration.between(raisedAt, at));
	}

	/** One step of the response: who did what when. */
	public record Event(OffsetDateTime at, String actor, String action, Optional<SignalStatus> from,
			Optional<SignalStatus> to, Optional<String> note) {
	}

}
