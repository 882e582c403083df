package org.rhip.surveillance.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.platform.db.PgCopy;
import org.rhip.surveillance.SignalRaised;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alarms into signals. An alarm joins the open signal of its series whose days come within
 * {@value #JOIN_DAYS} days of it; otherwise it starts a new signal. Alarms already stored (same series,
 * frequency, day and method) are skipped, so a run repeated over the same days changes nothing.
 * Alarms go in by {@code COPY}: a year of a district's series gives tens of thousands.
 */
@Repository
class SignalStore {

	static final int JOIN_DAYS = 7;

	record Stored(int newAlarms, List<Long> newSignals, int extendedSignals) {
	}

	private static final class Open {

		long id;

		LocalDate first;

		LocalDate last;

		boolean isNew;

		boolean changed;

		final boolean classA;

		Open(long id, LocalDate first, LocalDate last, boolean isNew, boolean classA) {
			this.id = id;
			this.first = first;
			this.last = last;
			this.isNew = isNew;
			this.classA = classA;
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ApplicationEventPublisher events;

	private final Notifier notifier;

	SignalStore(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, Notifier notifier) {
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.template = template;
		this.events = events;
	}

	Stored store(List<String> units, LocalDate from, LocalDate to, List<Alarm> alarms, Map<SeriesKey, Boolean> classA) {
		String[] unitArray = units.toArray(String[]::new);
		Set<String> known = new HashSet<>();
		jdbc.sql("""
				select s.stream, s.subject, s.org_unit_code, a.frequency, a.day, a.method
				from surveillance.alarm a join surveillance.signal s on s.id = a.signal_id
				where s.org_unit_code = any(:units) and s.last_day >= :from and a.day between :from and :to
				""")
			.param("units", unitArray).param("from", from.minusDays(7)).param("to", to)
			.query(rs -> {
				known.add(alarmKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6)));
			});
		List<Alarm> fresh = alarms.stream()
			.filter(a -> !known.contains(alarmKey(a.series().stream(), a.series().subject(), a.series().orgUnit(),
					frequency(a), a.day(), a.method())))
			.sorted(Comparator.comparing((Alarm a) -> a.day()))
			.toList();
		if (fresh.isEmpty()) {
			return new Stored(0, List.of(), 0);
		}

		Map<SeriesKey, List<Open>> open = new HashMap<>();
		jdbc.sql("""
				select id, stream, subject, org_unit_code, first_day, last_day, class_a from surveillance.signal
				where org_unit_code = any(:units) and status in ('new', 'verifying', 'suspected_event', 'confirmed_event')
				  and last_day >= :since
				""")
			.param("units", unitArray).param("since", from.minusDays(JOIN_DAYS + 7))
			.query(rs -> {
				open.computeIfAbsent(new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4)), k -> new ArrayList<>())
					.add(new Open(rs.getLong(1), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), false,
							rs.getBoolean(7)));
			});

		List<Open> created = new ArrayList<>();
		Open[] signalOf = new Open[fresh.size()];
		for (int i = 0; i < fresh.size(); i++) {
			Alarm alarm = fresh.get(i);
			LocalDate last = alarm.day().plusDays(alarm.frequency().days() - 1);
			List<Open> candidates = open.computeIfAbsent(alarm.series(), k -> new ArrayList<>());
			Open target = null;
			for (Open s : candidates) {
				if (!alarm.day().isAfter(s.last.plusDays(JOIN_DAYS)) && !last.isBefore(s.first.minusDays(JOIN_DAYS))) {
					target = s;
					break;
				}
			}
			if (target == null) {
				target = new Open(0, alarm.day(), last, true, classA.getOrDefault(alarm.series(), false));
				candidates.add(target);
				created.add(target);
			}
			else {
				if (alarm.day().isBefore(target.first)) {
					target.first = alarm.day();
					target.changed = true;
				}
				if (last.isAfter(target.last)) {
					target.last = last;
					target.changed = true;
				}
			}
			signalOf[i] = target;
		}

		List<Long> ids = jdbc.sql("select nextval('surveillance.signal_id_seq') from generate_series(1, :n)")
			.param("n", created.size()).query(Long.class).list();
		for (int i = 0; i < created.size(); i++) {
			created.get(i).id = ids.get(i);
		}
		Map<Open, SeriesKey> seriesOf = new HashMap<>();
		open.forEach((key, list) -> list.forEach(s -> seriesOf.put(s, key)));

		StringBuilder signalRows = new StringBuilder();
		for (Open s : created) {
			SeriesKey k = seriesOf.get(s);
			signalRows.append(s.id).append('\t').append(k.stream()).append('\t').append(PgCopy.text(k.subject())).append('\t')
				.append(k.orgUnit()).append('\t').append(s.first).append('\t').append(s.last).append('\t')
				.append(s.classA ? 't' : 'f').append('\n');
		}
		PgCopy.copyIn(template, "copy surveillance.signal (id, stream, subject, org_unit_code, first_day, last_day, class_a) from stdin",
				signalRows.toString());
		int extended = 0;
		for (List<Open> list : open.values()) {
			for (Open s : list) {
				if (!s.isNew && s.changed) {
					extended++;
					jdbc.sql("update surveillance.signal set first_day = :first, last_day = :last where id = :id")
						.param("first", s.first).param("last", s.last).param("id", s.id).update();
				}
			}
		}
		StringBuilder alarmRows = new StringBuilder(fresh.size() * 64);
		for (int i = 0; i < fresh.size(); i++) {
			Alarm a = fresh.get(i);
			alarmRows.append(signalOf[i].id).append('\t').append(a.method()).append('\t').append(frequency(a)).append('\t')
				.append(a.day()).append('\t').append(a.count()).append('\t')
				.append(Double.isNaN(a.threshold()) ? "\\N" : Double.toString(a.threshold())).append('\n');
		}
		PgCopy.copyIn(template, "copy surveillance.alarm (signal_id, method, frequency, day, count, threshold) from stdin",
				alarmRows.toString());
		List<Long> newIds = created.stream().map(s -> s.id).toList();
		jdbc.sql("""
				insert into surveillance.signal_event (signal_id, actor, action, to_status)
				select id, 'system', 'raised', 'new' from surveillance.signal where id = any(:ids)
				""")
			.param("ids", newIds.toArray(Long[]::new)).update();
		List<SignalRaised> raised = created.stream()
			.map(s -> {
				SeriesKey k = seriesOf.get(s);
				return new SignalRaised(s.id, k.stream(), k.subject(), k.orgUnit(), s.first, s.classA);
			})
			.toList();
		notifier.inConsole(raised);
		raised.forEach(events::publishEvent);
		return new Stored(fresh.size(), newIds, extended);
	}


	private static String frequency(Alarm a) {
		return a.frequency().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String alarmKey(String stream, String subject, String unit, String frequency, LocalDate day,
			String method) {
		return stream + '|' + subject + '|' + unit + '|' + frequency + '|' + day + '|' + method;
	}


}
