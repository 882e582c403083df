package org.rhip.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.rhip.indicator.evaluation.PlanEvaluation;

/** The Word report read back with POI: {@link SampleEvaluation} in 2023, the mid-term. */
class DocxReportTest {

	private static final PlanEvaluation EVALUATION = SampleEvaluation.forYear(SampleEvaluation.MID_TERM);

	private static XWPFDocument read(PlanEvaluation evaluation, Locale locale) throws IOException {
		return new XWPFDocument(
				new ByteArrayInputStream(EvaluationReports.docx(evaluation, locale, LocalDate.of(2024, 3, 15))));
	}

	private static List<String> paragraphs(XWPFDocument document) {
		return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
	}

	@Test
	void theTitleNamesThePlanAndTheReview() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			assertThat(paragraphs(document).get(0)).isEqualTo("测试区卫生健康事业发展“十四五”规划实施情况中期评估报告");
			assertThat(paragraphs(document).get(1)).contains("评估年度：2023年").contains("2024年3月15日");
		}
	}

	@Test
	void theTargetYearGivesTheFinalReviewAndOtherYearsAnnualMonitoring() throws IOException {
		try (XWPFDocument document = read(SampleEvaluation.forYear(SampleEvaluation.TARGET), Locale.CHINESE)) {
			assertThat(paragraphs(document).get(0)).isEqualTo("测试区卫生健康事业发展“十四五”规划实施情况终期评估报告");
		}
		try (XWPFDocument document = read(SampleEvaluation.forYear(2022), Locale.CHINESE)) {
			assertThat(paragraphs(document).get(0)).isEqualTo("测试区卫生健康事业发展“十四五”规划实施情况2022年度监测报告");
		}
	}

	@Test
	void theOverviewGivesTheCounts() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			List<String> text = paragraphs(document);
			assertThat(text.get(2)).isEqualTo("一、总体情况");
			assertThat(text.get(3)).contains("纳入评估的7项指标中，达标1项、按进度推进2项、有风险1项、滞后2项、暂无数据1项。");
		}
	}

	@Test
	void theBindingIndicatorsOffTrackComeBeforeTheTable() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			List<String> text = paragraphs(document);
			int section = text.indexOf("二、需重点关注的约束性指标");
			assertThat(section).isEqualTo(4);
			assertThat(text.get(section + 1)).startsWith("【滞后】以街道为单位适龄儿童免疫规划疫苗接种率2023年为93.00%");
			assertThat(text.get(section + 2)).isEqualTo("三、指标评估结果");
			assertThat(firstTablePosition(document)).isGreaterThan(document.getBodyElements().indexOf(document.getParagraphs().get(section)));
		}
	}

	@Test
	void theTableHasAHeaderAndOneRowPerPlanRow() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			assertThat(document.getTables()).hasSize(1);
			XWPFTable table = document.getTables().get(0);
			assertThat(table.getNumberOfRows()).isEqualTo(1 + 7);
			assertThat(cells(table.getRow(0))).containsExactly("序号", "领域", "指标", "单位", "指标性质", "基期值", "目标值", "实际值", "数据来源",
					"评估结论");
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(cells(table.getRow(5))).containsExactly("5", "医疗卫生资源", "每千人口医疗卫生机构床位数", "张", "预期性", "6.03", "6.30", "6.12",
					"登记系统", "滞后");
			assertThat(cells(table.getRow(4)).subList(5, 10)).containsExactly("78.5/80.7", "≥85", "82.50/83.20", "填报", "有风险");
			assertThat(cells(table.getRow(7)).subList(7, 10)).containsExactly("—", "—", "无数据");
			assertThat(table.getRow(5).getCell(9).getColor()).isEqualTo("FFC7CE");
			assertThat(table.getRow(3).getCell(2).getColor()).isEqualTo(StatusColour.FLAGGED_ROW);
		}
	}

	@Test
	void eachIndicatorGetsItsCommentaryUnderItsArea() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			List<String> text = paragraphs(document);
			int section = text.indexOf("四、分指标评估情况");
			assertThat(text.subList(section, text.size())).contains("（一）居民健康水平", "（二）疾病预防控制", "（三）医疗卫生资源",
					"【滞后】每千人口医疗卫生机构床位数2023年为6.12张，较基期6.03张提高0.09张，按直线进度应达到6.19张，低于进度要求；"
							+ "按近年趋势推算2025年约为6.18张，未能达到目标6.30张，存在滞后风险。",
					"【无数据】每千人口3岁以下婴幼儿托位数2023年暂无数据（最近一次为2021年的2.80个），无法评估。");
			assertThat(text).contains("五、评估方法说明");
		}
	}

	@Test
	void everyRunIsInAChineseFontForLatinAndEastAsianText() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.CHINESE)) {
			XWPFRun title = document.getParagraphs().get(0).getRuns().get(0);
			assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
			assertThat(title.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("黑体");
			XWPFRun body = document.getParagraphs().get(3).getRuns().get(0);
			assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
			assertThat(body.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("宋体");
			XWPFRun cell = document.getTables().get(0).getRow(1).getCell(2).getParagraphs().get(0).getRuns().get(0);
			assertThat(cell.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
		}
	}

	@Test
	void inEnglishTheHeadingsAreEnglish() throws IOException {
		try (XWPFDocument document = read(EVALUATION, Locale.ENGLISH)) {
			List<String> text = paragraphs(document);
			assertThat(text.get(0)).isEqualTo("Test District 14th Five-Year Plan for Health: Mid-term Review Report");
			assertThat(text).contains("1. Overview", "2. Binding indicators off track", "3. Results by indicator");
			assertThat(text.get(3)).contains("Of the 7 indicators evaluated, 1 achieved, 2 on track, 1 at risk, 2 off track, 1 without data.");
		}
	}

	private static int firstTablePosition(XWPFDocument document) {
		List<IBodyElement> elements = document.getBodyElements();
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i) instanceof XWPFTable) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> cells(XWPFTableRow row) {
		return row.getTableCells().stream().map(c -> c.getText()).toList();
	}

}
