package org.rhip.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;
import org.rhip.surveillance.AlertView;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.SignalStatus;
import org.rhip.surveillance.SignalView;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the surveillance pages share: the places a user may look at (the districts of the registry
 * and their streets, within the user's scope), names in the reader's language, and dates and times
 * written the Chinese way in China time ({@code 2025-03-01}, {@code 2025-03-01 14:05}).
 */
@Component
class SurveillancePages {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A choice in a select. */
	public record Option(String value, String label) {
	}

	/** A district with its streets and towns, as an optgroup. */
	public record PlaceGroup(String label, List<Option> options) {
	}

	/** A signal as a row of the board and the other pages. */
	public record SignalRow(long id, String place, String series, String stream, String subject, String orgUnit,
			String firstDay, String lastDay, String days, String methods, int maxCount, String status,
			String statusLabel, String response, boolean responded, boolean classA, String alertLevel, boolean open,
			String raisedAt, String firstResponseAt, String closedAt) {
	}

	/** A graded alert of the board. */
	public record AlertRow(long id, String level, String levelLabel, String group, String place, String days,
			String sources, List<Long> signals) {
	}

	private final SurveillanceApi surveillance;

	private final RegistryApi registry;

	private final MessageSource messages;

	SurveillancePages(SurveillanceApi surveillance, RegistryApi registry, MessageSource messages) {
		this.surveillance = surveillance;
		this.registry = registry;
		this.messages = messages;
	}

	static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	static String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	static String time(OffsetDateTime at) {
		return at == null ? "" : TIME.format(at.atZoneSameInstant(CHINA));
	}

	static String days(LocalDate first, LocalDate last) {
		return first.equals(last) ? date(first) : date(first) + " – " + date(last);
	}

	// places

	/**
	 * The districts (and county-level cities) the user may look at: all of them, those within the
	 * user's scope, or — for a user scoped to a street — that street alone.
	 */
	List<OrgUnit> regions(RhipPrincipal me) {
		List<OrgUnit> all = registry.regions();
		if (me.scope().isEmpty()) {
			return all;
		}
		String scope = me.scope().get();
		List<OrgUnit> within = all.stream().filter(r -> registry.isWithin(r.code(), scope)).toList();
		return within.isEmpty() ? registry.findOrgUnit(scope).map(List::of).orElse(List.of()) : within;
	}

	/** The district shown when none is chosen: the first with an open signal, else the first. */
	String defaultRegion(RhipPrincipal me) {
		List<OrgUnit> regions = regions(me);
		if (regions.isEmpty()) {
			return me.scope().orElseThrow();
		}
		LocalDate today = today();
		if (regions.size() > 1) {
			for (OrgUnit region : regions) {
				if (!surveillance.signals(region.code(), LocalDate.EPOCH, today, true, me).isEmpty()) {
					return region.code();
				}
			}
		}
		return regions.get(0).code();
	}

	List<Option> regionOptions(RhipPrincipal me, Locale locale) {
		return regions(me).stream().map(r -> new Option(r.code(), name(r, locale))).toList();
	}

	/** Each district the user may look at, with its streets and towns below it. */
	List<PlaceGroup> places(RhipPrincipal me, Locale locale) {
		List<PlaceGroup> groups = new ArrayList<>();
		for (OrgUnit region : regions(me)) {
			List<Option> options = new ArrayList<>();
			options.add(new Option(region.code(), messages.getMessage("surveillance.whole", new Object[] { name(region, locale) },
					locale)));
			for (OrgUnit street : registry.children(region.code())) {
				options.add(new Option(street.code(), "　" + name(street, locale)));
			}
			groups.add(new PlaceGroup(name(region, locale), options));
		}
		return groups;
	}

	/** The district an org unit lies in, when it is one the user may look at; else the default. */
	String regionOf(String orgUnit, RhipPrincipal me) {
		return regions(me).stream()
			.map(OrgUnit::code)
			.filter(r -> registry.isWithin(orgUnit, r))
			.findFirst()
			.orElseGet(() -> defaultRegion(me));
	}

	// names

	static String name(OrgUnit unit, Locale locale) {
		return ConsoleView.isEnglish(locale) && unit.nameEn() != null && !unit.nameEn().isBlank() ? unit.nameEn()
				: unit.name();
	}

	String placeName(String code, Locale locale) {
		return registry.findOrgUnit(code).map(u -> name(u, locale)).orElse(code);
	}

	Map<String, Disease> diseases() {
		return surveillance.diseases().stream()
			.collect(Collectors.toMap(Disease::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
	}

	String diseaseName(String code, Locale locale) {
		return surveillance.diseases().stream()
			.filter(d -> d.code().equals(code))
			.findFirst()
			.map(d -> ConsoleView.isEnglish(locale) && d.nameEn() != null ? d.nameEn() : d.name())
			.orElse(code);
	}

	/** A disease, or a sentinel source · syndrome, in the reader's language. */
	String seriesName(String stream, String subject, Locale locale) {
		if ("cases".equals(stream)) {
			return diseaseName(subject, locale);
		}
		String[] parts = subject.split("/", 2);
		if (parts.length < 2) {
			return surveillance.seriesName(stream, subject);
		}
		String chinese = surveillance.seriesName(stream, subject);
		String[] fallback = chinese.split("·", 2);
		return messages.getMessage("surveillance.source." + parts[0], null, fallback[0], locale) + " · "
				+ messages.getMessage("surveillance.syndrome." + parts[1], null,
						fallback.length > 1 ? fallback[1] : parts[1], locale);
	}

	String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	String label(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}

	String label(String key, Object[] args, String fallback, Locale locale) {
		return messages.getMessage(key, args, fallback, locale);
	}

	String statusLabel(SignalStatus status, Locale locale) {
		return label("signal.status." + status.key(), locale);
	}

	String methods(List<String> methods, Locale locale) {
		return methods.stream()
			.map(m -> messages.getMessage("surveillance.method." + m, null, m, locale))
			.collect(Collectors.joining("、"));
	}

	/** 2 小时 5 分, 3 天 4 小时, 12 分钟. */
	String duration(Duration duration, Locale locale) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 60) {
			return label("surveillance.duration.minutes", new Object[] { String.valueOf(minutes) }, locale);
		}
		if (minutes < 48 * 60) {
			return label("surveillance.duration.hours", new Object[] { String.valueOf(minutes / 60),
					String.valueOf(minutes % 60) }, locale);
		}
		return label("surveillance.duration.days", new Object[] { String.valueOf(minutes / (24 * 60)),
				String.valueOf(minutes % (24 * 60) / 60) }, locale);
	}

	// rows

	SignalRow row(SignalView s, Locale locale) {
		String response;
		if (s.timeToFirstResponse().isPresent()) {
			response = duration(s.timeToFirstResponse().get(), locale);
		}
		else if (s.status().open()) {
			response = label("signal.waiting", new Object[] { duration(Duration.between(s.raisedAt(), OffsetDateTime.now()),
					locale) }, locale);
		}
		else {
			response = label("signal.no-response", locale);
		}
		return new SignalRow(s.id(), placeName(s.orgUnit(), locale), seriesName(s.stream(), s.subject(), locale),
				s.stream(), s.subject(), s.orgUnit(), date(s.firstDay()), date(s.lastDay()), days(s.firstDay(), s.lastDay()),
				methods(s.methods(), locale), s.maxCount(), s.status().key(), statusLabel(s.status(), locale), response,
				s.firstResponseAt().isPresent(), s.classA(), s.alertLevel().orElse(""), s.status().open(),
				time(s.raisedAt()), s.firstResponseAt().map(SurveillancePages::time).orElse(""),
				s.closedAt().map(SurveillancePages::time).orElse(""));
	}

	AlertRow row(AlertView a, Locale locale) {
		String sources = a.sources().stream()
			.map(s -> messages.getMessage("surveillance.source." + s, null, s, locale))
			.collect(Collectors.joining("、"));
		return new AlertRow(a.id(), a.level(), label("alert.level." + a.level(), locale),
				messages.getMessage("alert.group." + a.group(), null, a.groupName(), locale), placeName(a.orgUnit(), locale),
				days(a.firstDay(), a.lastDay()), sources, a.signalIds());
	}

	/** Signals in order of attention: class A first, then open ones, then the latest. */
	static Comparator<SignalView> byAttention() {
		return Comparator.comparing((SignalView s) -> !s.classA())
			.thenComparing(s -> !s.status().open())
			.thenComparing(SignalView::lastDay, Comparator.reverseOrder())
			.thenComparing(SignalView::id, Comparator.reverseOrder());
	}

	static Optional<LocalDate> parseDate(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
