package org.rhip.care.program;

import java.math.BigDecimal;

import org.rhip.care.indicator.MemberQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The programs of the national basic public-health service specification (基本公共卫生服务规范,
 * 3rd edition; REFERENCE.md §1) as member queries over the person index and the record projections.
 * A program's services are public-health encounters with a service code (docs/care.md); a person
 * counts in a year while alive on 1 July; ages are completed years on 31 December.
 */
@Configuration(proxyBeanMethods = false)
class ProgramQueries {

	/** Years and the persons alive in the middle of each: the population of a year. */
	static final String YEARS = """
			generate_series(cast(:from as int), cast(:to as int)) as y(year)
			""";

	static final String ALIVE = """
			p.birth_date <= make_date(y.year, 7, 1) and (p.death_date is null or p.death_date >= make_date(y.year, 7, 1))
			""";

	/** A service's visits per person and year (care.service_year, rebuilt before the queries run). */
	static String services(String code) {
		return """
				select s.person_id, s.year, s.visits from care.service_year s
				where s.service = '%s' and s.year between cast(:from as int) and cast(:to as int)
				""".formatted(code);
	}

	/** Enrolment in a program: the first visit of its follow-up service, any year. */
	static String enrolled(String followUp) {
		return """
				select s.person_id, min(s.first_date) as since from care.service_year s
				where s.service = '%s' group by s.person_id
				""".formatted(followUp);
	}

	/** 65岁以上老年人健康管理率 (§1.5): a finished health check (健康体检表 complete, guidance given) this year. */
	@Bean
	MemberQuery elderlyHealthManagement() {
		return MemberQuery.of("ELDERLY_HEALTH_MGMT", BigDecimal.valueOf(100), true, """
				select y.year, p.person_id, p.org_unit_code, h.person_id is not null as numerator
				from %s
				join person.population p on p.birth_date <= make_date(y.year - 65, 12, 31) and %s
				left join (%s) h on h.person_id = p.person_id and h.year = y.year
				""".formatted(YEARS, ALIVE, services("health-check")));
	}

	/**
	 * A chronic-disease program (§1.6, §1.7): the patients under management in a year are those aged
	 * 35+ with the diagnosis, enrolled by their first follow-up on or before 31 December; managed to the
	 * specification (规范管理) with at least four follow-ups and a health check in the year.
	 */
	static String chronicStandardized(String icd10Pattern, String followUp) {
		return """
				with dx as (select person_id, min(date) as since from record.diagnosis
				            where icd10 ~ '%1$s' and person_id is not null group by person_id),
				     enrolled as (%7$s),
				     fu as (%3$s),
				     chk as (%4$s)
				select y.year, p.person_id, p.org_unit_code, coalesce(fu.visits, 0) >= 4 and chk.person_id is not null as numerator
				from %5$s
				join enrolled en on en.since <= make_date(y.year, 12, 31)
				join dx on dx.person_id = en.person_id and dx.since <= make_date(y.year, 12, 31)
				join person.population p on p.person_id = en.person_id and p.birth_date <= make_date(y.year - 35, 12, 31) and %6$s
				left join fu on fu.person_id = p.person_id and fu.year = y.year
				left join chk on chk.person_id = p.person_id and chk.year = y.year
				""".formatted(icd10Pattern, followUp, services(followUp), services("health-check"), YEARS, ALIVE, enrolled(followUp));
	}

