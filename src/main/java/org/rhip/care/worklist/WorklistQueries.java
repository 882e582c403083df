package org.rhip.care.worklist;

/**
 * Who is due for which service (REFERENCE.md §1), as SQL over the person index and the record
 * projections. Each query takes {@code :units} (the org units of the worklist) and {@code :today}
 * and gives {@code person_id, program, service, due_date, last_date, note}: the next service of
 * every person of the program, however far off; the caller keeps the ones due within its horizon.
 */
final class WorklistQueries {

	private WorklistQueries() {
	}

	static final String PEOPLE = """
			select p.person_id, p.birth_date, p.sex from person.population p
			where p.org_unit_code = any(cast(:units as text[])) and p.death_date is null
			""";

	/**
	 * Hypertension and diabetes (§1.6, §1.7): a diagnosed patient of 35+ without a follow-up yet is
	 * due for enrolment now; an enrolled one 3 months after the last follow-up, or within 2 weeks when
	 * that visit was not controlled; a danger-level value (BP ≥ 180/110, fasting glucose ≥ 16.7) means
	 * referral, noted.
	 */
	static String chronic(String program, String icd10Pattern, String followUp, String uncontrolled, String danger) {
		return """
				with people as (%1$s),
				     dx as (select d.person_id, min(d.date) as since from record.diagnosis d
				            join people p on p.person_id = d.person_id
				            where d.icd10 ~ '%2$s' and p.birth_date <= cast(:today as date) - interval '35 years'
				            group by d.person_id),
				     last as (select distinct on (e.person_id) e.person_id, e.resource_id, e.date
				              from record.encounter e join dx on dx.person_id = e.person_id
				              where e.type_code = '%3$s' and e.kind = 'public_health'
				              order by e.person_id, e.date desc, e.start_at desc),
				     judged as (select l.person_id, l.date,
				                       coalesce(bool_or(%4$s), false) as uncontrolled,
				                       coalesce(bool_or(%5$s), false) as danger
				                from last l left join record.observation o on o.encounter_id = l.resource_id
				                group by l.person_id, l.date)
				select dx.person_id, '%6$s' as program, '%3$s' as service,
				       case when j.person_id is null then dx.since
				            when j.uncontrolled then j.date + 14 else (j.date + interval '3 months')::date end as due_date,
				       j.date as last_date,
				       case when j.person_id is null then 'enrol'
				            when j.danger then 'refer' when j.uncontrolled then 'uncontrolled' else null end as note
				from dx left join judged j on j.person_id = dx.person_id
				""".formatted(PEOPLE, icd10Pattern, followUp, uncontrolled, danger, program);
	}

	static final String HYPERTENSION = chronic("hypertension", "^I1[0-5].*", "htn-followup",
			"(o.code = '8480-6' and o.value >= 140) or (o.code = '8462-4' and o.value >= 90)",
			"(o.code = '8480-6' and o.value >= 180) or (o.code = '8462-4' and o.value >= 110)");

	static final String DIABETES = chronic("diabetes", "^E11.*", "dm-followup", "o.code = '1558-6' and o.value >= 7.0",
			"o.code = '1558-6' and o.value >= 16.7");

	/** 65+ (§1.5): a health check a year after the last one, or from the 65th birthday. */
	static final String ELDERLY = """
			with people as (%s)
			select p.person_id, 'elderly' as program, 'health-check' as service,
			       coalesce((max(e.date) + interval '1 year')::date, (p.birth_date + interval '65 years')::date) as due_date,
			       max(e.date) as last_date, null as note
			from people p
			left join record.encounter e on e.person_id = p.person_id and e.type_code = 'health-check' and e.kind = 'public_health'
			where p.birth_date <= make_date(date_part('year', cast(:today as date))::int - 65, 12, 31)
			group by p.person_id, p.birth_date
			""".formatted(PEOPLE);

