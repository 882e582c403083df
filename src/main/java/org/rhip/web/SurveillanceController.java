package org.rhip.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.surveillance.CaseCard;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.EpidemicCurve;
import org.rhip.surveillance.Notification;
import org.rhip.surveillance.SignalStatus;
import org.rhip.surveillance.SignalView;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 传染病监测预警 in the console, as a district CDC epidemiologist uses it every morning: the day's
 * signal board with its graded alerts and the user's notifications, a signal's response timeline
 * with the forms that move it on, the epidemic curve of a disease or sentinel series in a place,
 * and the report cards with their timeliness.
 */
@Controller
class SurveillanceController {

	/** Rows of the card table shown at most; the summary counts them all. */
	static final int CARD_ROWS = 500;

	/** Days of the board's "recent" list, the chosen day included. */
	static final int RECENT_DAYS = 7;

	/** A notification in the board's list. */
	public record NotificationRow(long id, long signalId, String message, String at, boolean unread) {
	}

	/** One step of a signal's timeline. */
	public record EventRow(String at, String actor, String action, String from, String fromKey, String to,
			String toKey, String note) {
	}

	/** A form that moves a signal on to one of its allowed next statuses. */
	public record MoveForm(String status, String label, boolean noteRequired, String note, String error) {
	}

	/** A report card in the table. Cards carry no name and no identifier. */
	public record CardRow(String cardNo, String disease, String classification, String sex, String age, String street,
			String onset, String diagnosis, String report, String hours, String limit, String onTime,
			String duplicateOf, String status, String statusLabel) {
	}

	/** The head of the card table: how many, how many on time, how many duplicates. */
	public record CardSummary(int cards, int reported, int onTime, int late, String rate, int duplicates, int drafts,
			int deleted) {
	}

	/** A group of diseases (by class) or the sentinel series, as an optgroup. */
	public record SeriesGroup(String label, List<SurveillancePages.Option> options) {
	}

	private static final List<String> CARD_STATUSES = List.of("active", "draft", "deleted");

	private final SurveillanceApi surveillance;

	private final SurveillancePages pages;

	SurveillanceController(SurveillanceApi surveillance, SurveillancePages pages) {
		this.surveillance = surveillance;
		this.pages = pages;
	}

	// the board

	@GetMapping("/surveillance")
	String board(@RequestParam(required = false) String region, @RequestParam(required = false) String date,
			Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		String shown = region == null || region.isBlank() ? pages.defaultRegion(me) : region.strip();
		LocalDate day = date(date, "date", SurveillancePages.today());
		LocalDate weekFrom = day.minusDays(RECENT_DAYS - 1);
		List<SignalView> open = new ArrayList<>(surveillance.signals(shown, LocalDate.EPOCH, day, true, me));
		Set<Long> openIds = new LinkedHashSet<>();
		open.forEach(s -> openIds.add(s.id()));
		List<SignalView> recent = new ArrayList<>(surveillance.signals(shown, weekFrom, day, false, me)
			.stream()
			.filter(s -> !openIds.contains(s.id()))
			.toList());
		open.sort(SurveillancePages.byAttention());
		recent.sort(SurveillancePages.byAttention());
		model.addAttribute("regions", pages.regionOptions(me, locale));
		model.addAttribute("region", shown);
		model.addAttribute("regionName", pages.placeName(shown, locale));
		model.addAttribute("date", SurveillancePages.date(day));
		model.addAttribute("weekFrom", SurveillancePages.date(weekFrom));
		model.addAttribute("today", day.equals(SurveillancePages.today()));
		model.addAttribute("alerts", surveillance.alerts(shown, weekFrom, day, me).stream().map(a -> pages.row(a, locale)).toList());
		model.addAttribute("open", open.stream().map(s -> pages.row(s, locale)).toList());
		model.addAttribute("recent", recent.stream().map(s -> pages.row(s, locale)).toList());
		List<NotificationRow> notifications = surveillance.notifications(me).stream()
			.filter(n -> n.readAt().isEmpty())
			.map(SurveillanceController::row)
			.toList();
		model.addAttribute("notifications", notifications);
		model.addAttribute("curveFrom", SurveillancePages.date(day.minusDays(59)));
		return "surveillance-board";
	}

