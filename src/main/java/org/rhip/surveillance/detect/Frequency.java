package org.rhip.surveillance.detect;

import java.time.LocalDate;

/** How far apart the points of a series are; {@link #periodsPerYear()} is R's {@code freq}. */
public enum Frequency {

	DAILY(365, 1), WEEKLY(52, 7);

	private final int periodsPerYear;

	private final int days;

	Frequency(int periodsPerYear, int days) {
		this.periodsPerYear = periodsPerYear;
		this.days = days;
	}

	public int periodsPerYear() {
		return periodsPerYear;
	}

	/** Days from one point to the next. */
	public int days() {
		return days;
	}

	public LocalDate next(LocalDate date) {
		return date.plusDays(days);
	}

}
