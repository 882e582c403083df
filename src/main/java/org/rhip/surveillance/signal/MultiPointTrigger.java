package org.rhip.surveillance.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.rhip.platform.db.PgCopy;
import org.rhip.registry.OrgUnit;
import org.rhip.surveillance.reference.AlertRules;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 多点触发. For each group of the rules and each place — a street, or the district as a whole — the
 * signals of the group's series of that place that start within the rules' window of the first one
 * form one event (a district alert comes from the district's own series: with twenty streets and a
 * dozen sentinel series each, signals of four sources somewhere in the district within a week are
 * chance, not an event); its alert takes the level of the rules from the number of independent sources behind
 * it (case reports, fever clinic, school, pharmacy, lab…) and whether any is a class-A signal. The
 * existing alert of the same group and place that starts within the window of the event is
 * updated, so an alert grows with its event and its level never drops. Excluded signals do not
 * count.
 */
@Component
class MultiPointTrigger {

	private static final List<String> LEVELS = List.of("blue", "yellow", "orange", "red");

	private final JdbcClient jdbc;

	private final AlertRules rules;

	private final JdbcTemplate template;

	MultiPointTrigger(JdbcClient jdbc, AlertRules rules, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.template = template;
	}

	private record Sig(long id, SeriesKey series, LocalDate first, LocalDate last, boolean classA) {
	}

	/** An alert as stored, changed in memory and written back in bulk. */
	private static final class Alert {

		long id;

		final String group;

		final String place;

		String level;

		LocalDate first;

		LocalDate last;

		final TreeSet<String> sources = new TreeSet<>();

		final java.util.Set<Long> signals = new java.util.HashSet<>();

		final java.util.Set<Long> newSignals = new java.util.HashSet<>();

		boolean changed;

		Alert(long id, String group, String place, String level, LocalDate first, LocalDate last) {
			this.id = id;
			this.group = group;
			this.place = place;
			this.level = level;
			this.first = first;
			this.last = last;
		}

	}

	/** Updates the alerts of a district for signals touching [from, to]; returns alerts inserted or changed. */
	int update(OrgUnit region, Map<String, String> streetOf, LocalDate from, LocalDate to) {
		int window = rules.windowDays();
		String[] units = units(region, streetOf);
		LocalDate since = from.minusDays(2L * window);
		List<Sig> signals = jdbc.sql("""
				select id, stream, subject, org_unit_code, first_day, last_day, class_a from surveillance.signal
				where org_unit_code = any(:units) and status <> 'excluded' and last_day >= :since and first_day <= :to
				""")
			.param("units", units).param("since", since).param("to", to)
			.query((rs, n) -> new Sig(rs.getLong(1), new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBoolean(7)))
			.list();
		Map<String, List<Alert>> stored = new java.util.HashMap<>();
		Map<Long, Alert> byId = new java.util.HashMap<>();
		jdbc.sql("""
				select id, group_code, org_unit_code, level, first_day, last_day, sources from surveillance.alert
				where org_unit_code = any(:units) and first_day <= :to + make_interval(days => :window)
				  and first_day >= :since - make_interval(days => :window)
				""")
			.param("units", units).param("since", since).param("to", to).param("window", window)
			.query(rs -> {
				Alert alert = new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
				alert.sources.addAll(List.of((String[]) rs.getArray(7).getArray()));
				stored.computeIfAbsent(alert.group + '|' + alert.place, k -> new ArrayList<>()).add(alert);
				byId.put(alert.id, alert);
			});
		if (!byId.isEmpty()) {
			jdbc.sql("select alert_id, signal_id from surveillance.alert_signal where alert_id = any(:ids)")
				.param("ids", byId.keySet().toArray(Long[]::new))
				.query(rs -> {
					byId.get(rs.getLong(1)).signals.add(rs.getLong(2));
				});
		}
		List<Alert> touched = new ArrayList<>();
		for (AlertRules.Group group : rules.groups()) {
			Map<String, List<Sig>> byPlace = new LinkedHashMap<>();
			for (Sig s : signals) {
				if (!group.includes(s.series().stream(), s.series().subject())) {
					continue;
				}
				byPlace.computeIfAbsent(s.series().orgUnit(), k -> new ArrayList<>()).add(s);
			}
			for (Map.Entry<String, List<Sig>> place : byPlace.entrySet()) {
				List<Alert> candidates = stored.computeIfAbsent(group.code() + '|' + place.getKey(), k -> new ArrayList<>());
				for (List<Sig> event : events(place.getValue(), window)) {
					merge(group.code(), place.getKey(), event, window, candidates).ifPresent(touched::add);
				}
			}
		}
		write(touched);
		return (int) touched.stream().filter(a -> a.changed).count();
	}

