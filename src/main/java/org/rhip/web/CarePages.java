package org.rhip.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.rhip.care.IndicatorValue;
import org.rhip.care.ProgramEnrolment;
import org.rhip.care.CareApi;
import org.rhip.care.RecordIndicators;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.person.Person;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the public-health pages (公共卫生服务) are built from: the record-based indicators of a
 * district and its streets with numerator and denominator, the people behind a value, and a
 * person's programs — in the reader's language, large counts the Chinese way (224.18万). Which org
 * unit a user may look at is decided here: the user's own org unit and what lies below it.
 */
@Component
class CarePages {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The indicators of the programs, of vital statistics, and the rest (services), in the order shown. */
	static final Map<String, List<String>> GROUPS = groups();

	/** Indicators whose numerator and denominator count visits or doses, not persons. */
	static final Set<String> EVENT_COUNTS = Set.of("NIP_COVERAGE", "PRIMARY_CARE_VISIT_SHARE");

	/** Indicators from a table of counts (life table, 30q70), not a count over a count. */
	static final Set<String> TABLES = Set.of("LIFE_EXPECTANCY", "PREMATURE_NCD_MORTALITY");

	/** A count as shown ({@code 224.18万}) and in full ({@code 2,241,826}). */
	public record Figure(String text, String exact) {
	}

	/** A line through the years, as SVG polyline points in a 120 × 28 box, and its last point. */
	public record Sparkline(String points, String lastX, String lastY) {

		public boolean drawn() {
			return !points.isEmpty();
		}

	}

	/** An indicator of the overview: the district's value in the year and its trend. */
	public record Card(String code, String name, String unit, String value, Figure numerator, Figure denominator,
			Sparkline trend) {

		public boolean hasValue() {
			return !value.isEmpty();
		}

	}

	/** A group of the overview. */
	public record Group(String key, List<Card> cards) {
	}

	/** An org unit's value in the year; {@code district} for the first row, the unit asked for. */
	public record ValueRow(String orgUnit, String place, boolean district, String value, Figure numerator,
			Figure denominator) {

		public boolean hasValue() {
			return !value.isEmpty();
		}

	}

	/** A year of an org unit's series. */
	public record YearRow(int year, String value, Figure numerator, Figure denominator, boolean selected) {

		public boolean hasValue() {
			return !value.isEmpty();
		}

	}

	/** A person of a drill-down list, masked. */
	public record MemberRow(long id, String name, String idNumber, String sex, String age, String place) {
	}

	/** A program of a person. */
	public record ProgramRow(String program, String name, String since, boolean managed, String state, String last,
			String lastService) {
	}

	private final RecordIndicators records;

	private final CareApi care;

	private final IndicatorPages indicators;

	private final SurveillancePages places;

	private final PersonPages persons;

	private final RegistryApi registry;

	private final MessageSource messages;

	private final int firstYear;

	CarePages(RecordIndicators records, CareApi care, IndicatorPages indicators, SurveillancePages places,
			PersonPages persons, RegistryApi registry, MessageSource messages,
			@Value("${rhip.care.first-year:2016}") int firstYear) {
		this.records = records;
		this.care = care;
		this.indicators = indicators;
		this.places = places;
		this.persons = persons;
		this.registry = registry;
		this.messages = messages;
		this.firstYear = firstYear;
	}

