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

	Worklists(DueServices due, PersonApi persons, RegistryApi registry) {
		this.due = due;
		this.persons = persons;
		this.registry = registry;
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
