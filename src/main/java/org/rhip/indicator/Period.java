package org.rhip.indicator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rhip.platform.problem.InvalidInput;

/**
 * A reporting period identified as in DHIS2 and ISO 8601: {@code 2023} (year), {@code 2023Q2}
 * (quarter), {@code 202305} (month), {@code 2023W07} (ISO week), {@code 20230515} (day). Plans are
 * evaluated by year today; the other types are here so that surveillance and service data can be
 * stored and rolled up to years without changing the tables ({@code indicator.data_value.period}).
 */
public record Period(Type type, String id, LocalDate start, LocalDate end) {

	public enum Type {
		YEARLY, QUARTERLY, MONTHLY, WEEKLY, DAILY
	}

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

	private static final Pattern WEEK = Pattern.compile("(\\d{4})W(\\d{2})");

	public static Period year(int year) {
		return new Period(Type.YEARLY, String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	public static Period parse(String id) {
		String text = id == null ? "" : id.strip();
		try {
			Matcher m;
			if (text.matches("\\d{4}")) {
				return year(Integer.parseInt(text));
			}
			if ((m = QUARTER.matcher(text)).matches()) {
				LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
				return new Period(Type.QUARTERLY, text, start, start.plusMonths(3).minusDays(1));
			}
			if (text.matches("\\d{6}")) {
				YearMonth month = YearMonth.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4)));
				return new Period(Type.MONTHLY, text, month.atDay(1), month.atEndOfMonth());
			}
			if ((m = WEEK.matcher(text)).matches()) {
				int year = Integer.parseInt(m.group(1));
				int week = Integer.parseInt(m.group(2));
				LocalDate anyDay = LocalDate.of(year, 6, 1);
				if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
					throw new InvalidInput("period.week", "period", "year " + year + " has no ISO week " + week);
				}
				LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				return new Period(Type.WEEKLY, text, monday, monday.plusDays(6));
			}
			if (text.matches("\\d{8}")) {
				LocalDate day = LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
						Integer.parseInt(text.substring(6)));
				return new Period(Type.DAILY, text, day, day);
			}
		}
		catch (java.time.DateTimeException ex) {
			throw new InvalidInput("period.date", "period", "'" + text + "' is not a real date: " + ex.getMessage());
		}
		throw new InvalidInput("period.format", "period",
				"'" + text + "' is not a period (2023, 2023Q2, 202305, 2023W07 or 20230515)");
	}

	/** The year a period counts towards: the year its first day falls in (ISO weeks: their week-based year). */
	public int year() {
		return type == Type.WEEKLY ? start.plusDays(3).getYear() : start.getYear();
	}

	public long days() {
		return ChronoUnit.DAYS.between(start, end) + 1;
	}

	/** True when this period lies inside {@code other}: a month inside its quarter and year. */
	public boolean within(Period other) {
		return !start.isBefore(other.start) && !end.isAfter(other.end);
	}

}