	private static Map<String, List<String>> groups() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("programs", List.of("ELDERLY_HEALTH_MGMT", "HTN_MGMT", "HTN_CONTROL", "DM_MGMT", "DM_CONTROL", "SMD_MGMT",
				"CHILD_U7_HEALTH_MGMT", "CHILD_U3_SYS_MGMT", "MATERNAL_SYS_MGMT", "NIP_COVERAGE"));
		groups.put("vital", List.of("INFANT_MORTALITY", "UNDER5_MORTALITY", "MATERNAL_MORTALITY", "LIFE_EXPECTANCY",
				"PREMATURE_NCD_MORTALITY"));
		groups.put("services", List.of("PRIMARY_CARE_VISIT_SHARE"));
		return groups;
	}

	// where and when

	/**
	 * The org unit asked for, which must lie in a district and within the user's scope; none asked
	 * for: the first district of the user's with records, else the first.
	 */
	String orgUnit(String requested, RhipPrincipal me) {
		if (requested == null || requested.isBlank()) {
			List<OrgUnit> regions = places.regions(me);
			if (regions.isEmpty()) {
				return me.scope().orElseThrow(() -> new NotFound("care.region", "no district in the registry"));
			}
			return regions.stream().filter(r -> care.hasRecords(r.code())).findFirst().orElse(regions.get(0)).code();
		}
		String code = requested.strip();
		registry.orgUnit(code);
		if (registry.regionOf(code).isEmpty()) {
			throw new InvalidInput("care.org-unit", "orgUnit", "org unit " + code + " lies in no district");
		}
		if (me.scope().isPresent() && !registry.isWithin(code, me.scope().get())) {
			throw new Forbidden("orgUnit", "org unit " + code + " is outside your scope");
		}
		return code;
	}

	/** The years that may be asked for: from the first year computed to this one. */
	List<Integer> years() {
		return IntStream.rangeClosed(firstYear, thisYear()).boxed().toList();
	}

	/** The year asked for, or the latest complete year. */
	int year(Integer requested) {
		if (requested == null) {
			return thisYear() - 1;
		}
		if (requested < firstYear || requested > thisYear()) {
			throw new InvalidInput("care.year", "year", "year " + requested + " is outside " + firstYear + "–" + thisYear());
		}
		return requested;
	}

	private static int thisYear() {
		return LocalDate.now(CHINA).getYear();
	}

	/** The catalogue's definition of a record-based indicator. */
	IndicatorDefinition definition(String code) {
		if (!records.indicators().contains(code)) {
			throw new NotFound("care.indicator", "indicator " + code + " is not computed from records");
		}
		return indicators.definition(code);
	}

	// the overview

	/** Every record-based indicator of the org unit in the year, grouped, each with its trend up to the year. */
	List<Group> groups(String orgUnit, int year, Locale locale) {
		List<String> all = records.indicators();
		List<String> placed = GROUPS.values().stream().flatMap(List::stream).toList();
		List<Group> out = new ArrayList<>();
		GROUPS.forEach((key, codes) -> {
			List<String> shown = new ArrayList<>(codes.stream().filter(all::contains).toList());
			if (key.equals("services")) {
				all.stream().filter(c -> !placed.contains(c)).forEach(shown::add);
			}
			if (!shown.isEmpty()) {
				out.add(new Group(key, shown.stream().map(c -> card(c, orgUnit, year, locale)).toList()));
			}
		});
		return out;
	}

	private Card card(String code, String orgUnit, int year, Locale locale) {
		IndicatorDefinition d = indicators.definition(code);
		List<IndicatorValue> series = records.series(code, orgUnit).stream().filter(v -> v.year() <= year).toList();
		Optional<IndicatorValue> atYear = series.stream().filter(v -> v.year() == year).findFirst();
		return new Card(code, name(d, locale), unit(d, locale), atYear.map(v -> value(v, d)).orElse(""),
				figure(atYear.map(IndicatorValue::numerator).orElse(null), locale),
				figure(atYear.map(IndicatorValue::denominator).orElse(null), locale), sparkline(series, year));
	}

	/** The line of the values from the first year to the year, scaled to the box; empty under two points. */
	Sparkline sparkline(List<IndicatorValue> series, int year) {
		List<IndicatorValue> points = series.stream().filter(v -> v.value() != null && v.year() >= firstYear && v.year() <= year)
			.toList();
		if (points.size() < 2 || year <= firstYear) {
			return new Sparkline("", "", "");
		}
		double min = points.stream().mapToDouble(v -> v.value().doubleValue()).min().orElseThrow();
		double max = points.stream().mapToDouble(v -> v.value().doubleValue()).max().orElseThrow();
		StringBuilder out = new StringBuilder();
		String x = "";
		String y = "";
		for (IndicatorValue v : points) {
			x = coordinate(2 + 116.0 * (v.year() - firstYear) / (year - firstYear));
			y = coordinate(max == min ? 14 : 26 - 24 * (v.value().doubleValue() - min) / (max - min));
			out.append(out.isEmpty() ? "" : " ").append(x).append(',').append(y);
		}
		return new Sparkline(out.toString(), x, y);
	}

	private static String coordinate(double c) {
		return BigDecimal.valueOf(c).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	// an indicator

	/** The org unit's value first, then each unit below it (with no value where none was computed). */
	List<ValueRow> rows(String code, String orgUnit, int year, Locale locale) {
		IndicatorDefinition d = indicators.definition(code);
		Map<String, IndicatorValue> byUnit = new LinkedHashMap<>();
		records.values(code, orgUnit, year).forEach(v -> byUnit.put(v.orgUnitCode(), v));
		List<ValueRow> rows = new ArrayList<>();
		rows.add(row(orgUnit, true, byUnit.get(orgUnit), d, locale));
		registry.children(orgUnit).forEach(u -> rows.add(row(u.code(), false, byUnit.get(u.code()), d, locale)));
		return rows;
	}

	private ValueRow row(String unit, boolean district, IndicatorValue v, IndicatorDefinition d, Locale locale) {
		return new ValueRow(unit, placeName(unit, locale), district, v == null ? "" : value(v, d),
				figure(v == null ? null : v.numerator(), locale), figure(v == null ? null : v.denominator(), locale));
	}

	/** Every year of the org unit's series, the selected one marked. */
	List<YearRow> series(String code, String orgUnit, int year, Locale locale) {
		IndicatorDefinition d = indicators.definition(code);
		Map<Integer, IndicatorValue> byYear = new LinkedHashMap<>();
		records.series(code, orgUnit).forEach(v -> byYear.put(v.year(), v));
		return years().stream().map(y -> {
			IndicatorValue v = byYear.get(y);
			return new YearRow(y, v == null ? "" : value(v, d), figure(v == null ? null : v.numerator(), locale),
					figure(v == null ? null : v.denominator(), locale), y == year);
		}).toList();
	}

	// the people behind a value

	List<MemberRow> members(List<Person> people, int year, Locale locale) {
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		return people.stream().map(p -> {
			LocalDate at = p.deathDate() != null && p.deathDate().isBefore(yearEnd) ? p.deathDate() : yearEnd;
			String age = p.birthDate() == null || p.birthDate().isAfter(at) ? label("common.none", locale)
					: label("care.members.age", new Object[] { String.valueOf(Period.between(p.birthDate(), at).getYears()) },
							locale);
			return new MemberRow(p.id(), p.name(), p.idNumber(), persons.sex(p.sex(), locale), age,
					p.orgUnitCode() == null ? label("common.none", locale) : placeName(p.orgUnitCode(), locale));
		}).toList();
	}

	static RecordIndicators.Part part(String text) {
		if (text == null || text.isBlank()) {
			return RecordIndicators.Part.NUMERATOR;
		}
		return switch (text.strip()) {
			case "numerator" -> RecordIndicators.Part.NUMERATOR;
			case "denominator" -> RecordIndicators.Part.DENOMINATOR;
			default -> throw new InvalidInput("care.part", "part", "part must be numerator or denominator");
		};
	}

	/** What the numerator or denominator of an indicator counts: 65岁及以上常住居民. */
	String partLabel(String code, RecordIndicators.Part part, Locale locale) {
		String key = part.name().toLowerCase(Locale.ROOT);
		return messages.getMessage("care." + key + "." + code, null, label("care.part." + key, locale), locale);
	}

	// a person's programs

	List<ProgramRow> programs(List<ProgramEnrolment> enrolments, Locale locale) {
		return enrolments.stream()
			.map(e -> new ProgramRow(e.program(), label("programs.program." + e.program(), locale),
					PersonPages.longDate(e.since(), locale), e.managed(),
					label(e.managed() ? "programs.managed" : "programs.not-managed", locale),
					e.lastService().map(d -> PersonPages.longDate(d, locale)).orElse(label("programs.no-service", locale)),
					e.lastServiceCode().map(c -> messages.getMessage("programs.service." + c, null, c, locale)).orElse("")))
			.toList();
	}

	// words and numbers

	static String name(IndicatorDefinition d, Locale locale) {
		return ConsoleView.isEnglish(locale) && d.nameEn() != null ? d.nameEn() : d.name();
	}

	/** The unit the definition begins with (%。, ‰。, 1/10万。, 岁。), in the reader's language. */
	static String unit(IndicatorDefinition d, Locale locale) {
		String definition = d.definition() == null ? "" : d.definition();
		int end = definition.indexOf('。');
		if (end <= 0 || end > 8) {
			return "";
		}
		String unit = definition.substring(0, end);
		if (!ConsoleView.isEnglish(locale)) {
			return unit;
		}
		return switch (unit) {
			case "岁" -> "years";
			case "1/10万" -> "per 100,000";
			default -> unit;
		};
	}

	static String value(IndicatorValue v, IndicatorDefinition d) {
		return v.value() == null ? "" : v.value().setScale(d.decimals(), RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * A count as Chinese writes it: up to 9,999 in full, then in 万 (ten thousands) and 亿 (hundred
	 * millions) with two decimals at most; in English always in full.
	 */
	static Figure figure(BigDecimal n, Locale locale) {
		if (n == null) {
			return new Figure("", "");
		}
		NumberFormat full = NumberFormat.getNumberInstance(ConsoleView.isEnglish(locale) ? Locale.ENGLISH : Locale.CHINA);
		full.setMaximumFractionDigits(2);
		String exact = full.format(n);
		if (ConsoleView.isEnglish(locale) || n.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
			return new Figure(exact, exact);
		}
		boolean yi = n.abs().compareTo(BigDecimal.valueOf(100_000_000)) >= 0;
		BigDecimal scaled = n.movePointLeft(yi ? 8 : 4).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return new Figure((scaled.scale() < 0 ? scaled.setScale(0) : scaled).toPlainString() + (yi ? "亿" : "万"), exact);
	}

	String placeName(String code, Locale locale) {
		return places.placeName(code, locale);
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String label(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}

}
