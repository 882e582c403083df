package org.rhip.care.family;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.rhip.care.TeamPerformance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Team workload and performance in a year (REFERENCE.md §6). Contracted residents: persons with a
 * contract of the team in force on some day of the year. Services: finished (not cancelled or entered
 * in error) public-health service visits and outpatient visits of those residents at the team's
 * institution, on days of the year their contract was in force — a resident's contracts never overlap,
 * so no visit counts twice. Renewal (续约率): contracts that ran to an end date in the year (not
 * cancelled before), and of those the ones a later contract renews ({@code renewed_from}).
 */
@Component
public class TeamPerformances {

	private static final String SQL = """
			with t as (
			    select id, code, name, institution_code, org_unit_code from care.family_doctor_team where id in (:teams)
			),
			c as (
			    select c.id, c.team_id, c.person_id, c.in_force from care.contract c
			    where c.team_id in (:teams) and c.in_force && daterange(make_date(:year, 1, 1), make_date(:year + 1, 1, 1), '[)')
			),
			residents as (
			    select team_id, count(distinct person_id) as n from c group by team_id
			),
			services as (
			    select c.team_id,
			           count(*) filter (where e.kind = 'public_health') as public_health,
			           count(*) filter (where e.kind = 'outpatient') as outpatient
			    from c
			    join t on t.id = c.team_id
			    join record.encounter e on e.person_id = c.person_id and c.in_force @> e.date
			    where e.institution_code = t.institution_code and e.kind in ('public_health', 'outpatient')
			      and e.date >= make_date(:year, 1, 1) and e.date < make_date(:year + 1, 1, 1)
			      and coalesce(e.status, '') not in ('cancelled', 'entered-in-error')
			    group by c.team_id
			),
			expiring as (
			    select x.team_id, count(*) as n,
			           count(*) filter (where exists (select 1 from care.contract r where r.renewed_from = x.id)) as renewed
			    from care.contract x
			    where x.team_id in (:teams) and x.end_date >= make_date(:year, 1, 1) and x.end_date < make_date(:year + 1, 1, 1)
			      and (x.cancelled_on is null or x.cancelled_on > x.end_date)
			    group by x.team_id
			)
			select t.code, t.name, t.institution_code, t.org_unit_code,
			       coalesce(r.n, 0) as residents, coalesce(s.public_health, 0) as public_health,
			       coalesce(s.outpatient, 0) as outpatient, coalesce(x.n, 0) as expiring, coalesce(x.renewed, 0) as renewed
			from t
			left join residents r on r.team_id = t.id
			left join services s on s.team_id = t.id
			left join expiring x on x.team_id = t.id
			order by t.code
			""";

	private final JdbcClient jdbc;

	TeamPerformances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<TeamPerformance> of(List<Long> teamIds, int year) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL).param("teams", teamIds).param("year", year).query((rs, n) -> {
			long publicHealth = rs.getLong("public_health");
			long outpatient = rs.getLong("outpatient");
			long expiring = rs.getLong("expiring");
			long renewed = rs.getLong("renewed");
			BigDecimal rate = expiring == 0 ? null
					: BigDecimal.valueOf(renewed * 100).divide(BigDecimal.valueOf(expiring), 2, RoundingMode.HALF_UP);
			return new TeamPerformance(rs.getString("code"), rs.getString("name"), rs.getString("institution_code"),
					rs.getString("org_unit_code"), year, rs.getLong("residents"), publicHealth, outpatient,
					publicHealth + outpatient, expiring, renewed, rate);
		}).list();
	}

}