	/**
	 * Control in the managed population (管理人群血压/血糖控制率, §1.6, §1.7): the value of the latest
	 * follow-up of the year met the target; a patient without a follow-up this year is not controlled.
	 */
	static String chronicControlled(String icd10Pattern, String followUp, String codes, String controlled) {
		return """
				with dx as (select person_id, min(date) as since from record.diagnosis
				            where icd10 ~ '%1$s' and person_id is not null group by person_id),
				     enrolled as (%6$s),
				     latest as (select s.person_id, s.year, s.last_encounter as resource_id from care.service_year s
				                where s.service = '%2$s' and s.year between cast(:from as int) and cast(:to as int)),
				     ok as (select l.person_id, l.year from latest l
				            join record.observation o on o.encounter_id = l.resource_id and o.code in (%7$s)
				            group by l.person_id, l.year
				            having %3$s)
				select y.year, p.person_id, p.org_unit_code, ok.person_id is not null as numerator
				from %4$s
				join enrolled en on en.since <= make_date(y.year, 12, 31)
				join dx on dx.person_id = en.person_id and dx.since <= make_date(y.year, 12, 31)
				join person.population p on p.person_id = en.person_id and p.birth_date <= make_date(y.year - 35, 12, 31) and %5$s
				left join ok on ok.person_id = p.person_id and ok.year = y.year
				""".formatted(icd10Pattern, followUp, controlled, YEARS, ALIVE, enrolled(followUp), codes);
	}

	static final String HYPERTENSION = "^I1[0-5].*";

	static final String DIABETES = "^E11.*";

	/** 严重精神障碍 (§1.8): schizophrenia, persistent delusional (paranoid), schizoaffective, bipolar, due to epilepsy, with mental retardation. */
	static final String SEVERE_MENTAL_DISORDER = "^(F20|F22|F25|F31|F06|F7[0-9]).*";

	@Bean
	MemberQuery hypertensionStandardized() {
		return MemberQuery.of("HTN_MGMT", BigDecimal.valueOf(100), true, chronicStandardized(HYPERTENSION, "htn-followup"));
	}

	@Bean
	MemberQuery diabetesStandardized() {
		return MemberQuery.of("DM_MGMT", BigDecimal.valueOf(100), true, chronicStandardized(DIABETES, "dm-followup"));
	}

	/** BP control: systolic < 140 and diastolic < 90 mmHg at the latest follow-up, both at once. */
	@Bean
	MemberQuery hypertensionControlled() {
		return MemberQuery.of("HTN_CONTROL", BigDecimal.valueOf(100), true, chronicControlled(HYPERTENSION, "htn-followup", "'8480-6', '8462-4'",
				"max(o.value) filter (where o.code = '8480-6') < 140 and max(o.value) filter (where o.code = '8462-4') < 90"));
	}

	/** Glucose control: fasting plasma glucose < 7.0 mmol/L at the latest follow-up. */
	@Bean
	MemberQuery diabetesControlled() {
		return MemberQuery.of("DM_CONTROL", BigDecimal.valueOf(100), true, chronicControlled(DIABETES, "dm-followup", "'1558-6'",
				"max(o.value) filter (where o.code = '1558-6') < 7.0"));
	}

	/**
	 * 严重精神障碍患者规范管理率 (§1.8): registered confirmed patients of the year (the diagnosis on or
	 * before 31 December, alive), managed to the specification with at least four follow-ups.
	 */
	@Bean
	MemberQuery severeMentalDisorder() {
		return MemberQuery.of("SMD_MGMT", BigDecimal.valueOf(100), true, """
				with dx as (select person_id, min(date) as since from record.diagnosis
				            where icd10 ~ '%s' and person_id is not null group by person_id),
				     fu as (%s)
				select y.year, p.person_id, p.org_unit_code, coalesce(fu.visits, 0) >= 4 as numerator
				from %s
				join dx on dx.since <= make_date(y.year, 12, 31)
				join person.population p on p.person_id = dx.person_id and %s
				left join fu on fu.person_id = p.person_id and fu.year = y.year
				""".formatted(SEVERE_MENTAL_DISORDER, services("smd-followup"), YEARS, ALIVE));
	}

	/** 7岁以下儿童健康管理率 (§1.3): children 0–6 with at least one check (or newborn visit) this year. */
	@Bean
	MemberQuery childUnder7() {
		return MemberQuery.of("CHILD_U7_HEALTH_MGMT", BigDecimal.valueOf(100), true, """
				with checks as (select s.person_id, s.year from care.service_year s
				                where s.service in ('child-check', 'newborn-visit')
				                  and s.year between cast(:from as int) and cast(:to as int)
				                group by s.person_id, s.year)
				select y.year, p.person_id, p.org_unit_code, c.person_id is not null as numerator
				from %s
				join person.population p on p.birth_date > make_date(y.year - 7, 12, 31) and %s
				left join checks c on c.person_id = p.person_id and c.year = y.year
				""".formatted(YEARS, ALIVE));
	}

