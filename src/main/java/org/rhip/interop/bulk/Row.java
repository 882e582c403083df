package org.rhip.interop.bulk;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rhip.platform.id.ResidentIdNumber;

/**
 * One data row of a CSV file, read through its template's columns. Every accessor names the column
 * as headed in the file when a value is unusable, and never repeats the value.
 */
final class Row {

	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})(?:[-/.年])(\\d{1,2})(?:[-/.月])(\\d{1,2})日?|(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern DATE_TIME = Pattern.compile(
			"(.+?)(?:[T ]|\\s+)(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?(?:\\.\\d+)?");

	private final long line;

	private final List<String> fields;

	private final Map<Column, Integer> index;

	private final Map<Column, String> headers;

	private final LocalDate today;

	Row(long line, List<String> fields, Map<Column, Integer> index, Map<Column, String> headers, LocalDate today) {
		this.line = line;
		this.fields = fields;
		this.index = index;
		this.headers = headers;
		this.today = today;
	}

	long line() {
		return line;
	}

	/** The column's header as written in the file (its Chinese header when the file lacks it). */
	String header(Column column) {
		return headers.getOrDefault(column, column.chinese());
	}

	RowProblem problem(Column column, String reason) {
		return new RowProblem(header(column), reason);
	}

	Optional<String> text(Column column) {
		Integer i = index.get(column);
		if (i == null || i >= fields.size()) {
			return Optional.empty();
		}
		String value = fields.get(i).strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	String required(Column column) {
		return text(column).orElseThrow(() -> problem(column, "is required"));
	}

	boolean has(Column column) {
		return text(column).isPresent();
	}

	Optional<LocalDate> date(Column column) {
		return text(column).map(t -> {
			LocalDate date = parseDate(t).orElseThrow(() -> problem(column, "is not a date (write yyyy-mm-dd)"));
			checkDay(column, date);
			return date;
		});
	}

	/** A date, or a date and time (China time); {@link DateTime#time()} is empty for a bare date. */
	Optional<DateTime> dateTime(Column column) {
		return text(column).map(t -> {
			Optional<LocalDate> date = parseDate(t);
			if (date.isPresent()) {
				checkDay(column, date.get());
				return new DateTime(date.get(), Optional.empty());
			}
			Matcher m = DATE_TIME.matcher(t);
			if (m.matches()) {
				Optional<LocalDate> day = parseDate(m.group(1).strip());
				if (day.isPresent()) {
					try {
						LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
								m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
						checkDay(column, day.get());
						return new DateTime(day.get(), Optional.of(time));
					}
					catch (DateTimeException ex) {
						throw problem(column, "is not a time of day (write yyyy-mm-dd hh:mm)");
					}
				}
			}
			throw problem(column, "is not a date or date and time (write yyyy-mm-dd or yyyy-mm-dd hh:mm)");
		});
	}

	Optional<BigDecimal> number(Column column, String unit, double min, double max) {
		return text(column).map(t -> {
			BigDecimal value;
			try {
				value = new BigDecimal(t.replace("，", ".").replace(",", "."));
			}
			catch (NumberFormatException ex) {
				throw problem(column, "is not a number");
			}
			if (value.doubleValue() < min || value.doubleValue() > max) {
				throw problem(column, "is outside " + plain(min) + "–" + plain(max) + (unit.isEmpty() ? "" : " " + unit));
			}
			return value;
		});
	}

	Optional<Integer> whole(Column column, int min, int max) {
		return text(column).map(t -> {
			int value;
			try {
				value = Integer.parseInt(t.replace("第", "").replace("剂", "").replace("针", "").strip());
			}
			catch (NumberFormatException ex) {
				throw problem(column, "is not a whole number");
			}
			if (value < min || value > max) {
				throw problem(column, "is outside " + min + "–" + max);
			}
			return value;
		});
	}

	Optional<ResidentIdNumber> idNumber(Column column) {
		return text(column).map(t -> {
			try {
				return ResidentIdNumber.parse(t, today);
			}
			catch (IllegalArgumentException ex) {
				throw problem(column, ex.getMessage());
			}
		});
	}

	private void checkDay(Column column, LocalDate date) {
		if (date.isAfter(today)) {
			throw problem(column, "is in the future");
		}
		if (date.getYear() < 1870) {
			throw problem(column, "is before 1870");
		}
	}

	static Optional<LocalDate> parseDate(String text) {
		Matcher m = DATE.matcher(text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int g = m.group(1) != null ? 1 : 4;
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
					Integer.parseInt(m.group(g + 2))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static String plain(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/** A day with, when given, the time of day. */
	record DateTime(LocalDate date, Optional<LocalTime> time) {

		LocalDateTime start() {
			return date.atTime(time.orElse(LocalTime.MIDNIGHT));
		}

	}

}
