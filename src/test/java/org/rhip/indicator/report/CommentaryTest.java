package org.rhip.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.rhip.indicator.Direction;
import org.rhip.indicator.Status;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;

/** The sentences written from the numbers; expected values worked by hand from {@link SampleEvaluation}. */
class CommentaryTest {

	private static final PlanEvaluation MID_TERM = SampleEvaluation.forYear(SampleEvaluation.MID_TERM);

	private static final PlanEvaluation FINAL = SampleEvaluation.forYear(SampleEvaluation.TARGET);

	private static String zh(PlanEvaluation evaluation, int position) {
		return new Commentary(evaluation, ReportText.of(Locale.SIMPLIFIED_CHINESE)).row(row(evaluation, position));
	}

	private static RowResult row(PlanEvaluation evaluation, int position) {
		return evaluation.rows().get(position - 1);
	}

	@Test
	void theSampleCoversEveryStatus() {
		assertThat(MID_TERM.rows()).extracting(RowResult::status).containsExactly(Status.ACHIEVED, Status.ON_TRACK,
				Status.OFF_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.ON_TRACK, Status.NO_DATA);
	}

	@Test
	void behindThePathWithATrendShortOfTheTargetIsOffTrack() {
		// path: 6.03 + (6.30 − 6.03) × 3/5 = 6.192; trend: least squares through 6.03, 6.08, 6.09, 6.12
		// (2020–2023) is 6.08 + 0.028 × (2025 − 2021.5) = 6.178
		assertThat(zh(MID_TERM, 5)).isEqualTo("每千人口医疗卫生机构床位数2023年为6.12张，较基期6.03张提高0.09张，按直线进度应达到6.19张，低于进度要求；"
				+ "按近年趋势推算2025年约为6.18张，未能达到目标6.30张，存在滞后风险。");
	}

	@Test
	void aTargetMetBeforeTheTargetYearIsMetAhead() {
		assertThat(zh(MID_TERM, 1)).isEqualTo("人均期望寿命2023年为83.41岁，较基期82.70岁提高0.71岁，已提前达到规划目标＞83岁。");
	}

	@Test
	void aTrendTargetComparesWithTheYearBeforeAndTellsTheChangeSinceTheBaseline() {
		// a rate that should fall: it rose since the baseline, so "上升", not "提高"
		assertThat(zh(MID_TERM, 2)).isEqualTo(
				"重大慢性病过早死亡率2023年为8.25%，较2022年8.30%下降0.05个百分点，符合“持续下降”的要求；较基期8.15%上升0.10个百分点。");
	}

	@Test
	void aFallingBindingIndicatorIsOffTrack() {
		// path: 99 + (96 − 99) × 3/5 = 97.2; trend through 99, 95, 94, 93: 95.25 − 1.9 × 3.5 = 88.6
		assertThat(zh(MID_TERM, 3)).isEqualTo("以街道为单位适龄儿童免疫规划疫苗接种率2023年为93.00%，较基期99.00%下降6.00个百分点，按直线进度应达到97.20%，"
				+ "低于进度要求；按近年趋势推算2025年约为88.60%，未能达到目标＞96%，存在滞后风险。");
	}

	@Test
	void aCompoundRowHasASentencePerIndicator() {
		// hypertension: path 78.5 + 6.5 × 0.6 = 82.4, trend 80.55 + 1.32 × 3.5 = 85.17;
		// diabetes: path 80.7 + 4.3 × 0.6 = 83.28, trend 81.875 + 0.91 × 3.5 = 85.06
		assertThat(zh(MID_TERM, 4)).isEqualTo("高血压患者规范管理率2023年为82.50%，较基期78.50%提高4.00个百分点，按直线进度应达到82.40%，达到进度要求；"
				+ "按近年趋势推算2025年约为85.17%，可望达到目标≥85%。"
				+ "2型糖尿病患者规范管理率2023年为83.20%，较基期80.70%提高2.50个百分点，按直线进度应达到83.28%，低于进度要求；"
				+ "按近年趋势推算2025年约为85.06%，可望达到目标≥85%，但需加快推进。");
	}

	@Test
	void onTrackWithTwoValuesStillProjectsTheTrend() {
		// path 1.92 + 2.08 × 0.6 = 3.168; the line through (2020, 1.92) and (2023, 3.22) gives 4.087 in 2025
		assertThat(zh(MID_TERM, 6)).isEqualTo(
				"每万人口全科医师数2023年为3.22人，较基期1.92人提高1.30人，按直线进度应达到3.17人，达到进度要求；按近年趋势推算2025年约为4.09人，可望达到目标4人。");
	}

	@Test
	void withoutDataItNamesTheLatestValue() {
		assertThat(zh(MID_TERM, 7)).isEqualTo("每千人口3岁以下婴幼儿托位数2023年暂无数据（最近一次为2021年的2.80个），无法评估。");
	}

