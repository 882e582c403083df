package org.rhip.care.family;

import org.rhip.care.indicator.MemberQuery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The family-doctor indicators of REFERENCE.md §6 as member queries (catalogue codes
 * {@code FD_SIGNING_RATE}, {@code FD_KEY_SIGNING_RATE}).
 *
 * <p>Both are a state on <b>31 December</b> of the year (截至年底), not a count over the year: the
 * reference formula is residents under contract over permanent residents, a stock, and the plans set
 * it as a level to reach. Members (the denominator): persons of the person index's population
 * ({@code person.population}) born on or before 31 December, not dead on or before it, and not
 * recorded as living elsewhere ({@code resident} false); null counts as living at the address, since
 * most sources do not say. Numerator: a contract in force on 31 December ({@code care.contract.in_force},
 * which ends the day before a cancellation). The org unit is the person's current one.
 *
 * <p>The key-population rate keeps the members who on 31 December are 65 or older, under 7, pregnant
 * (Z34 with onset within 42 weeks), hypertensive (I10–I15), type 2 diabetic (E11), with a severe mental
 * disorder (F20, F22, F25, F31, F06, F70–F79) — each from a diagnosis on or before the day — or with
 * tuberculosis (A15–A19, diagnosed within the year before, not resolved), or who declared disabled,
 * low-income or special-hardship on their latest contract started by then. Declared groups are known
 * only for residents who ever signed (the platform has no register of them), so they raise the rate;
 * the derived groups do not depend on contracts.
 */
@Configuration(proxyBeanMethods = false)
class FamilyDoctorIndicators {

	/** One row per year of [:from, :to] with its reference day. */
	static final String YEARS = """
			years as (
			    select cast(g.y as int) as year, make_date(cast(g.y as int), 12, 31) as day
			    from generate_series(cast(:from as int), cast(:to as int)) as g(y)
			),
			members as (
			    select y.year, y.day, p.person_id, p.org_unit_code, p.birth_date
			    from years y
			    join person.population p on p.birth_date <= y.day and (p.death_date is null or p.death_date > y.day)
			    where p.resident is not false
			),
			signed as (
			    -- in_force @> day, spelt out so that DuckDB runs it too (the benchmark)
			    select distinct y.year, c.person_id from years y
			    join care.contract c on c.start_date <= y.day and y.day <= c.end_date and (c.cancelled_on is null or y.day < c.cancelled_on)
			)""";

	static final String SIGNING_RATE = "with " + YEARS + """

			select m.year, m.person_id, m.org_unit_code, s.person_id is not null as numerator
			from members m
			left join signed s on s.year = m.year and s.person_id = m.person_id
			""";

	static final String KEY_SIGNING_RATE = "with " + YEARS + """
			,
			chronic as (
			    select g.person_id,
			           min(g.date) filter (where %1$s) as hypertension,
			           min(g.date) filter (where %2$s) as diabetes,
			           min(g.date) filter (where %3$s) as smi
			    from record.diagnosis g
			    where g.person_id is not null and g.icd10 is not null and %4$s and %5$s
			    group by g.person_id
			),
			-- pregnancies and tuberculosis depend on the day: read their few diagnoses once, then match the years
			episodic as materialized (
			    select g.person_id, g.icd10, g.date, g.clinical_status from record.diagnosis g
			    where g.person_id is not null and g.icd10 is not null and %4$s and (%10$s or %11$s)
			),
			episodes as (
			    select y.year, g.person_id from years y
			    join episodic g on %6$s or %7$s
			    group by y.year, g.person_id
			),
			declared as (
			    select distinct on (y.year, c.person_id) y.year, c.person_id, c.key_tags
			    from years y
			    join care.contract c on c.start_date <= y.day
			    where c.person_id in (select person_id from care.contract where array_length(key_tags, 1) > 0)
			    order by y.year, c.person_id, c.start_date desc, c.id desc
			)
			select m.year, m.person_id, m.org_unit_code, s.person_id is not null as numerator
			from members m
			left join chronic ch on ch.person_id = m.person_id
			left join episodes e on e.year = m.year and e.person_id = m.person_id
			left join declared t on t.year = m.year and t.person_id = m.person_id
			left join signed s on s.year = m.year and s.person_id = m.person_id
			where %8$s or %9$s
			   or ch.hypertension <= m.day or ch.diabetes <= m.day or ch.smi <= m.day
			   or e.person_id is not null
			   or array_length(t.key_tags, 1) > 0
			""".formatted(KeyGroupSql.HYPERTENSION, KeyGroupSql.DIABETES, KeyGroupSql.SEVERE_MENTAL_DISORDER,
			KeyGroupSql.VALID, KeyGroupSql.CHRONIC, KeyGroupSql.pregnantOn("y.day"), KeyGroupSql.tuberculosisOn("y.day"),
			KeyGroupSql.elderlyOn("m.birth_date", "m.day"), KeyGroupSql.childOn("m.birth_date", "m.day"),
			KeyGroupSql.PREGNANCY, KeyGroupSql.TUBERCULOSIS);

	/** A member query of plain SQL. */
	record Query(String indicator, String sql) implements MemberQuery {
	}

	@Bean
	MemberQuery familyDoctorSigningRate() {
		return new Query("FD_SIGNING_RATE", SIGNING_RATE);
	}

	@Bean
	MemberQuery familyDoctorKeySigningRate() {
		return new Query("FD_KEY_SIGNING_RATE", KEY_SIGNING_RATE);
	}

}
