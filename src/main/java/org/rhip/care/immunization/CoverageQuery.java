package org.rhip.care.immunization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Collectors;

import org.rhip.care.indicator.MemberQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 适龄儿童免疫规划疫苗接种率 (NIP coverage, REFERENCE.md §1.2, §2) by the rule of
 * {@link CoverageTarget}, over the targets of the bundled schedule ({@code care/nip-schedule.yaml},
 * both editions): one member per child and dose whose timely deadline falls in the year, for the
 * children alive on that day; in the numerator when, by the deadline, the child had as many doses of
 * the vaccine as the dose's number (or of its stand-in, JE-I for JE-L, HepA-I for HepA-L). Counting
 * doses rather than trusting their numbers keeps a record sent twice, or numbered by another system,
 * from counting wrong. An org unit's figure is per the child's address (the plans measure it per
 * street, 以街道为单位).
 */
@Configuration(proxyBeanMethods = false)
class CoverageQuery {

	/** The schedule's targets as a VALUES list: months and days as integers, so that it runs in any SQL engine. */
	static String targets(NipSchedule schedule) {
		return schedule.coverageTargets().stream().map(t -> "('" + t.series() + "', '" + t.vaccineCode() + "', "
				+ t.doseNumber() + ", " + (t.alternativeVaccineCode() == null ? "''" : "'" + t.alternativeVaccineCode() + "'")
				+ ", " + (t.alternativeDoseNumber() == null ? 0 : t.alternativeDoseNumber()) + ", " + months(t.timelyBefore()) + ", "
				+ t.timelyBefore().getDays() + ", " + months(t.chosenAt()) + ", " + t.chosenAt().getDays() + ", "
				+ date(t.validFrom(), "1900-01-01") + ", " + date(t.validUntil(), "9999-12-31") + ")")
			.collect(Collectors.joining(",\n", "values ", ""));
	}

	private static long months(Period p) {
		return p.toTotalMonths();
	}

	private static String date(LocalDate d, String open) {
		return "date '" + (d == null ? open : d.toString()) + "'";
	}

	@Bean
	MemberQuery nipCoverage() {
		return MemberQuery.of("NIP_COVERAGE", BigDecimal.valueOf(100), true, """
				with target(series, vaccine, dose, alt_vaccine, alt_dose, timely_months, timely_days, chosen_months, chosen_days,
				            valid_from, valid_until) as (%s),
				     due as (select p.person_id, p.org_unit_code, t.series, t.vaccine, t.dose, t.alt_vaccine, t.alt_dose,
				                    (p.birth_date + t.timely_months * interval '1 month')::date + t.timely_days - 1 as deadline,
				                    p.death_date
				             from person.population p
				             cross join target t
				             where p.birth_date > make_date(cast(:from as int) - 8, 1, 1)
				               and p.birth_date <= make_date(cast(:to as int), 12, 31)
				               and (p.birth_date + t.chosen_months * interval '1 month')::date + t.chosen_days >= t.valid_from
				               and (p.birth_date + t.chosen_months * interval '1 month')::date + t.chosen_days < t.valid_until),
				     members as (select d.* from due d
				                 where d.deadline >= make_date(cast(:from as int), 1, 1)
				                   and d.deadline < make_date(cast(:to as int) + 1, 1, 1)
				                   and d.deadline < current_date
				                   and (d.death_date is null or d.death_date >= d.deadline)),
				     given as (select m.person_id, m.vaccine, m.dose,
				                      count(distinct case when i.vaccine_code = m.vaccine then concat_ws('|', i.dose_number, i.date) end) as doses,
				                      count(distinct case when i.vaccine_code = m.alt_vaccine then concat_ws('|', i.dose_number, i.date) end) as alt_doses
				               from members m
				               join record.immunization i on i.person_id = m.person_id
				                and (i.vaccine_code = m.vaccine or i.vaccine_code = m.alt_vaccine)
				                and i.date <= m.deadline and coalesce(i.status, 'completed') = 'completed'
				               group by m.person_id, m.vaccine, m.dose)
				select date_part('year', m.deadline)::int as year, m.person_id, m.org_unit_code,
				       coalesce(g.doses >= m.dose or (m.alt_dose > 0 and g.alt_doses >= m.alt_dose), false) as numerator
				from members m
				left join given g on g.person_id = m.person_id and g.vaccine = m.vaccine and g.dose = m.dose
				""".formatted(targets(NipSchedule.bundled())));
	}

}
