package org.rhip.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;

/**
 * Dates as the platform counts them: the China calendar day (Asia/Shanghai) of a FHIR date or time.
 * A date without a time zone is taken as written; a partial date (2024, 2024-05) as its first day.
 */
public final class ChinaDates {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private ChinaDates() {
	}

	public static LocalDate date(BaseDateTimeType t) {
		if (t == null || t.getValue() == null) {
			return null;
		}
		TemporalPrecisionEnum precision = t.getPrecision();
		if (precision.ordinal() <= TemporalPrecisionEnum.DAY.ordinal() || (t.getTimeZone() == null && !t.isTimeZoneZulu())) {
			int month = precision == TemporalPrecisionEnum.YEAR ? 1 : t.getMonth() + 1;
			int day = precision.ordinal() < TemporalPrecisionEnum.DAY.ordinal() ? 1 : t.getDay();
			return LocalDate.of(t.getYear(), month, day);
		}
		return t.getValue().toInstant().atZone(CHINA).toLocalDate();
	}

	/** The instant a date or time starts (a date without a zone: China midnight). */
	public static Instant start(BaseDateTimeType t) {
		if (t == null || t.getValue() == null) {
			return null;
		}
		if (t.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
			return date(t).atStartOfDay(CHINA).toInstant();
		}
		return t.getValue().toInstant();
	}

	/** The instant a date or time ends: the end of its day, month or year; a time is its own end. */
	public static Instant end(BaseDateTimeType t) {
		if (t == null || t.getValue() == null) {
			return null;
		}
		LocalDate first = date(t);
		return switch (t.getPrecision()) {
			case YEAR -> first.plusYears(1).atStartOfDay(CHINA).toInstant();
			case MONTH -> first.plusMonths(1).atStartOfDay(CHINA).toInstant();
			case DAY -> first.plusDays(1).atStartOfDay(CHINA).toInstant();
			default -> t.getValue().toInstant();
		};
	}

	public static LocalDate date(Period p) {
		return p == null ? null : date(p.getStartElement());
	}

}
