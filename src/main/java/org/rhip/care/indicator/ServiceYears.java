package org.rhip.care.indicator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilds {@code care.service_year} — per person, service and year: the visits, the first and last
 * date and the last visit — in one pass over the public-health encounters, before the member queries
 * run (the chronic-disease, elderly, child and mental-health programs read it). Portable SQL, so the
 * benchmark runs it on DuckDB too.
 */
final class ServiceYears {

	static final String CREATE = """
			create table if not exists care.service_year (person_id bigint not null, service text not null, year int not null,
			  visits bigint not null, first_date date not null, last_date date not null, last_encounter text not null)
			""";

	static final String FILL = """
			insert into care.service_year (person_id, service, year, visits, first_date, last_date, last_encounter)
			select e.person_id, e.type_code, date_part('year', e.date)::int, count(*), min(e.date), max(e.date),
			       (array_agg(e.resource_id order by e.date desc, e.start_at desc, e.resource_id desc))[1]
			from record.encounter e
			where e.kind = 'public_health' and e.person_id is not null and e.type_code is not null and e.date is not null
			  and coalesce(e.status, 'finished') = 'finished'
			group by e.person_id, e.type_code, date_part('year', e.date)
			""";

	private ServiceYears() {
	}

	/**
	 * Empties and refills the table over a connection (in the caller's transaction, if any), then gives
	 * the planner its statistics: without them the program queries, which join it with the diagnoses and
	 * the population, get nested loops that take minutes at full scale instead of seconds.
	 */
	static void rebuild(JdbcClient on) {
		on.sql(CREATE).update();
		on.sql("truncate table care.service_year").update();
		on.sql(FILL).update();
		on.sql("analyze care.service_year").update();
	}

}
