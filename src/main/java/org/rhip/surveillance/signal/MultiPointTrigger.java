package org.rhip.surveillance.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.rhip.registry.OrgUnit;
import org.rhip.surveillance.reference.AlertRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 多点触发. For each group of the rules and each place — a street, and the district as a whole — the
 * signals of the group's series there that lie within the rules' window of each other form one
 * event; its alert takes the level of the rules from the number of independent sources behind it
 * (case reports, fever clinic, school, pharmacy, lab…) and whether any is a class-A signal. An
 * existing alert of the same group and place that overlaps is updated, so alerts grow with the event
 * and their level never drops while it lasts. Excluded signals do not count.
 */
@Component
class MultiPointTrigger {

	private static final List<String> LEVELS = List.of("blue", "yellow", "orange", "red");

	private final JdbcClient jdbc;

	private final AlertRules rules;

	MultiPointTrigger(JdbcClient jdbc, AlertRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	private record Sig(long id, SeriesKey series, LocalDate first, LocalDate last, boolean classA) {
	}

	/** Updates the alerts of a district for signals touching [from, to]; returns alerts inserted or changed. */
	int update(OrgUnit region, Map<String, String> streetOf, LocalDate from, LocalDate to) {
		int window = rules.windowDays();
		List<Sig> signals = jdbc.sql("""
				select id, stream, subject, org_unit_code, first_day, last_day, class_a from surveillance.signal
				where org_unit_code = any(:units) and status <> 'excluded' and last_day >= :since and first_day <= :to
				""")
			.param("units", units(region, streetOf)).param("since", from.minusDays(2L * window)).param("to", to)
			.query((rs, n) -> new Sig(rs.getLong(1), new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBoolean(7)))
			.list();
		int changed = 0;
		for (AlertRules.Group group : rules.groups()) {
			Map<String, List<Sig>> byPlace = new LinkedHashMap<>();
			for (Sig s : signals) {
				if (!group.includes(s.series().stream(), s.series().subject())) {
					continue;
				}
				byPlace.computeIfAbsent(region.code(), k -> new ArrayList<>()).add(s);
				if (!s.series().orgUnit().equals(region.code())) {
					byPlace.computeIfAbsent(s.series().orgUnit(), k -> new ArrayList<>()).add(s);
				}
			}
			for (Map.Entry<String, List<Sig>> place : byPlace.entrySet()) {
				for (List<Sig> event : events(place.getValue(), window)) {
					changed += upsert(group.code(), place.getKey(), event, window) ? 1 : 0;
				}
			}
		}
		return changed;
	}

	/** Signals chained in time: each starts within {@code window} days of the event so far. */
	static List<List<Sig>> events(List<Sig> signals, int window) {
		List<Sig> sorted = new ArrayList<>(signals);
		sorted.sort(Comparator.comparing(Sig::first));
		List<List<Sig>> events = new ArrayList<>();
		List<Sig> current = null;
		LocalDate last = null;
		for (Sig s : sorted) {
			if (current == null || s.first().isAfter(last.plusDays(window))) {
				current = new ArrayList<>();
				events.add(current);
				last = s.last();
			}
			current.add(s);
			if (s.last().isAfter(last)) {
				last = s.last();
			}
		}
		return events;
	}

	private boolean upsert(String group, String place, List<Sig> event, int window) {
		LocalDate first = event.stream().map(Sig::first).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate last = event.stream().map(Sig::last).max(Comparator.naturalOrder()).orElseThrow();
		TreeSet<String> sources = new TreeSet<>();
		event.forEach(s -> sources.add(s.series().source()));
		boolean classA = event.stream().anyMatch(Sig::classA);
		Optional<String> level = rules.level(sources.size(), classA);
		if (level.isEmpty()) {
			return false;
		}
		record Existing(long id, String level, LocalDate first, LocalDate last, List<String> sources) {
		}
		Optional<Existing> existing = jdbc.sql("""
				select id, level, first_day, last_day, sources from surveillance.alert
				where group_code = :group and org_unit_code = :place
				  and first_day <= :last + make_interval(days => :window) and last_day >= :first - make_interval(days => :window)
				order by id limit 1
				""")
			.param("group", group).param("place", place).param("first", first).param("last", last).param("window", window)
			.query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), List.of((String[]) rs.getArray(5).getArray())))
			.optional();
		long id;
		boolean changed;
		if (existing.isPresent()) {
			Existing e = existing.get();
			sources.addAll(e.sources());
			String newLevel = higher(e.level(), rules.level(sources.size(), classA).orElse(e.level()));
			LocalDate newFirst = first.isBefore(e.first()) ? first : e.first();
			LocalDate newLast = last.isAfter(e.last()) ? last : e.last();
			changed = !newLevel.equals(e.level()) || !newFirst.equals(e.first()) || !newLast.equals(e.last())
					|| sources.size() != e.sources().size();
			id = e.id();
			if (changed) {
				jdbc.sql("""
						update surveillance.alert set level = :level, first_day = :first, last_day = :last, sources = :sources,
						    updated_at = now() where id = :id
						""")
					.param("level", newLevel).param("first", newFirst).param("last", newLast)
					.param("sources", sources.toArray(String[]::new)).param("id", id).update();
			}
		}
		else {
			changed = true;
			id = jdbc.sql("""
					insert into surveillance.alert (group_code, org_unit_code, first_day, last_day, level, sources)
					values (:group, :place, :first, :last, :level, :sources) returning id
					""")
				.param("group", group).param("place", place).param("first", first).param("last", last)
				.param("level", level.get()).param("sources", sources.toArray(String[]::new))
				.query(Long.class).single();
		}
		jdbc.sql("""
				insert into surveillance.alert_signal (alert_id, signal_id) select :id, unnest(:signals::bigint[])
				on conflict do nothing
				""")
			.param("id", id).param("signals", event.stream().map(Sig::id).toArray(Long[]::new)).update();
		return changed;
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
