package org.rhip.care.vital;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rhip.care.IndicatorValue;
import org.rhip.care.indicator.MemberQuery;
import org.rhip.care.indicator.OrgUnitTree;
import org.rhip.care.indicator.SqlArrays;
import org.rhip.care.indicator.TableIndicators;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Life expectancy at birth (Chiang's abridged life table, REFERENCE.md §5.2) and the probability of
 * premature death from the four major NCDs between 30 and 70 (WHO 30q70, §5.3), per org unit and
 * year: deaths of the year by age at death (and NCD underlying cause) and the population alive on
 * 1 July by age then, in the 19 groups, counted by SQL per org unit and added up the tree.
 * <p>
 * A unit whose table cannot be formed — an age group with nobody in it, as in a small street — has
 * no value rather than a wrong one. The numerator kept is the deaths counted (all deaths for e0, NCD
 * deaths at 30–69 for 30q70), the denominator the population (all, or 30–69).
 */
@Component
class AgeTables implements TableIndicators {

	static final String LIFE_EXPECTANCY = "LIFE_EXPECTANCY";

	static final String PREMATURE = "PREMATURE_NCD_MORTALITY";

	/**
	 * Completed years at a date of a birth date, in SQL without age() and with date_part (a double)
	 * rather than extract (a numeric since PostgreSQL 14): several times cheaper over millions of rows.
	 */
	static String ageAt(String date, String birth) {
		return "(date_part('year', " + date + ")::int - date_part('year', " + birth + ")::int"
				+ " - case when date_part('month', " + birth + ")::int * 100 + date_part('day', " + birth + ")::int"
				+ " > date_part('month', " + date + ")::int * 100 + date_part('day', " + date + ")::int then 1 else 0 end)";
	}

	/** The life-table group (0, 1–4, 5–9, …, 85+) of an age in SQL; the same as {@link LifeTable#groupOf(int)}. */
	static String groupOf(String age) {
		return "least(case when " + age + " = 0 then 0 when " + age + " < 5 then 1 else " + age + " / 5 + 1 end, 18)";
	}

	/**
	 * The population on 1 July of each year by org unit and group: a person counts in the years from the
	 * first 1 July after (or on) the birth to the last 1 July before (or on) the death, at the age in the
	 * first year plus the years since — date arithmetic once per person, not once per person and year.
	 */
	static final String POPULATION = """
			select y.year, p.org_unit_code, %s as grp, count(*) as people
			from (select pp.org_unit_code, %s as age0,
			             date_part('year', pp.birth_date)::int
			               + case when date_part('month', pp.birth_date)::int * 100 + date_part('day', pp.birth_date)::int > 701
			                      then 1 else 0 end as first_year,
			             case when pp.death_date is null then cast(:to as int)
			                  else date_part('year', pp.death_date)::int
			                       - case when date_part('month', pp.death_date)::int * 100 + date_part('day', pp.death_date)::int < 701
			                              then 1 else 0 end end as last_year
			      from person.population pp) p
			join generate_series(cast(:from as int), cast(:to as int)) as y(year)
			  on y.year between p.first_year and p.last_year
			group by 1, 2, 3
			""".formatted(groupOf("(p.age0 + y.year - cast(:from as int))"),
			ageAt("make_date(cast(:from as int), 7, 1)", "pp.birth_date"));

	static final String DEATHS_BY_AGE = """
			select d.year, d.org_unit_code, %s as grp, count(*) as deaths,
			       count(*) filter (where %s) as ncd
			from (%s) d
			where d.birth_date is not null
			group by 1, 2, 3
			""".formatted(groupOf(ageAt("d.date", "d.birth_date")), NcdCause.sqlCondition("d.cause"), VitalQueries.DEATHS);

	@Override
	public List<String> indicators() {
		return List.of(LIFE_EXPECTANCY, PREMATURE);
	}

	/** Deaths, NCD deaths and population per group of one org unit and year. */
	private static final class Counts {

		final long[] deaths = new long[LifeTable.GROUPS];

		final long[] ncd = new long[LifeTable.GROUPS];

		final long[] population = new long[LifeTable.GROUPS];

	}

	@Override
	public List<IndicatorValue> compute(JdbcClient on, OrgUnitTree tree, int from, int to) {
		Map<String, Counts> counts = new HashMap<>();
		Map<String, Object> params = Map.of("from", from, "to", to, "units", SqlArrays.text(tree.codes()));
		on.sql("select * from (" + POPULATION + ") t where t.org_unit_code = any(cast(:units as text[]))").params(params)
			.query(rs -> {
				for (String unit : tree.upwards(rs.getString("org_unit_code"))) {
					counts.computeIfAbsent(unit + "|" + rs.getInt("year"), k -> new Counts()).population[rs.getInt("grp")] += rs
						.getLong("people");
				}
			});
		on.sql("select * from (" + DEATHS_BY_AGE + ") t where t.org_unit_code = any(cast(:units as text[]))").params(params)
			.query(rs -> {
				for (String unit : tree.upwards(rs.getString("org_unit_code"))) {
					Counts c = counts.computeIfAbsent(unit + "|" + rs.getInt("year"), k -> new Counts());
					c.deaths[rs.getInt("grp")] += rs.getLong("deaths");
					c.ncd[rs.getInt("grp")] += rs.getLong("ncd");
				}
			});
		List<IndicatorValue> values = new ArrayList<>();
		counts.forEach((key, c) -> {
			int bar = key.indexOf('|');
			String unit = key.substring(0, bar);
			int year = Integer.parseInt(key.substring(bar + 1));
			lifeExpectancy(c).ifPresent(e0 -> values.add(new IndicatorValue(LIFE_EXPECTANCY, unit, year,
					BigDecimal.valueOf(sum(c.deaths, 0, LifeTable.GROUPS)), BigDecimal.valueOf(sum(c.population, 0, LifeTable.GROUPS)),
					BigDecimal.valueOf(e0))));
			premature(c).ifPresent(q -> values.add(new IndicatorValue(PREMATURE, unit, year, BigDecimal.valueOf(sum(c.ncd, 7, 15)),
					BigDecimal.valueOf(sum(c.population, 7, 15)), BigDecimal.valueOf(q))));
		});
		return values;
	}

	private static java.util.Optional<Double> lifeExpectancy(Counts c) {
		try {
			var e0 = LifeTable.of(c.deaths, c.population).e0();
			return e0.isPresent() && Double.isFinite(e0.getAsDouble()) ? java.util.Optional.of(e0.getAsDouble())
					: java.util.Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty(); // an empty age group: no table
		}
	}

	/** 30q70 over the life-table groups 30–34 (index 7) … 65–69 (index 14). */
	private static java.util.Optional<Double> premature(Counts c) {
		long[] ncd = java.util.Arrays.copyOfRange(c.ncd, 7, 15);
		long[] population = java.util.Arrays.copyOfRange(c.population, 7, 15);
		try {
			return java.util.Optional.of(PrematureMortality.of(ncd, population).percent());
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	private static long sum(long[] values, int from, int to) {
		long s = 0;
		for (int i = from; i < to; i++) {
			s += values[i];
		}
		return s;
	}

	@Override
	public MemberQuery members(String indicator) {
		String ages = PREMATURE.equals(indicator) ? " between 30 and 69" : " >= 0";
		String ncd = PREMATURE.equals(indicator) ? " and " + NcdCause.sqlCondition("d.cause") : "";
		return MemberQuery.of(indicator, BigDecimal.ONE, false, """
				select y.year, p.person_id, p.org_unit_code, false as numerator, true as denominator
				from generate_series(cast(:from as int), cast(:to as int)) as y(year)
				join person.population p on p.birth_date <= make_date(y.year, 7, 1)
				 and (p.death_date is null or p.death_date >= make_date(y.year, 7, 1))
				where %s%s
				union all
				select d.year, d.person_id, d.org_unit_code, true as numerator, false as denominator
				from (%s) d
				where d.birth_date is not null and %s%s%s
				""".formatted(ageAt("make_date(y.year, 7, 1)", "p.birth_date"), ages, VitalQueries.DEATHS,
				ageAt("d.date", "d.birth_date"), ages, ncd));
	}

}
