package org.rhip.surveillance.detect;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A regular series of counts: consecutive days, or consecutive weeks dated by their Monday. Built
 * only through {@link #of}, which rejects gaps, repeats, disorder and negative counts, naming the
 * point (1-based) that breaks the rule.
 */
public final class CountSeries {

	private final Frequency frequency;

	private final LocalDate start;

	private final int[] counts;

	private CountSeries(Frequency frequency, LocalDate start, int[] counts) {
		this.frequency = frequency;
		this.start = start;
		this.counts = counts;
	}

	/** A series from its dates and counts; the i-th problem is reported as point i + 1. */
	public static CountSeries of(Frequency frequency, LocalDate[] dates, int[] counts) {
		if (dates.length != counts.length) {
			throw new SeriesProblem(0, "dates and counts differ in length");
		}
		for (int i = 0; i < dates.length; i++) {
			if (counts[i] < 0) {
				throw new SeriesProblem(i + 1, "count must not be negative: " + counts[i]);
			}
			if (frequency == Frequency.WEEKLY && dates[i].getDayOfWeek() != DayOfWeek.MONDAY) {
				throw new SeriesProblem(i + 1, "a weekly date must be the week's Monday: " + dates[i]);
			}
			if (i > 0) {
				LocalDate expected = frequency.next(dates[i - 1]);
				if (!dates[i].isAfter(dates[i - 1])) {
					throw new SeriesProblem(i + 1, (dates[i].equals(dates[i - 1]) ? "date repeated: " : "date out of order: ")
							+ dates[i]);
				}
				if (!dates[i].equals(expected)) {
					throw new SeriesProblem(i + 1, "gap in the series: expected " + expected + ", found " + dates[i]);
				}
			}
		}
		return new CountSeries(frequency, dates.length == 0 ? LocalDate.EPOCH : dates[0], counts.clone());
	}

	/** A series of consecutive points from {@code start}. */
	public static CountSeries starting(Frequency frequency, LocalDate start, int... counts) {
		LocalDate[] dates = new LocalDate[counts.length];
		for (int i = 0; i < counts.length; i++) {
			dates[i] = start.plusDays((long) i * frequency.days());
		}
		return of(frequency, dates, counts);
	}

	public Frequency frequency() {
		return frequency;
	}

	public int size() {
		return counts.length;
	}

	public int count(int index) {
		return counts[index];
	}

	public LocalDate date(int index) {
		return start.plusDays((long) index * frequency.days());
	}

	/** The index of {@code date}, or -1 when the series does not hold it. */
	public int indexOf(LocalDate date) {
		if (counts.length == 0 || date.isBefore(start)) {
			return -1;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(start, date);
		if (days % frequency.days() != 0 || days / frequency.days() >= counts.length) {
			return -1;
		}
		return (int) (days / frequency.days());
	}

	/** A copy of the counts. */
	public int[] counts() {
		return counts.clone();
	}

	@Override
	public String toString() {
		return frequency + " from " + start + " " + Arrays.toString(counts);
	}

}
