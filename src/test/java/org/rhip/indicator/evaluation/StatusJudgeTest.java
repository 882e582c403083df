package org.rhip.indicator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rhip.indicator.Direction;
import org.rhip.indicator.Status;
import org.rhip.indicator.plan.PrintedText;
import org.rhip.indicator.plan.TargetRule;

/**
 * Hand-worked cases. Beds per 1,000: baseline 6.03 (2020), target 6.30 (2025), so the straight path
 * passes 6.03 + 0.27 × 3/5 = 6.192 in 2023.
 */
class StatusJudgeTest {

	private static final TargetRule BEDS_TARGET = PrintedText.rule("6.30", null, Direction.HIGHER, 2020);

	private static final TargetRule.Context BEDS = new TargetRule.Context(2020, Optional.of(new BigDecimal("6.03")),
			Direction.HIGHER);

	private static NavigableMap<Integer, BigDecimal> series(Object... yearValue) {
		NavigableMap<Integer, BigDecimal> series = new TreeMap<>();
		for (int i = 0; i < yearValue.length; i += 2) {
			series.put((Integer) yearValue[i], new BigDecimal((String) yearValue[i + 1]));
		}
		return series;
	}

	@Test
	void onTrackWhenAtOrAboveTheStraightPath() {
		Judgement j = StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2023, series(2020, "6.03", 2023, "6.20"));
		assertThat(j.status()).isEqualTo(Status.ON_TRACK);
		assertThat(j.expected()).hasValueSatisfying(e -> assertThat(e).isEqualByComparingTo("6.192"));
	}

	@Test
	void atRiskWhenBehindThePathButTheTrendReachesTheTarget() {
		// 6.18 is behind the path's 6.192 in 2023, but the least-squares line through
		// 6.03, 6.15, 6.25, 6.18 rises 0.055 a year and reaches 6.345 in 2025
		Judgement j = StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2023,
				series(2020, "6.03", 2021, "6.15", 2022, "6.25", 2023, "6.18"));
		assertThat(j.status()).isEqualTo(Status.AT_RISK);
		assertThat(j.projected()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("6.345"));
	}

	@Test
	void offTrackWhenBehindThePathAndTheTrendMissesTheTarget() {
		Judgement j = StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2023,
				series(2020, "6.03", 2021, "6.04", 2022, "6.05", 2023, "6.06"));
		assertThat(j.status()).isEqualTo(Status.OFF_TRACK);
		assertThat(j.projected()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("6.08"));
	}

	@Test
	void achievedWhenTheTargetIsMetBeforeTheTargetYear() {
		assertThat(StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2022, series(2020, "6.03", 2022, "6.31")).status())
			.isEqualTo(Status.ACHIEVED);
	}

	@Test
	void inTheTargetYearTheTargetIsMetOrMissed() {
		assertThat(StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2025, series(2020, "6.03", 2025, "6.30")).status())
			.isEqualTo(Status.ACHIEVED);
		assertThat(StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2025, series(2020, "6.03", 2025, "6.29")).status())
			.isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void noDataWithoutAValueForTheYear() {
		assertThat(StatusJudge.judge(BEDS_TARGET, BEDS, 2025, 2023, series(2020, "6.03")).status())
			.isEqualTo(Status.NO_DATA);
	}

	@Test
	void noDataWithoutATarget() {
		assertThat(StatusJudge.judge(new TargetRule.None(), BEDS, 2025, 2023, series(2023, "6.1")).status())
			.isEqualTo(Status.NO_DATA);
	}

	@Test
	void theBaselineYearIsTheStartOfThePath() {
		// Wujiang beds: the registry gives 14.097 where the plan prints 14.1; not "behind" for that
		TargetRule rule = PrintedText.rule("15", null, Direction.HIGHER, 2020);
		TargetRule.Context context = new TargetRule.Context(2020, Optional.of(new BigDecimal("14.1")), Direction.HIGHER);
		assertThat(StatusJudge.judge(rule, context, 2025, 2020, series(2020, "14.097")).status()).isEqualTo(Status.ON_TRACK);
	}

	@Test
	void aCeilingTargetCountsLowerAsBetter() {
		TargetRule rule = PrintedText.rule("＜8", null, Direction.LOWER, 2020);
		TargetRule.Context context = new TargetRule.Context(2020, Optional.of(new BigDecimal("15")), Direction.LOWER);
		// path: 15 → 8 over five years, 12.2 in 2022
		assertThat(StatusJudge.judge(rule, context, 2025, 2022, series(2020, "15", 2022, "12")).status())
			.isEqualTo(Status.ON_TRACK);
		assertThat(StatusJudge.judge(rule, context, 2025, 2022, series(2020, "15", 2021, "15.5", 2022, "16")).status())
			.isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void annualStepsAreCheckedYearByYear() {
		TargetRule rule = PrintedText.rule("力争每年降低0.5个百分点以上", null, Direction.LOWER, 2020);
		TargetRule.Context context = new TargetRule.Context(2020, Optional.of(new BigDecimal("48.94")), Direction.LOWER);
		assertThat(StatusJudge.judge(rule, context, 2025, 2022, series(2020, "48.94", 2022, "47.9")).status())
			.isEqualTo(Status.ON_TRACK);
		assertThat(StatusJudge.judge(rule, context, 2025, 2022, series(2020, "48.94", 2021, "48.9", 2022, "48.9")).status())
			.isEqualTo(Status.OFF_TRACK);
		assertThat(StatusJudge.judge(rule, context, 2025, 2025, series(2020, "48.94", 2025, "46.4")).status())
			.isEqualTo(Status.ACHIEVED);
	}

	@Test
	void trendsCompareWithTheYearBeforeAndFinallyWithTheBaseline() {
		TargetRule rising = PrintedText.rule("持续提升", null, Direction.HIGHER, 2020);
		TargetRule.Context context = new TargetRule.Context(2020, Optional.of(new BigDecimal("12")), Direction.HIGHER);
		assertThat(StatusJudge.judge(rising, context, 2025, 2021, series(2020, "12", 2021, "12.5")).status())
			.isEqualTo(Status.ON_TRACK);
		assertThat(StatusJudge.judge(rising, context, 2025, 2021, series(2020, "12", 2021, "12")).status())
			.isEqualTo(Status.AT_RISK);
		assertThat(StatusJudge.judge(rising, context, 2025, 2022, series(2020, "12", 2021, "13", 2022, "12.5")).status())
			.isEqualTo(Status.OFF_TRACK);
		assertThat(StatusJudge.judge(rising, context, 2025, 2025, series(2020, "12", 2024, "14", 2025, "13")).status())
			.isEqualTo(Status.ACHIEVED);
	}

	@Test
	void aboutTargetsAreOnTrackWhenCloserThanThePath() {
		TargetRule rule = PrintedText.rule("25左右", null, Direction.LOWER, 2020);
		TargetRule.Context context = new TargetRule.Context(2020, Optional.of(new BigDecimal("25")), Direction.LOWER);
		assertThat(StatusJudge.judge(rule, context, 2025, 2023, series(2020, "25", 2023, "25.5")).status())
			.isEqualTo(Status.ACHIEVED);
		assertThat(StatusJudge.judge(rule, context, 2025, 2025, series(2020, "25", 2025, "29")).status())
			.isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void projectionIsTheLeastSquaresLine() {
		// points (2020, 1), (2021, 3), (2022, 5): slope 2 → 11 in 2025
		assertThat(StatusJudge.projection(series(2020, "1", 2021, "3", 2022, "5"), 2025))
			.hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("11"));
		assertThat(StatusJudge.projection(series(2020, "1"), 2025)).isEmpty();
	}

	@Test
	void aCompoundRowTakesTheWorstStatus() {
		assertThat(Map.of(Status.OFF_TRACK, 4, Status.ACHIEVED, 0).keySet().stream()
			.max(java.util.Comparator.comparingInt(Status::severity))).hasValue(Status.OFF_TRACK);
	}

}