	@PostMapping("/surveillance/notifications/{id}/read")
	String read(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(required = false) String date, RedirectAttributes redirect) {
		surveillance.markRead(id, CurrentUser.require());
		return backToBoard(region, date, redirect);
	}

	@PostMapping("/surveillance/notifications/read-all")
	String readAll(@RequestParam(required = false) String region, @RequestParam(required = false) String date,
			RedirectAttributes redirect) {
		RhipPrincipal me = CurrentUser.require();
		surveillance.notifications(me).stream().filter(n -> n.readAt().isEmpty()).forEach(n -> surveillance.markRead(n.id(), me));
		return backToBoard(region, date, redirect);
	}

	private static String backToBoard(String region, String date, RedirectAttributes redirect) {
		if (region != null && !region.isBlank()) {
			redirect.addAttribute("region", region.strip());
		}
		if (date != null && !date.isBlank()) {
			redirect.addAttribute("date", date.strip());
		}
		return "redirect:/surveillance";
	}

	private static NotificationRow row(Notification n) {
		return new NotificationRow(n.id(), n.signalId(), n.message(), SurveillancePages.time(n.createdAt()),
				n.readAt().isEmpty());
	}

	// a signal

	@GetMapping("/surveillance/signals/{id}")
	String signal(@PathVariable long id, Model model, Locale locale) {
		fillSignal(model, id, null, null, null, "", locale);
		return "surveillance-signal";
	}

	@PostMapping("/surveillance/signals/{id}/status")
	String move(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		RhipPrincipal me = CurrentUser.require();
		try {
			SignalView moved = surveillance.moveSignal(id, status, note, me);
			redirect.addFlashAttribute("moved", pages.statusLabel(moved.status(), locale));
			return "redirect:/surveillance/signals/" + id;
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			String form = SignalStatus.of(status == null ? "" : status.strip()).map(SignalStatus::key).orElse("");
			fillSignal(model, id, form, "note".equals(ex.field()) ? "note" : "status", problem(ex, status, locale),
					note == null ? "" : note, locale);
			return "surveillance-signal";
		}
	}

	@PostMapping("/surveillance/signals/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) String note, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		RhipPrincipal me = CurrentUser.require();
		try {
			surveillance.noteSignal(id, note, me);
			redirect.addFlashAttribute("noted", true);
			return "redirect:/surveillance/signals/" + id;
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			fillSignal(model, id, "note", "note", problem(ex, null, locale), note == null ? "" : note, locale);
			return "surveillance-signal";
		}
	}

	/** A refused move or note in the reader's language. */
	private String problem(InvalidInput ex, String status, Locale locale) {
		String target = SignalStatus.of(status == null ? "" : status.strip())
			.map(s -> pages.statusLabel(s, locale))
			.orElse(status == null ? "" : status);
		return pages.label("problem." + ex.code(), new Object[] { target }, ex.getMessage(), locale);
	}