	/** The event into the alert of its group and place that starts within the window of it, or a new one. */
	private Optional<Alert> merge(String group, String place, List<Sig> event, int window, List<Alert> candidates) {
		LocalDate first = event.stream().map(Sig::first).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate last = event.stream().map(Sig::last).max(Comparator.naturalOrder()).orElseThrow();
		TreeSet<String> sources = new TreeSet<>();
		event.forEach(s -> sources.add(s.series().source()));
		boolean classA = event.stream().anyMatch(Sig::classA);
		Alert alert = candidates.stream()
			.filter(a -> Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a.first, first)) <= window)
			.min(Comparator.comparing(a -> Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a.first, first))))
			.orElse(null);
		if (alert == null) {
			Optional<String> level = rules.level(sources.size(), classA);
			if (level.isEmpty()) {
				return Optional.empty();
			}
			alert = new Alert(0, group, place, level.get(), first, last);
			alert.changed = true;
			candidates.add(alert);
		}
		int before = alert.sources.size();
		alert.sources.addAll(sources);
		String level = higher(alert.level, rules.level(alert.sources.size(), classA).orElse(alert.level));
		LocalDate newFirst = first.isBefore(alert.first) ? first : alert.first;
		LocalDate newLast = last.isAfter(alert.last) ? last : alert.last;
		if (!level.equals(alert.level) || !newFirst.equals(alert.first) || !newLast.equals(alert.last)
				|| alert.sources.size() != before) {
			alert.changed = true;
		}
		alert.level = level;
		alert.first = newFirst;
		alert.last = newLast;
		for (Sig s : event) {
			if (alert.signals.add(s.id())) {
				alert.newSignals.add(s.id());
			}
		}
		return Optional.of(alert);
	}

	/** New alerts by COPY with ids from the sequence, changed ones in one batch, new links by COPY. */
	private void write(List<Alert> touched) {
		List<Alert> fresh = touched.stream().filter(a -> a.id == 0).distinct().toList();
		if (!fresh.isEmpty()) {
			List<Long> ids = jdbc.sql("select nextval('surveillance.alert_id_seq') from generate_series(1, :n)")
				.param("n", fresh.size()).query(Long.class).list();
			StringBuilder rows = new StringBuilder();
			for (int i = 0; i < fresh.size(); i++) {
				Alert a = fresh.get(i);
				a.id = ids.get(i);
				rows.append(a.id).append('\t').append(a.group).append('\t').append(a.place).append('\t').append(a.first)
					.append('\t').append(a.last).append('\t').append(a.level).append('\t')
					.append(PgCopy.text("{" + String.join(",", a.sources) + "}")).append('\n');
			}
			PgCopy.copyIn(template,
					"copy surveillance.alert (id, group_code, org_unit_code, first_day, last_day, level, sources) from stdin",
					rows);
		}
		List<Alert> updates = touched.stream().filter(a -> a.changed && !fresh.contains(a)).distinct().toList();
		if (!updates.isEmpty()) {
			template.batchUpdate("""
					update surveillance.alert set level = ?, first_day = ?, last_day = ?, sources = ?, updated_at = now()
					where id = ?
					""", updates, 200, (ps, alert) -> {
				ps.setString(1, alert.level);
				ps.setObject(2, alert.first);
				ps.setObject(3, alert.last);
				ps.setArray(4, ps.getConnection().createArrayOf("text", alert.sources.toArray()));
				ps.setLong(5, alert.id);
			});
		}
		StringBuilder links = new StringBuilder();
		touched.stream().distinct().forEach(a -> a.newSignals.forEach(s -> links.append(a.id).append('\t').append(s)
			.append('\n')));
		PgCopy.copyIn(template, "copy surveillance.alert_signal (alert_id, signal_id) from stdin", links);
		touched.forEach(a -> a.newSignals.clear());
	}

	/**
	 * Signals grouped in time: an event takes the signals that start within {@code window} days of its
	 * first signal. Not chained from signal to signal: in a district with many series some signal is
	 * always within a week of the last, and a chained alert would never end.
	 */
	static List<List<Sig>> events(List<Sig> signals, int window) {
		List<Sig> sorted = new ArrayList<>(signals);
		sorted.sort(Comparator.comparing(Sig::first));
		List<List<Sig>> events = new ArrayList<>();
		List<Sig> current = null;
		LocalDate start = null;
		for (Sig s : sorted) {
			if (current == null || s.first().isAfter(start.plusDays(window))) {
				current = new ArrayList<>();
				events.add(current);
				start = s.first();
			}
			current.add(s);
		}
		return events;
	}

	private static String higher(String a, String b) {
		return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
	}

	private static String[] units(OrgUnit region, Map<String, String> streetOf) {
		TreeSet<String> units = new TreeSet<>(streetOf.values());
		units.add(region.code());
		return units.toArray(String[]::new);
	}

}
