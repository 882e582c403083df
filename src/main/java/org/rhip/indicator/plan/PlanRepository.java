package org.rhip.indicator.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rhip.indicator.Direction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans, their rows and printed values in the indicator schema. */
@Repository
public class PlanRepository {

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the plan with this id, rows and values included. */
	public void save(Plan plan) {
		jdbc.sql("delete from indicator.plan where id = ?").param(plan.id()).update();
		jdbc.sql("""
				insert into indicator.plan (id, name, name_en, region_code, baseline_year, target_year, source, table_title)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(plan.id(), plan.name(), plan.nameEn(), plan.regionCode(), plan.baselineYear(), plan.targetYear(),
					plan.source(), plan.table())
			.update();
		for (PlanRow row : plan.rows()) {
			jdbc.sql("""
					insert into indicator.plan_row (plan_id, position, no, category, category_en, name, name_en, unit,
					    baseline, target, attribute, direction, reading, baseline_reading, remark)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(plan.id(), row.position(), row.no(), row.category(), row.categoryEn(), row.name(), row.nameEn(),
						row.unit(), row.baseline(), row.target(), row.attribute(),
						row.direction().map(Direction::key).orElse(null), row.reading(), row.baselineReading(), row.remark())
				.update();
			for (int seq = 0; seq < row.indicators().size(); seq++) {
				jdbc.sql("insert into indicator.plan_row_indicator (plan_id, position, seq, indicator_code) values (?, ?, ?, ?)")
					.params(plan.id(), row.position(), seq, row.indicators().get(seq))
					.update();
			}
			for (Map.Entry<Integer, List<BigDecimal>> year : row.printedValues().entrySet()) {
				for (int seq = 0; seq < year.getValue().size(); seq++) {
					String printed = year.getKey() == plan.baselineYear() ? row.baseline() : year.getValue().get(seq).toPlainString();
					jdbc.sql("""
							insert into indicator.plan_value (plan_id, position, seq, year, value, printed)
							values (?, ?, ?, ?, ?, ?)
							""")
						.params(plan.id(), row.position(), seq, year.getKey(), year.getValue().get(seq), printed)
						.update();
				}
			}
		}
	}

	public List<String> ids() {
		return jdbc.sql("select id from indicator.plan order by id").query(String.class).list();
	}

	public Optional<Plan> find(String id) {
		Optional<Plan> header = jdbc.sql("select * from indicator.plan where id = ?").param(id).query((rs, n) -> new Plan(
				rs.getString("id"), rs.getString("name"), rs.getString("name_en"), rs.getString("region_code"),
				rs.getInt("baseline_year"), rs.getInt("target_year"), rs.getString("source"), rs.getString("table_title"),
				List.of())).optional();
		if (header.isEmpty()) {
			return header;
		}
		Map<Integer, List<String>> indicators = new TreeMap<>();
		jdbc.sql("select position, indicator_code from indicator.plan_row_indicator where plan_id = ? order by position, seq")
			.param(id)
			.query(rs -> {
				indicators.computeIfAbsent(rs.getInt("position"), p -> new ArrayList<>()).add(rs.getString("indicator_code"));
			});
		Map<Integer, Map<Integer, List<BigDecimal>>> values = new TreeMap<>();
		jdbc.sql("select position, year, value from indicator.plan_value where plan_id = ? order by position, year, seq")
			.param(id)
			.query(rs -> {
				values.computeIfAbsent(rs.getInt("position"), p -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getInt("year"), y -> new ArrayList<>())
					.add(rs.getBigDecimal("value"));
			});
		List<PlanRow> rows = jdbc.sql("select * from indicator.plan_row where plan_id = ? order by position")
			.param(id)
			.query((rs, n) -> {
				int position = rs.getInt("position");
				String direction = rs.getString("direction");
				return new PlanRow(position, rs.getString("no"), rs.getString("category"), rs.getString("category_en"),
						List.copyOf(indicators.getOrDefault(position, List.of())), rs.getString("name"),
						rs.getString("name_en"), rs.getString("unit"), rs.getString("baseline"), rs.getString("target"),
						rs.getString("attribute"), Optional.ofNullable(direction).map(Direction::of), rs.getString("reading"),
						rs.getString("baseline_reading"), rs.getString("remark"), values.getOrDefault(position, Map.of()));
			})
			.list();
		Plan plan = header.get();
		return Optional.of(new Plan(plan.id(), plan.name(), plan.nameEn(), plan.regionCode(), plan.baselineYear(),
				plan.targetYear(), plan.source(), plan.table(), rows));
	}

}