	@Test
	void theFinalReviewSaysByHowMuchATargetIsMissed() {
		assertThat(zh(FINAL, 5)).isEqualTo("每千人口医疗卫生机构床位数2025年为6.20张，较基期6.03张提高0.17张，未达到规划目标6.30张，相差0.10张。");
		assertThat(zh(FINAL, 1)).isEqualTo("人均期望寿命2025年为83.60岁，较基期82.70岁提高0.90岁，达到规划目标＞83岁。");
	}

	@Test
	void theFinalReviewJudgesATrendTargetAgainstTheBaseline() {
		assertThat(zh(FINAL, 2)).isEqualTo("重大慢性病过早死亡率2025年为8.00%，较基期8.15%下降0.15个百分点，实现“持续下降”的目标。");
	}

	@Test
	void theSummaryCountsEveryStatusAndNamesTheBindingIndicatorOffTrack() {
		String summary = new Commentary(MID_TERM, ReportText.of(Locale.CHINESE)).summary();
		assertThat(summary).isEqualTo("《测试区卫生健康事业发展“十四五”规划》确定主要发展指标7项，其中约束性指标1项、预期性指标5项、未标明性质1项。"
				+ "本次中期评估以2023年数据为准，纳入评估的7项指标中，达标1项、按进度推进2项、有风险1项、滞后2项、暂无数据1项。"
				+ "约束性指标中，以街道为单位适龄儿童免疫规划疫苗接种率滞后，需重点关注。"
				+ "注：其中1项指标的数值为演示数据，仅供系统演示，不代表实际情况。");
	}

	@Test
	void theFinalSummarySaysMissedRatherThanBehind() {
		String summary = new Commentary(FINAL, ReportText.of(Locale.CHINESE)).summary();
		assertThat(summary).contains("本次终期评估以2025年数据为准").contains("达标3项、未达标3项、暂无数据1项")
			.contains("以街道为单位适龄儿童免疫规划疫苗接种率未达到目标");
	}

	@Test
	void aValueOnTheBoundOfAStrictTargetMissesItWithoutAGap() {
		// Xinyi's 13th plan: 个人卫生支出占卫生总费用比例 25.00 in 2020 against "<25"
		PlanEvaluation evaluation = SampleEvaluation.evaluate(List.of(new SampleEvaluation.Spec(
				SampleEvaluation.row(1, "医疗卫生保障", List.of("OOP_SHARE"), "个人卫生支出占卫生总费用比例", "Out-of-pocket share", "%", null,
						"<25", "binding", List.of()),
				List.of(SampleEvaluation.indicator("OOP_SHARE", "个人卫生支出占卫生总费用比例", "Out-of-pocket share", Direction.LOWER)),
				List.of(SampleEvaluation.values(null, null, null, null, null, "25")), "plan")), SampleEvaluation.TARGET);
		assertThat(row(evaluation, 1).status()).isEqualTo(Status.OFF_TRACK);
		assertThat(zh(evaluation, 1)).isEqualTo("个人卫生支出占卫生总费用比例2025年为25.00%，恰为目标界值，未达到规划目标<25%。");
	}

	@Test
	void withoutATargetTheValueIsOnlyMonitored() {
		PlanEvaluation evaluation = SampleEvaluation.evaluate(List.of(new SampleEvaluation.Spec(
				SampleEvaluation.row(1, null, List.of("TOTAL_POPULATION"), "常住人口", "Resident population", "人", "1176700", null,
						"not_stated", List.of(new BigDecimal("1176700"))),
				List.of(SampleEvaluation.indicator("TOTAL_POPULATION", "常住人口数", "Resident population", Direction.LOWER)),
				List.of(SampleEvaluation.values("1176700", null, null, "1150000")), "entry")), SampleEvaluation.MID_TERM);
		assertThat(zh(evaluation, 1)).isEqualTo("常住人口2023年为1,150,000.00人，规划未列目标值，仅作监测。");
		assertThat(new Commentary(evaluation, ReportText.of(Locale.CHINESE)).summary())
			.startsWith("《测试区卫生健康事业发展“十四五”规划》确定主要发展指标1项，未标明约束性或预期性。")
			.contains("暂无数据1项");
	}

	@Test
	void aUnitPrintedInTheNameIsLeftOutOfTheSentence() {
		Commentary commentary = new Commentary(MID_TERM, ReportText.of(Locale.CHINESE));
		assertThat(commentary.shortName(row(MID_TERM, 4))).isEqualTo("高血压/糖尿病规范管理率");
	}

	@Test
	void inEnglishTheSentenceIsEnglish() {
		String text = new Commentary(MID_TERM, ReportText.of(Locale.ENGLISH)).row(row(MID_TERM, 5));
		assertThat(text).isEqualTo("Beds per 1,000 population was 6.12 in 2023, up 0.09 from 6.03 at the baseline; "
				+ "the straight path to the target calls for 6.19, so it is behind the path; on the trend of recent years it would be "
				+ "about 6.18 in 2025, short of the target of 6.30: off track.");
	}

}
