package org.rhip.indicator.entry;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregate data values (汇总数据) per data element, org unit, period and source. */
@Repository
public class DataValueRepository {

	/** Values of one org unit's subtree, by source, data element and period. */
	public record Values(Map<String, BigDecimal> byKey) {

		public Optional<BigDecimal> get(String source, String element, String period) {
			return Optional.ofNullable(byKey.get(source + "|" + element + "|" + period));
		}

	}

	private final JdbcClient jdbc;

	DataValueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every value of the subtree, summed up the tree for {@code sum} data elements and taken only at the
	 * org unit itself for {@code none} ones. Imported values count as entered ones.
	 */
	public Values subtree(String orgUnitCode, List<String> subtreeCodes) {
		Map<String, BigDecimal> values = new HashMap<>();
		jdbc.sql("""
				select v.data_element_code, v.period,
				       case when v.source = 'import' then 'entry' else v.source end as source,
				       sum(v.value) as value
				from indicator.data_value v
				join indicator.data_element e on e.code = v.data_element_code
				where v.org_unit_code = any(:codes) and (e.aggregation = 'sum' or v.org_unit_code = :own)
				group by 1, 2, 3
				""").param("codes", subtreeCodes.toArray(String[]::new)).param("own", orgUnitCode).query(rs -> {
			values.put(rs.getString("source") + "|" + rs.getString("data_element_code") + "|" + rs.getString("period"),
					rs.getBigDecimal("value"));
		});
		return new Values(values);
	}

	public void put(String element, String orgUnit, String period, String source, BigDecimal value, String storedBy) {
		jdbc.sql("""
				insert into indicator.data_value (data_element_code, org_unit_code, period, source, value, stored_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (data_element_code, org_unit_code, period, source)
				do update set value = excluded.value, stored_by = excluded.stored_by, stored_at = now()
				""").params(element, orgUnit, period, source, value, storedBy).update();
	}

	public Optional<BigDecimal> get(String element, String orgUnit, String period, String source) {
		return jdbc.sql("""
				select value from indicator.data_value
				where data_element_code = ? and org_unit_code = ? and period = ? and source = ?
				""").params(element, orgUnit, period, source).query(BigDecimal.class).optional();
	}

	public int deleteSource(String source) {
		return jdbc.sql("delete from indicator.data_value where source = ?").param(source).update();
	}

}
