package org.rhip.indicator.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.indicator.Direction;

/**
 * One row of a plan's indicator table (规划指标), with the texts exactly as printed.
 *
 * @param indicators catalogue codes; two or more for a compound row such as "高血压/糖尿病规范管理率"
 * @param printedValues numbers the plan prints per year (the baseline, a review table's actuals), one
 *     list entry per indicator of the row
 */
public record PlanRow(int position, String no, String category, String categoryEn, List<String> indicators,
		String name, String nameEn, String unit, String baseline, String target, String attribute,
		Optional<Direction> direction, String reading, String baselineReading, String remark,
		Map<Integer, List<BigDecimal>> printedValues) {

	public boolean binding() {
		return "binding".equals(attribute);
	}

	/** The row's code: its indicator, or the codes of a compound row joined by '+'. */
	public String code() {
		return String.join("+", indicators);
	}

}