	/**
	 * Children 0–6 (§1.3): the checks at 1 month (the newborn visit), 3, 6, 8, 12, 18, 24, 30 and 36
	 * months and at 4, 5 and 6 years. The next is the first scheduled after the last check done; a check
	 * missed by more than 90 days is not caught up (the child has outgrown it), the next one is due.
	 */
	static final String CHILD = """
			with people as (%s),
			     done as (select p.person_id, p.birth_date, max(e.date) as last_date
			              from people p
			              left join record.encounter e on e.person_id = p.person_id and e.kind = 'public_health'
			               and e.type_code in ('newborn-visit', 'child-check')
			              where p.birth_date > cast(:today as date) - interval '7 years'
			              group by p.person_id, p.birth_date),
			     next as (select d.person_id, d.last_date,
			                     (select m.months from unnest(array[1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72]) as m(months)
			                      where d.birth_date + m.months * interval \'1 month\' > coalesce(d.last_date, d.birth_date)
			                        and d.birth_date + m.months * interval \'1 month\' >= cast(:today as date) - 90
			                      order by m.months limit 1) as months,
			                     d.birth_date
			              from done d)
			select n.person_id, 'child' as program, case when n.months = 1 then 'newborn-visit' else 'child-check' end as service,
			       (n.birth_date + n.months * interval \'1 month\')::date as due_date, n.last_date, null as note
			from next n where n.months is not null
			""".formatted(PEOPLE);

	/**
	 * Pregnancy (§1.4): from the last menstrual period (onset of a Z34 condition) without a birth
	 * since, the five prenatal checks by 13, 16–20, 21–24, 28–36 and 37–40 weeks; after a birth in the
	 * last 42 days, the postpartum visit within a week and the 42-day check.
	 */
	static final String MATERNAL = """
			with people as (%s),
			     pregnancy as (select distinct on (d.person_id) d.person_id, d.date as lmp from record.diagnosis d
			                   join people p on p.person_id = d.person_id
			                   where d.icd10 ~ '^Z3[45].*' and d.date > cast(:today as date) - 294
			                   order by d.person_id, d.date desc),
			     open as (select g.* from pregnancy g
			              where not exists (select 1 from record.birth b where b.mother_person_id = g.person_id and b.date >= g.lmp)),
			     visits as (select o.person_id, o.lmp, count(e.resource_id) as checks, max(e.date) as last_date from open o
			                left join record.encounter e on e.person_id = o.person_id and e.type_code = 'prenatal'
			                 and e.kind = 'public_health' and e.date >= o.lmp
			                group by o.person_id, o.lmp),
			     births as (select distinct on (b.mother_person_id) b.mother_person_id as person_id, b.date from record.birth b
			                join people p on p.person_id = b.mother_person_id
			                where b.date > cast(:today as date) - 42
			                order by b.mother_person_id, b.date desc)
			select v.person_id, 'maternal' as program, 'prenatal' as service,
			       v.lmp + (array[12, 16, 21, 28, 37])[v.checks + 1] * 7 as due_date, v.last_date, null as note
			from visits v where v.checks < 5
			union all
			select b.person_id, 'maternal', s.service, b.date + s.days, null, null
			from births b cross join (values ('postpartum-visit', 7), ('postpartum-42d', 42)) as s(service, days)
			where not exists (select 1 from record.encounter e where e.person_id = b.person_id and e.type_code = s.service
			                  and e.kind = 'public_health' and e.date >= b.date)
			""".formatted(PEOPLE);

	/**
	 * Severe mental disorders (§1.8): after the last follow-up, by its risk level (0 stable: 3 months;
	 * 1–2 basically stable: 1 month; 3–5 unstable: 2 weeks, referral noted); at diagnosis, now.
	 */
	static final String SEVERE_MENTAL_DISORDER = """
			with people as (%s),
			     dx as (select d.person_id, min(d.date) as since from record.diagnosis d
			            join people p on p.person_id = d.person_id
			            where d.icd10 ~ '^(F20|F22|F25|F31|F06|F7[0-9]).*' group by d.person_id),
			     last as (select distinct on (e.person_id) e.person_id, e.resource_id, e.date
			              from record.encounter e join dx on dx.person_id = e.person_id
			              where e.type_code = 'smd-followup' and e.kind = 'public_health'
			              order by e.person_id, e.date desc, e.start_at desc),
			     risk as (select l.person_id, l.date, max(o.value) as level
			              from last l left join record.observation o on o.encounter_id = l.resource_id and o.code = 'smd-risk'
			              group by l.person_id, l.date)
			select dx.person_id, 'smd' as program, 'smd-followup' as service,
			       case when r.person_id is null then dx.since
			            when r.level >= 3 then r.date + 14
			            when r.level >= 1 then (r.date + interval '1 month')::date
			            else (r.date + interval '3 months')::date end as due_date,
			       r.date as last_date,
			       case when r.person_id is null then 'enrol' when r.level >= 3 then 'refer' else null end as note
			from dx left join risk r on r.person_id = dx.person_id
			""".formatted(PEOPLE);

}
