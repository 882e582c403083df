package org.rhip.indicator.evaluation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rhip.indicator.Status;
import org.rhip.indicator.plan.Plan;

/** A plan evaluated for one year (规划实施监测评估), rows in table order. */
public record PlanEvaluation(Plan plan, int year, List<RowResult> rows) {

	/** Binding (约束性) indicators that are off track: the ones to look at first. */
	public List<RowResult> flagged() {
		return rows.stream().filter(RowResult::flagged).toList();
	}

	public Map<Status, Long> counts() {
		Map<Status, Long> counts = new EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			counts.put(status, rows.stream().filter(r -> r.status() == status).count());
		}
		return counts;
	}

	public boolean finalYear() {
		return year >= plan.targetYear();
	}

}
