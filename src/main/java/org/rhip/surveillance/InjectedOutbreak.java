package org.rhip.surveillance;

import java.time.LocalDate;

/** An outbreak the synthetic district was given on purpose: the truth detectors are scored against. */
public record InjectedOutbreak(String stream, String subject, String street, LocalDate start, LocalDate end,
		int extraCount) {
}