	private void fillSignal(Model model, long id, String errorForm, String errorField, String error, String typed,
			Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		SignalView signal = surveillance.signal(id, me);
		List<EventRow> timeline = surveillance.timeline(id, me).stream()
			.map(e -> new EventRow(SurveillancePages.time(e.at()), e.actor(), pages.label("signal.action." + e.action(), locale),
					e.from().map(s -> pages.statusLabel(s, locale)).orElse(""), e.from().map(SignalStatus::key).orElse(""),
					e.to().map(s -> pages.statusLabel(s, locale)).orElse(""), e.to().map(SignalStatus::key).orElse(""),
					e.note().orElse("")))
			.toList();
		List<MoveForm> moves = signal.status().next().stream()
			.sorted(Comparator.comparingInt(Enum::ordinal))
			.map(s -> new MoveForm(s.key(), pages.statusLabel(s, locale),
					s == SignalStatus.EXCLUDED || s == SignalStatus.CONFIRMED_EVENT,
					s.key().equals(errorForm) ? typed : "", s.key().equals(errorForm) ? error : null))
			.toList();
		LocalDate today = SurveillancePages.today();
		LocalDate chartFrom = signal.firstDay().minusDays(42);
		LocalDate chartTo = signal.lastDay().plusDays(14).isAfter(today) ? today : signal.lastDay().plusDays(14);
		if (chartTo.isBefore(signal.lastDay())) {
			chartTo = signal.lastDay();
		}
		model.addAttribute("signal", pages.row(signal, locale));
		String region = pages.regionOf(signal.orgUnit(), me);
		model.addAttribute("region", region);
		model.addAttribute("regionName", pages.placeName(region, locale));
		model.addAttribute("timeline", timeline);
		model.addAttribute("moves", moves);
		model.addAttribute("mayRespond", me.role() == Role.ADMIN || me.role() == Role.EPIDEMIOLOGIST);
		model.addAttribute("closed", signal.status().next().isEmpty());
		model.addAttribute("noteError", "note".equals(errorForm) ? error : null);
		boolean shownAtAForm = "note".equals(errorForm) || moves.stream().anyMatch(m -> m.status().equals(errorForm));
		model.addAttribute("generalError", error != null && !shownAtAForm ? error : null);
		model.addAttribute("noteTyped", "note".equals(errorForm) ? typed : "");
		model.addAttribute("errorField", errorField);
		model.addAttribute("chartFrom", SurveillancePages.date(chartFrom));
		model.addAttribute("chartTo", SurveillancePages.date(chartTo));
	}

	// the epidemic curve

	@GetMapping("/surveillance/curve")
	String curve(@RequestParam(required = false) String stream, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String orgUnit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		String place = orgUnit == null || orgUnit.isBlank() ? pages.defaultRegion(me) : orgUnit.strip();
		LocalDate last = date(to, "to", SurveillancePages.today());
		LocalDate first = date(from, "from", last.minusDays(89));
		String region = pages.regionOf(place, me);
		List<SurveillancePages.Option> sentinel = sentinelSeries(region, last, me, locale);
		String shownSubject = subject == null || subject.isBlank() ? null : subject.strip();
		String shownStream = stream == null || stream.isBlank()
				? shownSubject != null && shownSubject.contains("/") ? "sentinel" : "cases" : stream.strip();
		if (shownSubject == null) {
			shownSubject = shownStream.equals("sentinel") && !sentinel.isEmpty() ? sentinel.get(0).value() : "influenza";
			shownStream = shownSubject.contains("/") ? "sentinel" : "cases";
		}
		EpidemicCurve curve = surveillance.curve(shownStream, shownSubject, place, first, last, me);
		String name = pages.seriesName(shownStream, shownSubject, locale);
		if (shownStream.equals("sentinel") && sentinel.stream().noneMatch(o -> o.value().equals(curve.subject()))) {
			sentinel = new ArrayList<>(sentinel);
			sentinel.add(0, new SurveillancePages.Option(curve.subject(), name));
		}
		List<SignalView> signals = surveillance.signals(place, first, last, false, me).stream()
			.filter(s -> s.stream().equals(curve.stream()) && s.subject().equals(curve.subject()) && s.orgUnit().equals(place))
			.sorted(Comparator.comparing(SignalView::firstDay).reversed())
			.toList();
		int total = curve.counts().stream().mapToInt(Integer::intValue).sum();
		int peak = curve.counts().stream().mapToInt(Integer::intValue).max().orElse(0);
		Set<LocalDate> alarmDays = new java.util.TreeSet<>();
		curve.alarmDays().values().forEach(alarmDays::addAll);
		model.addAttribute("stream", curve.stream());
		model.addAttribute("subject", curve.subject());
		model.addAttribute("seriesName", name);
		model.addAttribute("orgUnit", place);
		model.addAttribute("placeName", pages.placeName(place, locale));
		model.addAttribute("from", SurveillancePages.date(first));
		model.addAttribute("to", SurveillancePages.date(last));
		model.addAttribute("places", pages.places(me, locale));
		model.addAttribute("series", seriesGroups(last, curve.stream().equals("cases") ? curve.subject() : null, sentinel, locale));
		model.addAttribute("total", total);
		model.addAttribute("peak", peak);
		model.addAttribute("alarmDays", alarmDays.size());
		model.addAttribute("methods", pages.methods(List.copyOf(curve.thresholds().keySet()), locale));
		model.addAttribute("hasMpm", curve.thresholds().containsKey("mpm"));
		model.addAttribute("signals", signals.stream().map(s -> pages.row(s, locale)).toList());
		model.addAttribute("region", region);
		return "surveillance-curve";
	}

