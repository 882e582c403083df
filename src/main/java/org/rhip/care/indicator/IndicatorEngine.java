package org.rhip.care.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.care.IndicatorComputation;
import org.rhip.care.IndicatorValue;
import org.rhip.registry.Institution;
import org.rhip.registry.RegistryApi;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes every record-based indicator of a region for a range of years: each member query once
 * for all years (grouped by year and org unit, then added up the org-unit tree), each table
 * indicator once, and replaces the region's values in {@code care.indicator_value} in one
 * transaction — a reader sees the old values or the new ones, never a mixture.
 */
@Component
public class IndicatorEngine {

	/** Institution types counted as primary care (基层医疗卫生机构, REFERENCE.md §7). */
	static final List<String> PRIMARY_CARE = List.of("chc", "chs_station", "township_health_centre", "village_clinic",
			"clinic", "outpatient_department");

	private static final MathContext MATH = MathContext.DECIMAL64;

	private final List<MemberQuery> queries;

	private final List<TableIndicators> tables;

	private final RegistryApi registry;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	IndicatorEngine(List<MemberQuery> queries, List<TableIndicators> tables, RegistryApi registry, JdbcClient jdbc,
			JdbcTemplate template, TransactionTemplate transactions) {
		this.queries = List.copyOf(queries);
		this.tables = List.copyOf(tables);
		this.registry = registry;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	/** The codes of all record-based indicators. */
	public List<String> indicators() {
		List<String> codes = new ArrayList<>(queries.stream().map(MemberQuery::indicator).toList());
		tables.forEach(t -> codes.addAll(t.indicators()));
		return codes;
	}

	public IndicatorComputation compute(String region, int from, int to, Instant recordsChangedAt) {
		long start = System.nanoTime();
		OrgUnitTree tree = new OrgUnitTree(registry, region);
		Map<String, Long> timing = new LinkedHashMap<>();
		// one transaction: the service summary, the values and their storing are one snapshot, and work_mem
		// large enough that grouping millions of person-years hashes in memory rather than sorting on disk
		int count = transactions.execute(status -> {
			jdbc.sql("set local work_mem = '256MB'").update();
			List<IndicatorValue> values = values(jdbc, tree, from, to, timing);
			store(region, tree, from, to, values, recordsChangedAt, (System.nanoTime() - start) / 1_000_000);
			return values.size();
		});
		return new IndicatorComputation(region, from, to, count, timing, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Every indicator of a region's tree for the years, over a connection: the application's
	 * PostgreSQL, or (the benchmark) another engine holding the same tables. Adds each indicator's
	 * milliseconds to {@code timing}.
	 */
	public List<IndicatorValue> values(JdbcClient on, OrgUnitTree tree, int from, int to, Map<String, Long> timing) {
		Map<String, Object> params = parameters(tree.region(), from, to);
		params.put("units", SqlArrays.text(tree.codes()));
		List<IndicatorValue> values = new ArrayList<>();
		long prepared = System.nanoTime();
		ServiceYears.rebuild(on);
		timing.put("care.service_year", (System.nanoTime() - prepared) / 1_000_000);
		for (MemberQuery q : queries) {
			long t = System.nanoTime();
			values.addAll(aggregate(on, q, tree, params));
			timing.merge(q.indicator(), (System.nanoTime() - t) / 1_000_000, Long::sum);
		}
		for (TableIndicators table : tables) {
			long t = System.nanoTime();
			values.addAll(table.compute(on, tree, from, to));
			timing.put(String.join("+", table.indicators()), (System.nanoTime() - t) / 1_000_000);
		}
		return values;
	}

	/** The SQL parameters every member query may use. */
	public Map<String, Object> parameters(String region, int from, int to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		List<Institution> institutions = registry.institutionsWithin(region);
		params.put("institutions", SqlArrays.text(institutions.stream().map(Institution::code).toList()));
		params.put("institutionUnits", SqlArrays.text(institutions.stream().map(Institution::orgUnitCode).toList()));
		params.put("primaryCare", SqlArrays.text(institutions.stream().filter(i -> PRIMARY_CARE.contains(i.type()))
			.map(Institution::code).toList()));
		return params;
	}

	private List<IndicatorValue> aggregate(JdbcClient on, MemberQuery q, OrgUnitTree tree, Map<String, Object> params) {
		String denominator = q.numeratorWithinDenominator() ? "true" : "m.denominator";
		String sql = "select m.year, m.org_unit_code, count(*) filter (where m.numerator) as n, count(*) filter (where "
				+ denominator + ") as d from (" + q.sql() + ") m where m.org_unit_code = any(cast(:units as text[]))"
				+ " group by m.year, m.org_unit_code";
		Map<String, long[]> sums = new HashMap<>();
		on.sql(sql).params(params).query(rs -> {
			int year = rs.getInt("year");
			for (String unit : tree.upwards(rs.getString("org_unit_code"))) {
				long[] s = sums.computeIfAbsent(unit + "|" + year, k -> new long[2]);
				s[0] += rs.getLong("n");
				s[1] += rs.getLong("d");
			}
		});
		List<IndicatorValue> values = new ArrayList<>();
		sums.forEach((key, s) -> {
			if (s[1] == 0) {
				return;
			}
			int bar = key.indexOf('|');
			BigDecimal n = BigDecimal.valueOf(s[0]);
			BigDecimal d = BigDecimal.valueOf(s[1]);
			values.add(new IndicatorValue(q.indicator(), key.substring(0, bar), Integer.parseInt(key.substring(bar + 1)), n,
					d, n.multiply(q.factor()).divide(d, MATH)));
		});
		return values;
	}

	private void store(String region, OrgUnitTree tree, int from, int to, List<IndicatorValue> values,
			Instant recordsChangedAt, long millis) {
		jdbc.sql("delete from care.indicator_value where org_unit_code = any(cast(:units as text[])) and year between :from and :to")
			.param("units", SqlArrays.text(tree.codes()))
			.param("from", from)
			.param("to", to)
			.update();
		template.batchUpdate(
				"insert into care.indicator_value (indicator, org_unit_code, year, numerator, denominator, value) values (?, ?, ?, ?, ?, ?)",
				values, 1000, (ps, v) -> {
					ps.setString(1, v.indicator());
					ps.setString(2, v.orgUnitCode());
					ps.setInt(3, v.year());
					ps.setBigDecimal(4, v.numerator());
					ps.setBigDecimal(5, v.denominator());
					ps.setBigDecimal(6, v.value());
				});
		jdbc.sql("""
				insert into care.computation (region_code, computed_at, records_changed_at, seconds) values (?, now(), ?, ?)
				on conflict (region_code) do update set computed_at = excluded.computed_at,
				  records_changed_at = excluded.records_changed_at, seconds = excluded.seconds
				""")
			.params(region, recordsChangedAt == null ? null : Timestamp.from(recordsChangedAt),
					BigDecimal.valueOf(millis).movePointLeft(3))
			.update();
	}

	/** When the region's values were last computed, and from the records as of when. */
	public Optional<Instant[]> lastComputation(String region) {
		return jdbc.sql("select computed_at, records_changed_at from care.computation where region_code = ?")
			.param(region)
			.query((rs, n) -> new Instant[] { rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant() })
			.optional();
	}

	/** The member query of an indicator (a table indicator's for its drill-down). */
	public Optional<MemberQuery> memberQuery(String indicator) {
		return queries.stream()
			.filter(q -> q.indicator().equals(indicator))
			.findFirst()
			.or(() -> tables.stream().filter(t -> t.indicators().contains(indicator)).findFirst().map(t -> t.members(indicator)));
	}

}
