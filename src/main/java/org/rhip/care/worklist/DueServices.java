package org.rhip.care.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.care.immunization.Child;
import org.rhip.care.immunization.DoseStatus;
import org.rhip.care.immunization.GivenDose;
import org.rhip.care.immunization.ImmunizationPlan;
import org.rhip.care.immunization.NipSchedule;
import org.rhip.care.immunization.PlannedDose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The next service of each person of the programs, from {@link WorklistQueries}, kept when due by a date. */
@Component
public class DueServices {

	/** One due service of one person (not yet masked or audited: for the care module's own use). */
	public record Due(long personId, String program, String service, LocalDate dueDate, LocalDate lastDate, String note) {
	}

	static final Map<String, String> QUERIES = Map.of("hypertension", WorklistQueries.HYPERTENSION, "diabetes",
			WorklistQueries.DIABETES, "elderly", WorklistQueries.ELDERLY, "child", WorklistQueries.CHILD, "maternal",
			WorklistQueries.MATERNAL, "smd", WorklistQueries.SEVERE_MENTAL_DISORDER);

	private final JdbcClient jdbc;

	private final NipSchedule schedule = NipSchedule.bundled();

	DueServices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Vaccine doses due or overdue (catch-up included) for the children under 7 of the units, by the
	 * national schedule and each child's doses so far ({@link NipSchedule#plan}); the service is the
	 * dose, e.g. {@code MMR-2}.
	 */
	private List<Due> vaccines(List<String> units, LocalDate today, LocalDate until) {
		Map<Long, Child> children = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select p.person_id, p.birth_date, i.vaccine_code, i.dose_number, i.date
				from person.population p
				left join record.immunization i on i.person_id = p.person_id and i.dose_number is not null
				 and coalesce(i.status, 'completed') = 'completed'
				where p.org_unit_code = any(cast(:units as text[])) and p.death_date is null
				  and p.birth_date > cast(:today as date) - interval '7 years' and p.birth_date <= cast(:today as date)
				order by p.person_id, i.date
				""")
			.param("units", org.rhip.care.indicator.SqlArrays.text(units))
			.param("today", java.sql.Date.valueOf(today))
			.query(rs -> {
				long id = rs.getLong("person_id");
				Child child = children.computeIfAbsent(id, k -> {
					try {
						return Child.born(rs.getDate("birth_date").toLocalDate());
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				if (rs.getString("vaccine_code") != null && schedule.vaccines().containsKey(rs.getString("vaccine_code"))) {
					children.put(id, child.withDose(GivenDose.of(rs.getString("vaccine_code"), rs.getInt("dose_number"),
							rs.getDate("date").toLocalDate())));
				}
			});
		List<Due> due = new ArrayList<>();
		children.forEach((id, child) -> {
			ImmunizationPlan plan = schedule.plan(child, until);
			for (PlannedDose d : plan.open()) {
				due.add(new Due(id, "immunization", d.vaccineCode() + "-" + d.doseNumber(), d.dueDate(),
						plan.doses().stream().filter(PlannedDose::given).map(PlannedDose::givenOn).max(LocalDate::compareTo).orElse(null),
						d.status() == DoseStatus.OVERDUE && d.deadline() != null && d.deadline().isBefore(today) ? "late" : null));
			}
		});
		return due;
	}

	public List<Due> due(List<String> units, LocalDate today, LocalDate until, Set<String> programs) {
		List<Due> found = new ArrayList<>();
		if (programs.contains("immunization")) {
			found.addAll(vaccines(units, today, until));
		}
		for (String program : programs) {
			String sql = QUERIES.get(program);
			if (sql == null) {
				continue;
			}
			found.addAll(jdbc.sql("select * from (" + sql + ") d where d.due_date <= :until")
				.param("units", org.rhip.care.indicator.SqlArrays.text(units))
				.param("today", java.sql.Date.valueOf(today))
				.param("until", java.sql.Date.valueOf(until))
				.query((rs, n) -> new Due(rs.getLong("person_id"), rs.getString("program"), rs.getString("service"),
						rs.getDate("due_date").toLocalDate(),
						rs.getDate("last_date") == null ? null : rs.getDate("last_date").toLocalDate(), rs.getString("note")))
				.list());
		}
		return found;
	}

}
