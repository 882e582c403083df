package org.rhip.indicator.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.rhip.indicator.Direction;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.Judgement;
import org.rhip.indicator.evaluation.Observation;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.evaluation.StatusJudge;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.indicator.plan.PrintedText;
import org.rhip.indicator.plan.TargetRule;

/**
 * A small plan (2020–2025, seven rows) evaluated by hand, the way the evaluator does it: the series per
 * year, the judgement from {@link StatusJudge}. In 2023 (the mid-term) the rows are, in order:
 *
 * <ol>
 * <li>life expectancy 83.41 against ＞83 — achieved;</li>
 * <li>premature NCD mortality 8.25 after 8.30, target 持续下降 — on track (a trend row);</li>
 * <li>NIP coverage 93 against ＞96, falling, binding — off track, flagged;</li>
 * <li>hypertension / diabetes management 82.5 / 83.2 against ≥85 — on track / at risk (a compound row);</li>
 * <li>beds per 1,000 6.12 against 6.30 — off track;</li>
 * <li>GPs per 10,000 3.22 against 4 — on track;</li>
 * <li>childcare places, nothing after 2021 — no data.</li>
 * </ol>
 */
final class SampleEvaluation {

	static final int BASELINE = 2020;

	static final int TARGET = 2025;

	static final int MID_TERM = 2023;

	private SampleEvaluation() {
	}

	static PlanEvaluation forYear(int year) {
		List<Spec> specs = List.of(
				new Spec(row(1, "居民健康水平", List.of("LIFE_EXPECTANCY"), "人均期望寿命", "Average life expectancy", "岁", "82.7", "＞83",
						"expected", List.of(new BigDecimal("82.7"))),
						List.of(indicator("LIFE_EXPECTANCY", "人均预期寿命", "Life expectancy", Direction.HIGHER)),
						List.of(values("82.70", "82.95", "83.10", "83.41", "83.50", "83.60")), "demo"),
				new Spec(row(2, "居民健康水平", List.of("PREMATURE_NCD_MORTALITY"), "重大慢性病过早死亡率",
						"Premature mortality from major chronic diseases", "%", "8.15", "持续下降", "expected", List.of(new BigDecimal("8.15"))),
						List.of(indicator("PREMATURE_NCD_MORTALITY", "重大慢性病过早死亡率", "Premature NCD mortality", Direction.LOWER)),
						List.of(values("8.15", "8.40", "8.30", "8.25", "8.10", "8.00")), "entry"),
				new Spec(row(3, "疾病预防控制", List.of("NIP_COVERAGE"), "以街道为单位适龄儿童免疫规划疫苗接种率", "NIP vaccination coverage", "%", "99",
						"＞96", "binding", List.of(new BigDecimal("99"))),
						List.of(indicator("NIP_COVERAGE", "适龄儿童免疫规划疫苗接种率", "NIP coverage", Direction.HIGHER)),
						List.of(values("99", "95", "94", "93", "92.5", "92")), "entry"),
				new Spec(row(4, "疾病预防控制", List.of("HTN_MGMT", "DM_MGMT"), "高血压/糖尿病规范管理率(%)",
						"Standardized management rate, hypertension / diabetes", "%", "78.5/80.7", "≥85", "expected",
						List.of(new BigDecimal("78.5"), new BigDecimal("80.7"))),
						List.of(indicator("HTN_MGMT", "高血压患者规范管理率", "Hypertension management", Direction.HIGHER),
								indicator("DM_MGMT", "2型糖尿病患者规范管理率", "Diabetes management", Direction.HIGHER)),
						List.of(values("78.5", "80.0", "81.2", "82.5", "84.0", "85.5"),
								values("80.7", "81.0", "82.6", "83.2", "84.1", "84.6")),
						"entry"),
				new Spec(row(5, "医疗卫生资源", List.of("BEDS_PER_1000"), "每千人口医疗卫生机构床位数", "Beds per 1,000 population", "张", "6.03",
						"6.30", "expected", List.of(new BigDecimal("6.03"))),
						List.of(indicator("BEDS_PER_1000", "每千人口医疗卫生机构床位数", "Beds per 1,000 population", Direction.HIGHER)),
						List.of(values("6.03", "6.08", "6.09", "6.12", "6.16", "6.20")), "registry"),
				new Spec(row(6, "医疗卫生资源", List.of("GPS_PER_10000"), "每万人口全科医师数", "GPs per 10,000 population", "人", "1.92", "4",
						"expected", List.of(new BigDecimal("1.92"))),
						List.of(indicator("GPS_PER_10000", "每万人口全科医生数", "GPs per 10,000", Direction.HIGHER)),
						List.of(values("1.92", null, null, "3.22", "3.70", "4.05")), "registry"),
				new Spec(row(7, "医疗卫生资源", List.of("CHILDCARE_PLACES_PER_1000"), "每千人口3岁以下婴幼儿托位数",
						"Childcare places per 1,000 population", "个", "2.5", "4.5", "not_stated", List.of(new BigDecimal("2.5"))),
						List.of(indicator("CHILDCARE_PLACES_PER_1000", "每千人口3岁以下婴幼儿托位数", "Childcare places", Direction.HIGHER)),
						List.of(values("2.5", "2.8", null, null, null, null)), "entry"));
		return evaluate(specs, year);
	}

