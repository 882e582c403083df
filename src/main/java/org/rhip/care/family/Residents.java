package org.rhip.care.family;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What contract checks need of many residents at once (a file of contracts), from the person
 * index's published, non-identifying view {@code person.population}: birth, death, org unit. A person
 * without an address in a district of the platform is not in it.
 */
@Component
public class Residents {

	private final JdbcClient jdbc;

	Residents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, Contracts.Resident> of(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		List<Contracts.Resident> found = jdbc.sql("""
				select person_id, birth_date, death_date, org_unit_code from person.population where person_id in (:ids)
				""")
			.param("ids", List.copyOf(personIds))
			.query((rs, n) -> new Contracts.Resident(rs.getLong("person_id"), rs.getObject("birth_date", LocalDate.class),
					rs.getObject("death_date", LocalDate.class), rs.getString("org_unit_code")))
			.list();
		return found.stream().collect(Collectors.toMap(Contracts.Resident::personId, Function.identity()));
	}

}
