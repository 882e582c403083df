package org.rhip.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;

/**
 * The public JSON shape of an evaluation (DESIGN.md §4, {@code evaluate --format json}): one entry per
 * row of the plan's table, in table order, baseline and target as printed.
 */
public final class EvaluationJson {

	private EvaluationJson() {
	}

	public static Map<String, Object> of(PlanEvaluation evaluation) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("plan", evaluation.plan().id());
		json.put("year", evaluation.year());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (RowResult row : evaluation.rows()) {
			rows.add(row(row));
		}
		json.put("indicators", rows);
		json.put("flagged", evaluation.flagged().stream().map(r -> r.row().code()).toList());
		return json;
	}

	static Map<String, Object> row(RowResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		var row = result.row();
		json.put("code", row.code());
		json.put("no", row.no());
		json.put("name", row.name());
		json.put("nameEn", row.nameEn());
		json.put("category", row.category());
		json.put("unit", row.unit());
		json.put("attribute", row.attribute());
		json.put("baseline", row.baseline());
		json.put("target", row.target());
		json.put("actual", actual(result));
		json.put("source", result.indicators().stream().allMatch(i -> i.actual().isEmpty()) ? null : result.source());
		json.put("status", result.status().key());
		List<Map<String, Object>> parts = new ArrayList<>();
		for (IndicatorResult indicator : result.indicators()) {
			Map<String, Object> part = new LinkedHashMap<>();
			part.put("indicator", indicator.indicator().code());
			part.put("value", indicator.actual().map(o -> o.value()).orElse(null));
			part.put("numerator", indicator.actual().flatMap(o -> o.numerator()).orElse(null));
			part.put("denominator", indicator.actual().flatMap(o -> o.denominator()).orElse(null));
			part.put("status", indicator.judgement().status().key());
			part.put("expected", indicator.judgement().expected().orElse(null));
			part.put("projected", indicator.judgement().projected().orElse(null));
			part.put("reason", indicator.judgement().reason());
			parts.add(part);
		}
		json.put("detail", parts);
		json.put("notes", result.notes());
		json.put("remark", row.remark());
		return json;
	}

	/** A number for a single-indicator row, a list of numbers for a compound one. */
	private static Object actual(RowResult result) {
		List<BigDecimal> values = result.indicators().stream().map(i -> i.rounded().orElse(null)).toList();
		if (values.size() == 1) {
			return values.get(0);
		}
		return values.stream().allMatch(v -> v == null) ? null : values;
	}

}