	/**
	 * 3岁以下儿童系统管理率: children under 3 who had, this year, as many checks (newborn visit and
	 * child checks) as the schedule's check ages — 1, 3, 6, 8, 12, 18, 24, 30 months (§1.3) — falling
	 * in the year; a child with no check due this year is not counted.
	 */
	@Bean
	MemberQuery childUnder3() {
		return MemberQuery.of("CHILD_U3_SYS_MGMT", BigDecimal.valueOf(100), true, """
				with checks as (select s.person_id, s.year, sum(s.visits) as visits from care.service_year s
				                where s.service in ('child-check', 'newborn-visit')
				                  and s.year between cast(:from as int) and cast(:to as int)
				                group by s.person_id, s.year),
				     due as (select y.year, p.person_id, p.org_unit_code,
				                    (select count(*) from unnest(array[1, 3, 6, 8, 12, 18, 24, 30]) as m(months)
				                      where date_part('year', p.birth_date + m.months * interval \'1 month\')::int = y.year) as checks_due
				             from %s
				             join person.population p on p.birth_date > make_date(y.year - 3, 12, 31) and %s)
				select d.year, d.person_id, d.org_unit_code, coalesce(c.visits, 0) >= d.checks_due as numerator
				from due d
				left join checks c on c.person_id = d.person_id and c.year = d.year
				where d.checks_due > 0
				""".formatted(YEARS, ALIVE));
	}

	/**
	 * 孕产妇系统管理率: live births of the year whose mother had her first prenatal check before 13
	 * weeks (§1.4, 3rd edition), at least five prenatal checks in the 300 days before the birth, a
	 * postpartum visit and the 42-day check in the 60 days after; the denominator is live births.
	 */
	@Bean
	MemberQuery maternalSystematic() {
		return MemberQuery.of("MATERNAL_SYS_MGMT", BigDecimal.valueOf(100), true, """
				with births as (select distinct on (b.mother_person_id, b.date, b.person_id) b.person_id, b.mother_person_id, b.date
				                from record.birth b
				                where b.mother_person_id is not null
				                  and b.date >= make_date(cast(:from as int), 1, 1) and b.date < make_date(cast(:to as int) + 1, 1, 1)),
				     visits as (select e.person_id, e.resource_id, e.type_code, e.date from record.encounter e
				                where e.kind = 'public_health' and e.type_code in ('prenatal', 'postpartum-visit', 'postpartum-42d')
				                  and e.person_id is not null
				                  and e.date >= make_date(cast(:from as int) - 1, 1, 1) and e.date < make_date(cast(:to as int) + 1, 3, 1)),
				     early as (select distinct o.encounter_id from record.observation o
				               join visits v on v.resource_id = o.encounter_id
				               where v.type_code = 'prenatal' and o.code = '11884-4' and o.value < 13),
				     care as (select b.person_id as child, b.mother_person_id,
				                     count(*) filter (where v.type_code = 'prenatal' and v.date between b.date - 300 and b.date) as prenatal,
				                     bool_or(v.type_code = 'postpartum-visit' and v.date between b.date and b.date + 60) as postpartum,
				                     bool_or(v.type_code = 'postpartum-42d' and v.date between b.date and b.date + 60) as check42,
				                     bool_or(v.type_code = 'prenatal' and v.date between b.date - 300 and b.date
				                             and x.encounter_id is not null) as early
				              from births b join visits v on v.person_id = b.mother_person_id
				              left join early x on x.encounter_id = v.resource_id
				              group by b.person_id, b.mother_person_id)
				select date_part('year', b.date)::int as year, b.mother_person_id as person_id, p.org_unit_code,
				       coalesce(c.early and c.prenatal >= 5 and c.postpartum and c.check42, false) as numerator
				from births b
				join person.population p on p.person_id = b.mother_person_id
				left join care c on c.child = b.person_id and c.mother_person_id = b.mother_person_id
				""");
	}

}
