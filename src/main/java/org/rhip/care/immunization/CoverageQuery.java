package org.rhip.care.immunization;

import java.math.BigDecimal;

import org.rhip.care.indicator.MemberQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 适龄儿童免疫规划疫苗接种率 (NIP coverage, REFERENCE.md §1.2, §2): one member per child and
 * requirement of the schedule whose timely deadline (the 2021 explanatory notes' completion ages,
 * §2.1) falls in the year; in the numerator when the doses were given by the deadline. The
 * requirements hold for both editions: DTaP-3 by 12 months and DTaP-4 by 24 months are the same in
 * the 2025 schedule, and the 6-year dose is DT (2021) or DTaP-5 (2025). A series of two kinds counts
 * either way (JE live 1 dose or inactivated 2 by 12 months; polio 3 doses of IPV and bOPV together).
 * Children are those of the population alive at the deadline; an org unit's figure is per child's
 * address (the plans measure it per street, 以街道为单位).
 */
@Configuration(proxyBeanMethods = false)
class CoverageQuery {

	/** requirement, vaccines of one way, doses needed that way, deadline in months (0 = within 24 hours). */
	static final String REQUIREMENTS = """
			values ('HepB-1', array['HepB'], 1, 0), ('BCG-1', array['BCG'], 1, 3),
			       ('HepB-3', array['HepB'], 3, 12), ('Polio-3', array['IPV', 'bOPV'], 3, 12),
			       ('DTaP-3', array['DTaP'], 3, 12), ('MMR-1', array['MMR'], 1, 12),
			       ('JE-1', array['JE-L'], 1, 12), ('JE-1', array['JE-I'], 2, 12),
			       ('MPSV-A-2', array['MPSV-A'], 2, 18), ('MMR-2', array['MMR'], 2, 24),
			       ('HepA-1', array['HepA-L', 'HepA-I'], 1, 24), ('DTaP-4', array['DTaP'], 4, 24),
			       ('JE-2', array['JE-L'], 2, 36), ('JE-2', array['JE-I'], 3, 36),
			       ('MPSV-AC-1', array['MPSV-AC'], 1, 48), ('Polio-4', array['IPV', 'bOPV'], 4, 60),
			       ('DT-6y', array['DT'], 1, 84), ('DT-6y', array['DTaP'], 5, 84),
			       ('MPSV-AC-2', array['MPSV-AC'], 2, 84)
			""";

	@Bean
	MemberQuery nipCoverage() {
		return MemberQuery.of("NIP_COVERAGE", BigDecimal.valueOf(100), true, """
				with req(requirement, vaccines, doses, months) as (%s),
				     due as (select p.person_id, p.org_unit_code, r.requirement, r.vaccines, r.doses,
				                    case when r.months = 0 then p.birth_date + 1
				                         else (p.birth_date + r.months * interval \'1 month\')::date end as deadline
				             from person.population p
				             cross join req r
				             where p.birth_date > make_date(cast(:from as int) - 8, 1, 1)
				               and p.birth_date <= make_date(cast(:to as int), 12, 31)),
				     due_in_years as (select d.* from due d
				                      where d.deadline >= make_date(cast(:from as int), 1, 1)
				                        and d.deadline < make_date(cast(:to as int) + 1, 1, 1)
				                        and d.deadline <= current_date),
				     alive as (select d.* from due_in_years d join person.population p on p.person_id = d.person_id
				               where p.death_date is null or p.death_date >= d.deadline),
				     given as (select a.person_id, a.requirement, a.vaccines,
				                      count(distinct concat_ws('|', i.vaccine_code, i.dose_number, i.date)) as doses
				               from alive a
				               join record.immunization i on i.person_id = a.person_id and i.vaccine_code = any(a.vaccines)
				                and i.date <= a.deadline and coalesce(i.status, 'completed') = 'completed'
				               group by a.person_id, a.requirement, a.vaccines)
				select extract(year from a.deadline)::int as year, a.person_id, a.org_unit_code,
				       bool_or(coalesce(g.doses, 0) >= a.doses) as numerator
				from alive a
				left join given g on g.person_id = a.person_id and g.requirement = a.requirement and g.vaccines = a.vaccines
				group by extract(year from a.deadline), a.person_id, a.org_unit_code, a.requirement
				""".formatted(REQUIREMENTS));
	}

}
