package org.rhip.indicator.plan;

import java.util.List;
import java.util.Optional;

/** A five-year plan's indicator table (规划指标体系): baselines, targets, rows in table order. */
public record Plan(String id, String name, String nameEn, String regionCode, int baselineYear, int targetYear,
		String source, String table, List<PlanRow> rows) {

	public Optional<PlanRow> row(int position) {
		return rows.stream().filter(r -> r.position() == position).findFirst();
	}

	public boolean covers(int year) {
		return year >= baselineYear && year <= targetYear;
	}

}
