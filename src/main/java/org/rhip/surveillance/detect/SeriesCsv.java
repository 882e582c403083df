package org.rhip.surveillance.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A count series as CSV text, and detections as CSV text.
 *
 * <p>
 * Input: header {@code date,count} (ISO dates, consecutive days, or consecutive weeks dated by
 * their Monday: the first two dates say which — one day apart is daily, seven weekly; a single row
 * is daily) or {@code year,week,count} (ISO week-based year and week, weekly, each dated by the
 * week's Monday). Counts are whole numbers ≥ 0 ({@code 3.0} is read as 3). Fields are trimmed; a
 * UTF-8 byte-order mark, CRLF line ends and blank lines at the end are accepted. A problem is a
 * {@link SeriesProblem} whose {@link SeriesProblem#point() point} + 1 is the line number (the
 * header is point 0, line 1) and whose message names the field.
 *
 * <p>
 * Output: header {@code date,count,threshold,alarm}, one row per point: ISO date, the count, the
 * threshold with at most 6 decimals (empty where NaN), the alarm as 0 or 1.
 */
public final class SeriesCsv {

	/** The header of the output. */
	public static final String OUTPUT_HEADER = "date,count,threshold,alarm";

	private SeriesCsv() {
	}

	public static CountSeries read(String text) {
		return read(new StringReader(text));
	}

	public static CountSeries read(Reader reader) {
		List<String> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(reader)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
			lines.remove(lines.size() - 1);
		}
		if (lines.isEmpty()) {
			throw new SeriesProblem(0, "no header: the file must start with date,count or year,week,count");
		}
		String header = String.join(",", fields(lines.get(0))).toLowerCase(Locale.ROOT);
		boolean weeks = header.equals("year,week,count");
		if (!weeks && !header.equals("date,count")) {
			throw new SeriesProblem(0, "header must be date,count or year,week,count, not '" + lines.get(0).strip() + "'");
		}
		int size = lines.size() - 1;
		String field = weeks ? "week" : "date";
		Frequency frequency = weeks || size < 2 ? (weeks ? Frequency.WEEKLY : Frequency.DAILY) : null;
		LocalDate[] dates = new LocalDate[size];
		int[] counts = new int[size];
		for (int point = 1; point <= size; point++) {
			String line = lines.get(point);
			if (line.isBlank()) {
				throw new SeriesProblem(point, "empty line");
			}
			String[] fields = fields(line);
			if (fields.length != (weeks ? 3 : 2)) {
				throw new SeriesProblem(point, "expected " + (weeks ? 3 : 2) + " fields (" + header + "), found "
						+ fields.length);
			}
			LocalDate date = weeks ? week(point, fields[0], fields[1]) : date(point, fields[0]);
			dates[point - 1] = date;
			if (frequency == null && point == 2) {
				frequency = frequency(dates[0], date);
				check(frequency, dates[0], null, 1, field);
			}
			if (frequency != null) {
				check(frequency, date, point == 1 ? null : dates[point - 2], point, field);
			}
			counts[point - 1] = count(point, fields[weeks ? 2 : 1]);
		}
		return CountSeries.of(frequency == null ? Frequency.DAILY : frequency, dates, counts);
	}

	/** Writes the output CSV of {@code detections} over {@code series}. */
	public static void write(CountSeries series, Detections detections, Appendable out) {
		if (series.size() != detections.size()) {
			throw new IllegalArgumentException("series and detections differ in length");
		}
		try {
			out.append(OUTPUT_HEADER).append('\n');
			for (int t = 0; t < series.size(); t++) {
				out.append(series.date(t).toString()).append(',').append(Integer.toString(series.count(t))).append(',')
						.append(threshold(detections.thresholds()[t])).append(',')
						.append(detections.alarms()[t] ? '1' : '0').append('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The output CSV as text. */
	public static String write(CountSeries series, Detections detections) {
		StringBuilder text = new StringBuilder();
		write(series, detections, text);
		return text.toString();
	}

	/** A threshold as written: at most 6 decimals, no trailing zeros, empty for NaN. */
	public static String threshold(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		if (Double.isInfinite(value)) {
			return value > 0 ? "Inf" : "-Inf";
		}
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
	}

	private static String[] fields(String line) {
		String[] fields = line.split(",", -1);
		for (int i = 0; i < fields.length; i++) {
			fields[i] = fields[i].strip();
		}
		return fields;
	}

	private static LocalDate date(int point, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new SeriesProblem(point, "date must be an ISO date (YYYY-MM-DD), not '" + text + "'");
		}
	}

	private static LocalDate week(int point, String yearText, String weekText) {
		int year = whole(yearText);
		if (year < 1 || year > 9999) {
			throw new SeriesProblem(point, "year must be a year from 1 to 9999, not '" + yearText + "'");
		}
		LocalDate mid = LocalDate.of(year, 6, 1);
		long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum();
		int week = whole(weekText);
		if (week < 1 || week > weeks) {
			throw new SeriesProblem(point, "week must be a week from 1 to " + weeks + " of " + year + ", not '" + weekText
					+ "'");
		}
		return mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
	}

	private static int count(int point, String text) {
		int count = whole(text);
		if (count < 0) {
			throw new SeriesProblem(point, "count must be a whole number ≥ 0, not '" + text + "'");
		}
		return count;
	}

	/** A whole number ≥ 0, or −1. */
	private static int whole(String text) {
		if (!text.matches("\\d+(\\.0*)?")) {
			return -1;
		}
		try {
			return new BigDecimal(text).intValueExact();
		}
		catch (ArithmeticException ex) {
			return -1;
		}
	}

	private static Frequency frequency(LocalDate first, LocalDate second) {
		long days = ChronoUnit.DAYS.between(first, second);
		if (days > 0 && days != 1 && days != 7) {
			throw new SeriesProblem(2, "date " + second + " is " + days + " days after " + first
					+ ": a series is daily (one day apart) or weekly (seven days apart, each a Monday)");
		}
		return days == 7 ? Frequency.WEEKLY : Frequency.DAILY; // out of order or repeated: check says so
	}

	/** Monday, order, repeat and gap of the point's date after {@code previous}, naming {@code field}. */
	private static void check(Frequency frequency, LocalDate date, LocalDate previous, int point, String field) {
		if (frequency == Frequency.WEEKLY && date.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new SeriesProblem(point, field + " " + date + " is a "
					+ date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
					+ ": a weekly series is dated by each week's Monday");
		}
		if (previous == null) {
			return;
		}
		if (date.equals(previous)) {
			throw new SeriesProblem(point, field + " " + label(date, field) + " is repeated");
		}
		if (date.isBefore(previous)) {
			throw new SeriesProblem(point, field + " " + label(date, field) + " is out of order (after "
					+ label(previous, field) + ")");
		}
		LocalDate expected = frequency.next(previous);
		if (!date.equals(expected)) {
			throw new SeriesProblem(point, field + " " + label(date, field) + " leaves a gap: expected "
					+ label(expected, field) + " after " + label(previous, field));
		}
	}

	private static String label(LocalDate date, String field) {
		if (field.equals("week")) {
			return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
					date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		}
		return date.toString();
	}

}
