package org.rhip.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.platform.yaml.YamlNode;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The five plans evaluated for their baseline year, and Xinyi's finished plan for its final year. */
class PlanEvaluationTest extends IntegrationTest {

	@Autowired
	IndicatorApi indicators;

	@ParameterizedTest(name = "{0} lists its {1} rows with the printed baselines")
	@CsvSource({ "tianhe-2021-2025, 16", "wujiang-2021-2025, 20", "dongli-2021-2025, 14", "guangming-2021-2025, 15",
			"xinyi-2021-2025, 24", "xinyi-2016-2020, 26" })
	void evaluatesEveryRowOfTheTableInOrder(String planId, int rows) throws IOException {
		PlanEvaluation evaluation = indicators.evaluate(planId, 2020);
		assertThat(evaluation.rows()).hasSize(rows);
		List<YamlNode> printed = planFile(planId).list("rows");
		for (int i = 0; i < rows; i++) {
			RowResult row = evaluation.rows().get(i);
			assertThat(row.row().baseline()).as("baseline of row %d", i + 1)
				.isEqualTo(printed.get(i).optionalString("baseline").orElse(null));
			assertThat(row.row().target()).as("target of row %d", i + 1)
				.isEqualTo(printed.get(i).optionalString("target").orElse(null));
		}
		Map<String, Object> json = EvaluationJson.of(evaluation);
		assertThat((List<?>) json.get("indicators")).hasSize(rows);
	}

	@Test
	void wujiangResourcesComputedFromTheRegistryMatchThePrintedBaselines() {
		PlanEvaluation evaluation = indicators.evaluate("wujiang-2021-2025", 2020);
		// 5,268 beds, 1,833 physicians, 3,391 nurses for 373,686 residents (plan text, L7/L10)
		assertRow(evaluation, "BEDS_PER_1000", "14.10", "registry");
		assertRow(evaluation, "PHYSICIANS_PER_1000", "4.91", "registry");
		assertRow(evaluation, "NURSES_PER_1000", "9.07", "registry");
		assertThat(row(evaluation, "BEDS_PER_1000").notes()).anyMatch(n -> n.contains("agrees with the printed baseline 14.1"));
		assertThat(row(evaluation, "NURSES_PER_1000").notes()).anyMatch(n -> n.contains("agrees with the printed baseline 9.1"));
	}

	@Test
	void aMismatchBetweenThePlansCountAndItsRatioIsReportedNotHidden() {
		// Tianhe prints 13,563 beds and 2,241,826 residents (6.05 per 1,000) but a baseline of 6.03
		PlanEvaluation evaluation = indicators.evaluate("tianhe-2021-2025", 2020);
		assertRow(evaluation, "BEDS_PER_1000", "6.05", "registry");
		assertThat(row(evaluation, "BEDS_PER_1000").notes())
			.anyMatch(n -> n.startsWith("MISMATCH") && n.contains("6.05") && n.contains("6.03"));
	}

	@Test
	void xinyisFinishedPlanGetsItsFinalVerdictFromThePrintedValues() {
		PlanEvaluation evaluation = indicators.evaluate("xinyi-2016-2020", 2020);
		assertThat(evaluation.finalYear()).isTrue();
		// 77.28 against a target of 77.3: missed by 0.02 years
		assertThat(row(evaluation, "LIFE_EXPECTANCY").status()).isEqualTo(Status.OFF_TRACK);
		// 0 maternal deaths per 100,000 against ≤15
		assertThat(row(evaluation, "MATERNAL_MORTALITY").status()).isEqualTo(Status.ACHIEVED);
		// 4.32 GPs per 10,000 against 3
		assertThat(row(evaluation, "GPS_PER_10000").status()).isEqualTo(Status.ACHIEVED);
		// 5.59 beds per 1,000 against 6.0; 2.13 nurses against 3.5 (the plan says so itself, L159–161)
		assertThat(row(evaluation, "BEDS_PER_1000").status()).isEqualTo(Status.OFF_TRACK);
		assertThat(row(evaluation, "NURSES_PER_1000").status()).isEqualTo(Status.OFF_TRACK);
		// 115.00万 residents against a ceiling of 120.16万
		assertThat(row(evaluation, "TOTAL_POPULATION").status()).isEqualTo(Status.ACHIEVED);
		// "比2015年降低5%" with no 2015 value printed: nothing to judge against
		assertThat(row(evaluation, "PREMATURE_NCD_MORTALITY").status()).isEqualTo(Status.NO_DATA);
		assertThat(evaluation.rows()).allSatisfy(r -> assertThat(r.status()).isNotIn(Status.ON_TRACK, Status.AT_RISK));
	}

	@Test
	void bindingIndicatorsOffTrackAreFlagged() {
		PlanEvaluation evaluation = indicators.evaluate("xinyi-2016-2020", 2020);
		assertThat(evaluation.flagged()).isNotEmpty().allSatisfy(r -> {
			assertThat(r.row().binding()).isTrue();
			assertThat(r.status()).isEqualTo(Status.OFF_TRACK);
		});
	}

	private static void assertRow(PlanEvaluation evaluation, String code, String actual, String source) {
		RowResult row = row(evaluation, code);
		assertThat(row.actualText()).as(code).hasValue(actual);
		assertThat(row.source()).as(code).isEqualTo(source);
	}

	private static RowResult row(PlanEvaluation evaluation, String code) {
		return evaluation.rows().stream().filter(r -> r.row().code().equals(code)).findFirst().orElseThrow();
	}

	private static YamlNode planFile(String id) throws IOException {
		try (InputStream in = new ClassPathResource("plans/" + id + ".yaml").getInputStream()) {
			return YamlNode.parse(id, in);
		}
	}

}