	/** Evaluates rows of a plan 2020–2025 for a year. */
	static PlanEvaluation evaluate(List<Spec> specs, int year) {
		Plan plan = new Plan("test-2021-2025", "测试区卫生健康事业发展“十四五”规划", "Test District 14th Five-Year Plan for Health", "440106",
				BASELINE, TARGET, "test", "“十四五”卫生健康主要发展指标", specs.stream().map(Spec::row).toList());
		List<RowResult> rows = new ArrayList<>();
		for (Spec spec : specs) {
			List<IndicatorResult> results = new ArrayList<>();
			for (int seq = 0; seq < spec.indicators().size(); seq++) {
				results.add(result(spec.row(), seq, spec.indicators().get(seq), spec.values().get(seq), spec.source(), year));
			}
			rows.add(new RowResult(spec.row(), List.copyOf(results)));
		}
		return new PlanEvaluation(plan, year, List.copyOf(rows));
	}

	/** What {@code Evaluator.judge} does, for values given by year. */
	private static IndicatorResult result(PlanRow row, int seq, IndicatorDefinition indicator, Map<Integer, BigDecimal> values,
			String source, int year) {
		SortedMap<Integer, Observation> series = new TreeMap<>();
		values.forEach((y, v) -> {
			if (y <= year) {
				series.put(y, new Observation(v, Optional.of(v), Optional.of(BigDecimal.ONE), y == BASELINE ? "plan" : source));
			}
		});
		Direction direction = row.direction().orElse(indicator.direction());
		List<BigDecimal> printed = row.printedValues().getOrDefault(BASELINE, List.of());
		Optional<BigDecimal> baseline = printed.size() > seq ? Optional.of(printed.get(seq))
				: Optional.ofNullable(series.get(BASELINE)).map(Observation::value);
		TargetRule rule = PrintedText.rule(row.target(), row.reading(), direction, BASELINE);
		TreeMap<Integer, BigDecimal> numbers = new TreeMap<>();
		series.forEach((y, o) -> numbers.put(y, o.value()));
		Judgement judgement = StatusJudge.judge(rule, new TargetRule.Context(BASELINE, baseline, direction), TARGET, year, numbers);
		return new IndicatorResult(indicator, Optional.ofNullable(series.get(year)), judgement, baseline, series, List.of());
	}

	static PlanRow row(int position, String category, List<String> indicators, String name, String nameEn, String unit,
			String baseline, String target, String attribute, List<BigDecimal> printedBaseline) {
		return new PlanRow(position, String.valueOf(position), category, null, indicators, name, nameEn, unit, baseline, target,
				attribute, Optional.empty(), null, null, position == 5 ? "Note 3: 2020 on the census population." : null,
				Map.of(BASELINE, printedBaseline));
	}

	static IndicatorDefinition indicator(String code, String name, String nameEn, Direction direction) {
		return new IndicatorDefinition(code, name, nameEn, "test", "#{" + code + "}", "1", BigDecimal.ONE, 2, direction, "");
	}

	/** Values for 2020, 2021, … in order; null for a year without one. */
	static Map<Integer, BigDecimal> values(String... byYear) {
		Map<Integer, BigDecimal> values = new LinkedHashMap<>();
		for (int i = 0; i < byYear.length; i++) {
			if (byYear[i] != null) {
				values.put(BASELINE + i, new BigDecimal(byYear[i]));
			}
		}
		return values;
	}

	/** A row, its indicators, their values by year and where the values after the baseline come from. */
	record Spec(PlanRow row, List<IndicatorDefinition> indicators, List<Map<Integer, BigDecimal>> values, String source) {
	}

}
