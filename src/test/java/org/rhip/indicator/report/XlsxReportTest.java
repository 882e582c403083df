package org.rhip.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rhip.indicator.evaluation.PlanEvaluation;

/** The workbook read back with POI: {@link SampleEvaluation} in 2023, the mid-term. */
class XlsxReportTest {

	private static final PlanEvaluation EVALUATION = SampleEvaluation.forYear(SampleEvaluation.MID_TERM);

	private static final LocalDate GENERATED = LocalDate.of(2024, 3, 15);

	/** The header of the results sheet is its third row; the plan's rows follow in table order. */
	private static final int HEADER = 2;

	private static XSSFWorkbook read(PlanEvaluation evaluation, Locale locale) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(EvaluationReports.xlsx(evaluation, locale, GENERATED)));
	}

	private static String shown(XSSFCell cell) {
		return new DataFormatter(Locale.ROOT).formatCellValue(cell);
	}

	private static List<String> shown(XSSFRow row) {
		List<String> values = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			values.add(shown(row.getCell(c)));
		}
		return values;
	}

	@Test
	void hasTheResultsTheSummaryAndTheYearsAsThreeSheets() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("评估结果", "汇总", "历年数据");
		}
	}

	@Test
	void theTitleNamesThePlanTheReviewTheYearAndTheDate() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(shown(sheet.getRow(0).getCell(0))).isEqualTo("测试区卫生健康事业发展“十四五”规划　中期评估");
			assertThat(shown(sheet.getRow(1).getCell(0))).contains("评估年度：2023年").contains("生成日期：2024年3月15日");
		}
	}

	@Test
	void hasAHeaderAndOneRowPerPlanRowInTableOrder() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(shown(sheet.getRow(HEADER))).containsExactly("序号", "领域", "指标", "单位", "指标性质", "基期值", "目标值", "实际值",
					"数据来源", "评估结论", "进度路径值", "趋势预测值", "说明");
			assertThat(sheet.getLastRowNum() - HEADER).isEqualTo(7);
			List<String> numbers = new ArrayList<>();
			for (int r = HEADER + 1; r <= sheet.getLastRowNum(); r++) {
				numbers.add(shown(sheet.getRow(r).getCell(0)));
			}
			assertThat(numbers).containsExactly("1", "2", "3", "4", "5", "6", "7");
		}
	}

	@Test
	void aRowShowsThePrintedTextsTheActualAsANumberAndTheVerdict() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFRow beds = workbook.getSheetAt(0).getRow(HEADER + 5);
			assertThat(shown(beds).subList(0, 12)).containsExactly("5", "医疗卫生资源", "每千人口医疗卫生机构床位数", "张", "预期性", "6.03", "6.30",
					"6.12", "登记系统", "滞后", "6.19", "6.18");
			assertThat(beds.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(beds.getCell(7).getNumericCellValue()).isEqualTo(6.12);
			assertThat(beds.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(shown(beds.getCell(12))).contains("落后于目标路径，按趋势达不到目标").contains("规划文本说明：Note 3");
		}
	}

	@Test
	void aCompoundRowShowsItsValuesAsText() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFRow compound = workbook.getSheetAt(0).getRow(HEADER + 4);
			assertThat(compound.getCell(5).getStringCellValue()).isEqualTo("78.5/80.7");
			assertThat(compound.getCell(7).getCellType()).isEqualTo(CellType.STRING);
			assertThat(compound.getCell(7).getStringCellValue()).isEqualTo("82.50/83.20");
			assertThat(compound.getCell(9).getStringCellValue()).isEqualTo("有风险");
			assertThat(compound.getCell(10).getStringCellValue()).isEqualTo("82.40/83.28");
			assertThat(compound.getCell(12).getStringCellValue())
				.isEqualTo("高血压患者规范管理率：达到或快于目标路径\n2型糖尿病患者规范管理率：落后于目标路径，但按趋势可以达到目标");
		}
	}

	@Test
	void everyStatusHasItsTextAndFill() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			List<String> statuses = new ArrayList<>();
			for (int r = HEADER + 1; r <= sheet.getLastRowNum(); r++) {
				statuses.add(shown(sheet.getRow(r).getCell(9)));
			}
			assertThat(statuses).containsExactly("达标", "按进度", "滞后", "有风险", "滞后", "按进度", "无数据");
			assertThat(fill(sheet.getRow(HEADER + 1).getCell(9))).isEqualTo("C6EFCE");
			assertThat(fill(sheet.getRow(HEADER + 5).getCell(9))).isEqualTo("FFC7CE");
			assertThat(fill(sheet.getRow(HEADER + 7).getCell(9))).isEqualTo("E7E6E6");
		}
	}

	@Test
	void aBindingIndicatorOffTrackIsHighlightedAcrossTheRow() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			XSSFRow nip = sheet.getRow(HEADER + 3);
			assertThat(shown(nip.getCell(4))).isEqualTo("约束性");
			assertThat(fill(nip.getCell(2))).isEqualTo(StatusColour.FLAGGED_ROW);
			assertThat(workbook.getFontAt(nip.getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();
			// an expected indicator off track is not
			assertThat(sheet.getRow(HEADER + 5).getCell(2).getCellStyle().getFillForegroundColorColor()).isNull();
		}
	}

	@Test
	void theHeaderIsFrozenAndFiltered() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (HEADER + 1));
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:M10");
			assertThat(sheet.getColumnWidth(12)).isGreaterThan(sheet.getColumnWidth(0));
		}
	}

	@Test
	void theSummaryCountsByStatusAndAreaAndListsTheBindingIndicatorsOffTrack() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			List<List<String>> rows = rows(workbook.getSheetAt(1));
			assertThat(rows).contains(List.of("达标", "1", "14.3%"), List.of("按进度", "2", "28.6%"), List.of("有风险", "1", "14.3%"),
					List.of("滞后", "2", "28.6%"), List.of("无数据", "1", "14.3%"), List.of("合计", "7"));
			assertThat(rows).contains(List.of("领域", "指标数", "达标", "按进度", "有风险", "滞后", "无数据"),
					List.of("居民健康水平", "2", "1", "1", "0", "0", "0"), List.of("疾病预防控制", "2", "0", "0", "1", "1", "0"),
					List.of("医疗卫生资源", "3", "0", "1", "0", "1", "1"), List.of("约束性", "1", "0", "0", "0", "1", "0"));
			List<String> flagged = rows.get(rows.indexOf(List.of("滞后的约束性指标")) + 2);
			assertThat(flagged.subList(0, 7)).containsExactly("3", "以街道为单位适龄儿童免疫规划疫苗接种率", "99", "＞96", "93.00", "填报", "滞后");
			assertThat(flagged.get(7)).startsWith("以街道为单位适龄儿童免疫规划疫苗接种率2023年为93.00%");
		}
	}

	@Test
	void theYearsSheetHasAValueAndASourcePerYear() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.CHINESE)) {
			XSSFSheet sheet = workbook.getSheetAt(2);
			assertThat(shown(sheet.getRow(1))).containsExactly("序号", "指标", "单位", "2020年", "", "2021年", "", "2022年", "", "2023年", "");
			// one line per indicator: the compound row has two
			assertThat(sheet.getLastRowNum()).isEqualTo(2 + 8);
			assertThat(shown(sheet.getRow(3 + 5))).containsExactly("5", "每千人口医疗卫生机构床位数", "张", "6.03", "规划文本", "6.08", "登记系统",
					"6.09", "登记系统", "6.12", "登记系统");
			assertThat(shown(sheet.getRow(3 + 4).getCell(1))).isEqualTo("高血压/糖尿病规范管理率(%) — 2型糖尿病患者规范管理率");
			assertThat(shown(sheet.getRow(3 + 7)).subList(3, 11)).containsExactly("2.50", "规划文本", "2.80", "填报", "—", "", "—", "");
		}
	}

	@Test
	void theFinalYearIsTheFinalReview() throws IOException {
		try (XSSFWorkbook workbook = read(SampleEvaluation.forYear(SampleEvaluation.TARGET), Locale.CHINESE)) {
			assertThat(shown(workbook.getSheetAt(0).getRow(0).getCell(0))).endsWith("终期评估");
		}
	}

	@Test
	void inEnglishTheHeadingsAreEnglish() throws IOException {
		try (XSSFWorkbook workbook = read(EVALUATION, Locale.UK)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("Results");
			assertThat(shown(sheet.getRow(0).getCell(0))).isEqualTo("Test District 14th Five-Year Plan for Health — Mid-term review");
			assertThat(shown(sheet.getRow(HEADER)).subList(0, 3)).containsExactly("No.", "Area", "Indicator");
			assertThat(shown(sheet.getRow(HEADER + 5).getCell(9))).isEqualTo("Off track");
		}
	}

	private static String fill(XSSFCell cell) {
		XSSFColor colour = cell.getCellStyle().getFillForegroundColorColor();
		return colour == null ? null : colour.getARGBHex().substring(2);
	}

	private static List<List<String>> rows(XSSFSheet sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			XSSFRow row = sheet.getRow(r);
			rows.add(row == null ? List.of() : shown(row));
		}
		return rows;
	}

}