	/** The diseases by class (as listed on {@code day}), then the sentinel series seen in the district's signals. */
	private List<SeriesGroup> seriesGroups(LocalDate day, String chosenDisease, List<SurveillancePages.Option> sentinel,
			Locale locale) {
		Map<String, List<SurveillancePages.Option>> byClass = new LinkedHashMap<>();
		for (String c : List.of("A", "B", "C")) {
			byClass.put(c, new ArrayList<>());
		}
		boolean en = ConsoleView.isEnglish(locale);
		for (Disease disease : surveillance.diseases()) {
			Optional<Disease.Listing> listing = disease.listingOn(day);
			if (listing.isEmpty() && !disease.code().equals(chosenDisease)) {
				continue;
			}
			String c = listing.map(Disease.Listing::diseaseClass).orElse("B");
			byClass.computeIfAbsent(c, k -> new ArrayList<>())
				.add(new SurveillancePages.Option(disease.code(), en && disease.nameEn() != null ? disease.nameEn() : disease.name()));
		}
		List<SeriesGroup> groups = new ArrayList<>();
		byClass.forEach((c, options) -> {
			if (!options.isEmpty()) {
				groups.add(new SeriesGroup(pages.label("disease.class." + c, locale), options));
			}
		});
		if (!sentinel.isEmpty()) {
			groups.add(new SeriesGroup(pages.label("curve.sentinel", locale), sentinel));
		}
		return groups;
	}

	/** The sentinel series that raised a signal in the district in the year up to {@code day}. */
	private List<SurveillancePages.Option> sentinelSeries(String region, LocalDate day, RhipPrincipal me, Locale locale) {
		Map<String, SurveillancePages.Option> seen = new LinkedHashMap<>();
		surveillance.signals(region, day.minusDays(365), day, false, me).stream()
			.filter(s -> s.stream().equals("sentinel"))
			.map(SignalView::subject)
			.sorted()
			.forEach(s -> seen.putIfAbsent(s, new SurveillancePages.Option(s, pages.seriesName("sentinel", s, locale))));
		return List.copyOf(seen.values());
	}

	// report cards

