package org.rhip.surveillance;

import java.time.LocalDate;

/** A new signal was stored. Carries no personal data: it may go to a webhook. */
public record SignalRaised(long signalId, String stream, String subject, String orgUnit, LocalDate firstDay,
		boolean classA) {
}
