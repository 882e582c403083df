package org.rhip.care.vital;

import java.math.BigDecimal;

import org.rhip.care.indicator.MemberQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Child and maternal mortality (REFERENCE.md §5.1) from the births and deaths of the record store:
 * deaths of the year against live births of the same year. A person is counted once however many
 * institutions reported the birth or the death; the org unit is the person's (a newborn without an
 * address of its own takes its mother's).
 */
@Configuration(proxyBeanMethods = false)
class VitalQueries {

	static final String BIRTHS = """
			select distinct on (b.person_id) date_part('year', b.date)::int as year, b.person_id,
			       coalesce(c.org_unit_code, m.org_unit_code) as org_unit_code
			from record.birth b
			left join person.population c on c.person_id = b.person_id
			left join person.population m on m.person_id = b.mother_person_id
			where b.person_id is not null
			  and b.date >= make_date(cast(:from as int), 1, 1) and b.date < make_date(cast(:to as int) + 1, 1, 1)
			order by b.person_id, b.date
			""";

	static final String DEATHS = """
			select distinct on (d.person_id) date_part('year', d.date)::int as year, d.person_id, p.org_unit_code,
			       d.date, coalesce(d.birth_date, p.birth_date) as birth_date, p.sex, upper(d.underlying_cause) as cause
			from record.death d
			join person.population p on p.person_id = d.person_id
			where d.date >= make_date(cast(:from as int), 1, 1) and d.date < make_date(cast(:to as int) + 1, 1, 1)
			order by d.person_id, d.date
			""";

	/** Deaths (numerator rows) of the kind the condition selects against live births (denominator rows). */
	static String againstLiveBirths(String deathCondition) {
		return """
				select b.year, b.person_id, b.org_unit_code, false as numerator, true as denominator
				from (%s) b where b.org_unit_code is not null
				union all
				select d.year, d.person_id, d.org_unit_code, true as numerator, false as denominator
				from (%s) d where %s
				""".formatted(BIRTHS, DEATHS, deathCondition);
	}

	/** 婴儿死亡率 ‰: deaths under 1 year of age / live births. */
	@Bean
	MemberQuery infantMortality() {
		return MemberQuery.of("INFANT_MORTALITY", BigDecimal.valueOf(1000), false,
				againstLiveBirths("d.date < d.birth_date + interval '1 year'"));
	}

	/** 5岁以下儿童死亡率 ‰: deaths under 5 years of age / live births. */
	@Bean
	MemberQuery underFiveMortality() {
		return MemberQuery.of("UNDER5_MORTALITY", BigDecimal.valueOf(1000), false,
				againstLiveBirths("d.date < d.birth_date + interval '5 years'"));
	}

	/**
	 * 孕产妇死亡率 per 100,000 live births: deaths of women from a cause related to or aggravated by
	 * pregnancy — underlying cause O00–O95, O98–O99 or A34 (obstetric tetanus); O96/O97 (late and
	 * sequelae) are not maternal deaths in the 42-day definition.
	 */
	@Bean
	MemberQuery maternalMortality() {
		return MemberQuery.of("MATERNAL_MORTALITY", BigDecimal.valueOf(100000), false,
				againstLiveBirths("d.sex = '2' and d.cause ~ '^(O([0-8][0-9]|9[0-5]|9[89])|A34).*'"));
	}

}
