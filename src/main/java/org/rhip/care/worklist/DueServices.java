package org.rhip.care.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	DueServices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Due> due(List<String> units, LocalDate today, LocalDate until, Set<String> programs) {
		List<Due> found = new ArrayList<>();
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
