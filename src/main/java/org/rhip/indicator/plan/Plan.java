package org.rhip.indicator.plan;

import java.util.List;
import java.util.Optional;

/** A five-year plan's indicator table (规划指标体系): baselines, targets, rows in table order. */
public record Plan(String id, String name, String nameEn, String regionCode, int baselineYear, int targetYear,
		String source, String table, List<PlanRow> rows) {

	public Optional<PlanRow> row(int position) {
		return rows.stream().filter(r -> r.position() == position).findFirst();
	}

	/** The mid-term review year (中期评估): halfway, rounded up — 2023 for 2020–2025, 2018 for 2015–2020. */
	public int midTermYear() {
		return baselineYear + (targetYear - baselineYear + 1) / 2;
	}

	public boolean covers(int year) {
		return year >= baselineYear && year <= targetYear;
	}

}
