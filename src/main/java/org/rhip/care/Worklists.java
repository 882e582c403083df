package org.rhip.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.care.worklist.DueServices;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.Forbidden;
import org.rhip.registry.RegistryApi;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;
import org.springframework.stereotype.Service;

/**
 * 工作清单 — the worklist of a community health centre or a family doctor: who in an org unit is due
 * or overdue for a follow-up, a check, a prenatal visit or a vaccine dose within a horizon (this week
 * by default), overdue first. The people are shown masked, and listing them is audited.
 */
@Service
public class Worklists {

	/** The programs of a worklist, in the order a CHC works them. */
	public static final List<String> PROGRAMS = List.of("hypertension", "diabetes", "elderly", "child", "maternal", "smd",
			"immunization");

	private final DueServices due;

	private final PersonApi persons;

	private final RegistryApi registry;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Worklists(DueServices due, PersonApi persons, RegistryApi registry, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.due = due;
		this.persons = persons;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** The ways a reminder reaches a resident. */
	public static final List<String> CHANNELS = List.of("sms", "phone", "app", "in-person");

	/**
	 * Notes that a person was reminded of a due service (the message goes out through the CHC's own
	 * SMS or phone system; RHIP keeps who was reminded of what, when, how and by whom).
	 */
	public long remind(long personId, String service, LocalDate dueDate, String channel) {
		if (!CHANNELS.contains(channel)) {
			throw new org.rhip.platform.problem.InvalidInput("care.channel", "channel", "channel must be one of " + CHANNELS);
		}
		if (service == null || service.isBlank()) {
			throw new org.rhip.platform.problem.InvalidInput("care.service", "service", "service is required");
		}
		if (dueDate == null) {
			throw new org.rhip.platform.problem.InvalidInput("care.due-date", "dueDate", "dueDate is required");
		}
		persons.person(personId, "reminder " + service);
		return jdbc.sql("insert into care.reminder (person_id, service, due_date, channel, sent_by) values (?, ?, ?, ?, ?) returning id")
			.params(personId, service, java.sql.Date.valueOf(dueDate), channel, CurrentUser.require().name())
			.query(Long.class)
			.single();
	}

	/** How many reminders a person has had of a service due on a date. */
	public int reminders(long personId, String service, LocalDate dueDate) {
		return jdbc.sql("select count(*) from care.reminder where person_id = ? and service = ? and due_date = ?")
			.params(personId, service, java.sql.Date.valueOf(dueDate))
			.query(Integer.class)
			.single();
	}

	/**
	 * The services of the people of an org unit (and below) due by {@code today + horizonDays}, overdue
	 * first, then by due date; at most {@code limit}. {@code programs} empty means all.
	 */
	public List<WorkItem> worklist(String orgUnitCode, LocalDate today, int horizonDays, Set<String> programs, int limit) {
		registry.orgUnit(orgUnitCode);
		RhipPrincipal user = CurrentUser.require();
		if (user.scope().isPresent() && !registry.isWithin(orgUnitCode, user.scope().get())) {
			throw new Forbidden("orgUnit", "org unit " + orgUnitCode + " is outside your scope");
		}
		List<String> units = registry.subtreeCodes(orgUnitCode);
		LocalDate until = today.plusDays(Math.max(horizonDays, 0));
		List<DueServices.Due> items = new ArrayList<>(due.due(units, today, until,
				programs.isEmpty() ? Set.copyOf(PROGRAMS) : programs));
		items.sort(Comparator.comparing(DueServices.Due::dueDate).thenComparing(DueServices.Due::personId));
		List<DueServices.Due> page = items.subList(0, Math.min(items.size(), Math.min(Math.max(limit, 1), 500)));
		Map<Long, Person> people = new HashMap<>();
		persons.persons(page.stream().map(DueServices.Due::personId).distinct().toList(), "worklist " + orgUnitCode)
			.forEach(p -> people.put(p.id(), p));
		return page.stream()
			.filter(d -> people.containsKey(d.personId()))
			.map(d -> new WorkItem(people.get(d.personId()), d.program(), d.service(), d.dueDate(), d.lastDate(), d.note(),
					d.dueDate().isBefore(today)))
			.toList();
	}

}