	@GetMapping("/surveillance/cases")
	String cases(@RequestParam(required = false) String orgUnit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String disease,
			@RequestParam(required = false) String status, Model model, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		String place = orgUnit == null || orgUnit.isBlank() ? pages.defaultRegion(me) : orgUnit.strip();
		LocalDate last = date(to, "to", SurveillancePages.today());
		LocalDate first = date(from, "from", last.minusDays(29));
		if (last.isBefore(first)) {
			throw new InvalidInput("console.period", "to", "the period ends before it starts");
		}
		Optional<String> chosenDisease = Optional.ofNullable(disease).map(String::strip).filter(d -> !d.isEmpty());
		Optional<String> chosenStatus = Optional.ofNullable(status).map(String::strip).filter(s -> !s.isEmpty());
		List<CaseCard> cards = surveillance.cards(place, first, last, chosenDisease, chosenStatus, me);
		Map<Long, String> numbers = new HashMap<>();
		cards.forEach(c -> numbers.put(c.id(), c.cardNo()));
		Map<String, Disease> diseases = pages.diseases();
		boolean en = ConsoleView.isEnglish(locale);
		Map<String, String> placeNames = new HashMap<>();
		List<CardRow> rows = cards.stream().limit(CARD_ROWS).map(c -> {
			Disease d = diseases.get(c.disease());
			String name = d == null ? c.diseaseName() : en && d.nameEn() != null ? d.nameEn() : d.name();
			return new CardRow(c.cardNo(), name, pages.label("card.classification." + c.classification(), locale),
					c.sex() == null ? "" : pages.label("card.sex." + c.sex(), locale),
					c.ageYears() == null ? "" : pages.label("card.age", new Object[] { String.valueOf(c.ageYears()) }, locale),
					placeNames.computeIfAbsent(c.orgUnit(), code -> pages.placeName(code, locale)),
					SurveillancePages.date(c.onsetDate()),
					SurveillancePages.time(c.diagnosisTime()), c.reportTime().map(SurveillancePages::time).orElse(""),
					c.hoursToReport().map(h -> String.format(Locale.ROOT, "%.1f", h)).orElse(""),
					pages.label("card.limit", new Object[] { String.valueOf(c.reportLimitHours()) }, locale),
					c.onTime().map(t -> t ? "yes" : "no").orElse(""),
					c.duplicateOf().map(id -> numbers.getOrDefault(id, "#" + id)).orElse(""), c.status(),
					pages.label("card.status." + c.status(), locale));
		}).toList();
		List<SurveillancePages.Option> diseaseOptions = surveillance.diseases().stream()
			.map(d -> new SurveillancePages.Option(d.code(), en && d.nameEn() != null ? d.nameEn() : d.name()))
			.toList();
		model.addAttribute("summary", summary(cards));
		model.addAttribute("cards", rows);
		model.addAttribute("truncated", cards.size() > CARD_ROWS);
		model.addAttribute("shownRows", Math.min(cards.size(), CARD_ROWS));
		model.addAttribute("places", pages.places(me, locale));
		model.addAttribute("orgUnit", place);
		model.addAttribute("placeName", pages.placeName(place, locale));
		model.addAttribute("from", SurveillancePages.date(first));
		model.addAttribute("to", SurveillancePages.date(last));
		model.addAttribute("diseases", diseaseOptions);
		model.addAttribute("disease", chosenDisease.orElse(""));
		model.addAttribute("statuses", CARD_STATUSES);
		model.addAttribute("status", chosenStatus.orElse(""));
		model.addAttribute("region", pages.regionOf(place, me));
		return "surveillance-cases";
	}

	/**
	 * 传染病疫情报告及时率: cards reported within their limit ÷ cards reported; drafts are not reported
	 * yet and deleted cards no longer count.
	 */
	static CardSummary summary(List<CaseCard> cards) {
		int reported = 0;
		int onTime = 0;
		int duplicates = 0;
		int drafts = 0;
		int deleted = 0;
		for (CaseCard card : cards) {
			switch (card.status()) {
				case "draft" -> drafts++;
				case "deleted" -> deleted++;
				default -> {
					if (card.onTime().isPresent()) {
						reported++;
						if (card.onTime().get()) {
							onTime++;
						}
					}
				}
			}
			if (card.duplicateOf().isPresent()) {
				duplicates++;
			}
		}
		String rate = reported == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * onTime / reported);
		return new CardSummary(cards.size(), reported, onTime, reported - onTime, rate, duplicates, drafts, deleted);
	}

	private static LocalDate date(String text, String field, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		return SurveillancePages.parseDate(text)
			.orElseThrow(() -> new InvalidInput("console.date", field, "“" + text.strip() + "” is not a date like 2025-03-01"));
	}

}
