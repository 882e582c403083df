package org.rhip.indicator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rhip.indicator.Status;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.Observation;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;

/**
 * The evaluation as a workbook: the results in table order (评估结果), the counts by status, area and
 * attribute with the binding indicators off track (汇总), and the values of every year (历年数据).
 */
final class XlsxReport {

	/** Column widths of the results sheet, in characters. */
	private static final int[] WIDTHS = { 6, 14, 34, 8, 10, 12, 14, 12, 14, 10, 12, 12, 70 };

	private static final int ACTUAL = 7;

	private static final int STATUS = 9;

	/** Points per line of 11-point text. */
	private static final float LINE_HEIGHT = 14.5f;

	private final PlanEvaluation evaluation;

	private final Plan plan;

	private final ReportText text;

	private final Commentary commentary;

	private final LocalDate generated;

	private final boolean english;

	XlsxReport(PlanEvaluation evaluation, ReportText text, LocalDate generated) {
		this.evaluation = evaluation;
		this.plan = evaluation.plan();
		this.text = text;
		this.commentary = new Commentary(evaluation, text);
		this.generated = generated;
		this.english = text.english();
	}

	byte[] write() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook, english);
			results(workbook.createSheet(english ? "Results" : "评估结果"), styles);
			summary(workbook.createSheet(english ? "Summary" : "汇总"), styles);
			series(workbook.createSheet(english ? "By year" : "历年数据"), styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the XLSX report", ex);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// 评估结果
	// ---------------------------------------------------------------------------------------------

	private void results(XSSFSheet sheet, Styles styles) {
		List<String> columns = text.columns();
		int last = columns.size() - 1;
		title(sheet, styles, 0, last, text.planName(plan) + (english ? " — " : "　") + text.kind(ReportKind.of(plan, year())));
		title2(sheet, styles, 1, last, english
				? "Year evaluated: " + year() + "    Plan period: " + plan.baselineYear() + "–" + plan.targetYear() + "    Generated: "
						+ text.date(generated)
				: "评估年度：" + year() + "年　　规划期：" + plan.baselineYear() + "—" + plan.targetYear() + "年　　生成日期："
						+ text.date(generated));
		int header = 2;
		header(sheet.createRow(header), styles, columns);
		int r = header + 1;
		for (RowResult result : evaluation.rows()) {
			resultRow(sheet.createRow(r++), result, styles);
		}
		for (int c = 0; c < WIDTHS.length; c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		fitRows(sheet, header, r - 1);
		sheet.createFreezePane(3, header + 1);
		sheet.setAutoFilter(new CellRangeAddress(header, Math.max(header, r - 1), 0, last));
		sheet.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
		landscape(sheet);
	}

	private void resultRow(XSSFRow x, RowResult result, Styles styles) {
		PlanRow row = result.row();
		String fill = result.flagged() ? StatusColour.FLAGGED_ROW : null;
		boolean hasActual = result.actualText().isPresent();
		List<IndicatorResult> parts = result.indicators();
		text(x, 0, text.rowNo(row), styles.text(fill, false, HorizontalAlignment.CENTER));
		text(x, 1, text.category(row), styles.text(fill, false, HorizontalAlignment.LEFT));
		text(x, 2, text.rowName(row), styles.text(fill, result.flagged(), HorizontalAlignment.LEFT));
		text(x, 3, row.unit() == null ? "" : row.unit(), styles.text(fill, false, HorizontalAlignment.CENTER));
		text(x, 4, text.attribute(row.attribute()), styles.text(fill, false, HorizontalAlignment.CENTER));
		text(x, 5, row.baseline() == null ? "" : row.baseline(), styles.text(fill, false, HorizontalAlignment.RIGHT));
		text(x, 6, row.target() == null ? "" : row.target(), styles.text(fill, false, HorizontalAlignment.RIGHT));
		figures(x, ACTUAL, parts, i -> i.actual().map(Observation::value), fill, styles);
		text(x, 8, hasActual ? text.sources(result.source()) : "—", styles.text(fill, false, HorizontalAlignment.CENTER));
		text(x, STATUS, text.status(result.status()),
				styles.text(StatusColour.fill(result.status()), result.flagged(), HorizontalAlignment.CENTER));
		figures(x, 10, parts, i -> i.judgement().expected(), fill, styles);
		figures(x, 11, parts, i -> i.judgement().projected(), fill, styles);
		text(x, 12, String.join("\n", explanation(result)), styles.text(fill, false, HorizontalAlignment.LEFT));
	}

	/**
	 * A number cell with the indicator's decimals; for a compound row the values as text ("82.50/83.20",
	 * "—" for a part without one); "—" when there is nothing.
	 */
	private void figures(XSSFRow x, int column, List<IndicatorResult> parts,
			Function<IndicatorResult, Optional<BigDecimal>> value, String fill, Styles styles) {
		if (parts.stream().allMatch(i -> value.apply(i).isEmpty())) {
			text(x, column, "—", styles.text(fill, false, HorizontalAlignment.RIGHT));
			return;
		}
		if (parts.size() == 1) {
			IndicatorResult only = parts.get(0);
			number(x, column, value.apply(only).get(), only.indicator().decimals(), styles.number(only.indicator().decimals(), fill));
			return;
		}
		List<String> texts = new ArrayList<>();
		for (IndicatorResult part : parts) {
			texts.add(value.apply(part).map(v -> Figures.format(v, part.indicator().decimals())).orElse("—"));
		}
		text(x, column, String.join("/", texts), styles.text(fill, false, HorizontalAlignment.RIGHT));
	}

	/** The 说明 column: why each indicator has its status, the evaluator's notes, the transcriber's remark. */
	private List<String> explanation(RowResult result) {
		List<String> lines = new ArrayList<>();
		for (IndicatorResult part : result.indicators()) {
			String reason = text.reason(part.judgement().reason());
			lines.add(result.indicators().size() > 1 ? partName(part) + (english ? ": " : "：") + reason : reason);
		}
		result.notes().stream().map(text::note).forEach(lines::add);
		if (ReportText.present(result.row().remark())) {
			lines.add((english ? "Plan transcription: " : "规划文本说明：") + result.row().remark());
		}
		return lines;
	}

	// ---------------------------------------------------------------------------------------------
	// 汇总
	// ---------------------------------------------------------------------------------------------

	private void summary(XSSFSheet sheet, Styles styles) {
		int columns = Status.values().length + 2;
		title(sheet, styles, 0, columns - 1, text.planName(plan) + (english ? " — summary " : "　评估汇总（") + year()
				+ (english ? "" : "年）"));
		int r = 2;
		r = section(sheet, styles, r, english ? "By status" : "按评估结论");
		header(sheet.createRow(r++), styles, english ? List.of("Status", "Indicators", "Share") : List.of("评估结论", "指标数", "占比"));
		int total = evaluation.rows().size();
		for (Map.Entry<Status, Long> count : evaluation.counts().entrySet()) {
			XSSFRow x = sheet.createRow(r++);
			text(x, 0, text.status(count.getKey()), styles.text(StatusColour.fill(count.getKey()), false, HorizontalAlignment.CENTER));
			number(x, 1, BigDecimal.valueOf(count.getValue()), 0, styles.number(0, null));
			XSSFCell share = x.createCell(2);
			share.setCellValue(total == 0 ? 0 : count.getValue() / (double) total);
			share.setCellStyle(styles.percent());
		}
		XSSFRow totalRow = sheet.createRow(r++);
		text(totalRow, 0, english ? "Total" : "合计", styles.text(null, true, HorizontalAlignment.CENTER));
		number(totalRow, 1, BigDecimal.valueOf(total), 0, styles.number(0, null));
		r++;
		r = groups(sheet, styles, r, english ? "By area" : "按领域", english ? "Area" : "领域", text::category);
		r++;
		r = groups(sheet, styles, r, english ? "By attribute" : "按指标性质", english ? "Attribute" : "指标性质",
				row -> text.attribute(row.attribute()));
		r++;
		r = section(sheet, styles, r, english ? "Binding indicators off track" : "滞后的约束性指标");
		header(sheet.createRow(r++), styles,
				english ? List.of("No.", "Indicator", "Baseline", "Target", "Actual", "Source", "Status", "Commentary")
						: List.of("序号", "指标", "基期值", "目标值", "实际值", "数据来源", "评估结论", "情况说明"));
		List<RowResult> flagged = evaluation.flagged();
		if (flagged.isEmpty()) {
			XSSFRow none = sheet.createRow(r++);
			text(none, 0, english ? "None" : "无", styles.text(null, false, HorizontalAlignment.CENTER));
		}
		for (RowResult result : flagged) {
			XSSFRow x = sheet.createRow(r++);
			String fill = StatusColour.FLAGGED_ROW;
			text(x, 0, text.rowNo(result.row()), styles.text(fill, false, HorizontalAlignment.CENTER));
			text(x, 1, text.rowName(result.row()), styles.text(fill, true, HorizontalAlignment.LEFT));
			text(x, 2, orEmpty(result.row().baseline()), styles.text(fill, false, HorizontalAlignment.RIGHT));
			text(x, 3, orEmpty(result.row().target()), styles.text(fill, false, HorizontalAlignment.RIGHT));
			figures(x, 4, result.indicators(), i -> i.actual().map(Observation::value), fill, styles);
			text(x, 5, result.actualText().isPresent() ? text.sources(result.source()) : "—",
					styles.text(fill, false, HorizontalAlignment.CENTER));
			text(x, 6, text.status(result.status()), styles.text(StatusColour.fill(result.status()), true, HorizontalAlignment.CENTER));
			text(x, 7, commentary.row(result), styles.text(fill, false, HorizontalAlignment.LEFT));
		}
		// the count tables use columns 0–6, the list of binding indicators 0–7
		int[] widths = { 18, 30, 10, 10, 10, 10, 10, 80 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		fitRows(sheet, 3, r - 1);
		landscape(sheet);
	}

	/** Counts by status for each group of rows (area, attribute), in table order, with a total. */
	private int groups(XSSFSheet sheet, Styles styles, int r, String title, String label, Function<PlanRow, String> key) {
		Status[] statuses = Status.values();
		r = section(sheet, styles, r, title);
		List<String> heads = new ArrayList<>(List.of(label, english ? "Indicators" : "指标数"));
		for (Status status : statuses) {
			heads.add(text.status(status));
		}
		header(sheet.createRow(r++), styles, heads);
		Map<String, List<RowResult>> groups = new LinkedHashMap<>();
		for (RowResult result : evaluation.rows()) {
			String name = key.apply(result.row());
			groups.computeIfAbsent(name.isEmpty() ? (english ? "(none)" : "（未分领域）") : name, k -> new ArrayList<>()).add(result);
		}
		groups.put(english ? "Total" : "合计", evaluation.rows());
		for (Map.Entry<String, List<RowResult>> group : groups.entrySet()) {
			XSSFRow x = sheet.createRow(r++);
			text(x, 0, group.getKey(), styles.text(null, false, HorizontalAlignment.LEFT));
			number(x, 1, BigDecimal.valueOf(group.getValue().size()), 0, styles.number(0, null));
			for (int s = 0; s < statuses.length; s++) {
				Status status = statuses[s];
				long n = group.getValue().stream().filter(g -> g.status() == status).count();
				number(x, 2 + s, BigDecimal.valueOf(n), 0, styles.number(0, null));
			}
		}
		return r;
	}

	// ---------------------------------------------------------------------------------------------
	// 历年数据
	// ---------------------------------------------------------------------------------------------

	private void series(XSSFSheet sheet, Styles styles) {
		int first = Math.min(plan.baselineYear(), year());
		int years = year() - first + 1;
		int last = 3 + years * 2 - 1;
		title(sheet, styles, 0, last, text.planName(plan) + (english ? " — values by year, " + first + "–" + year()
				: "　历年数据（" + first + "—" + year() + "年）"));
		XSSFRow top = sheet.createRow(1);
		XSSFRow bottom = sheet.createRow(2);
		List<String> fixed = english ? List.of("No.", "Indicator", "Unit") : List.of("序号", "指标", "单位");
		for (int c = 0; c < fixed.size(); c++) {
			text(top, c, fixed.get(c), styles.header());
			text(bottom, c, "", styles.header());
			sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
		}
		for (int y = 0; y < years; y++) {
			int c = 3 + y * 2;
			text(top, c, text.year(first + y), styles.header());
			text(top, c + 1, "", styles.header());
			sheet.addMergedRegion(new CellRangeAddress(1, 1, c, c + 1));
			text(bottom, c, english ? "Value" : "数值", styles.header());
			text(bottom, c + 1, english ? "Source" : "来源", styles.header());
			sheet.setColumnWidth(c, 11 * 256);
			sheet.setColumnWidth(c + 1, 10 * 256);
		}
		int r = 3;
		for (RowResult result : evaluation.rows()) {
			for (IndicatorResult part : result.indicators()) {
				XSSFRow x = sheet.createRow(r++);
				String name = result.indicators().size() > 1 ? text.rowName(result.row()) + " — " + partName(part)
						: text.rowName(result.row());
				text(x, 0, text.rowNo(result.row()), styles.text(null, false, HorizontalAlignment.CENTER));
				text(x, 1, name, styles.text(null, false, HorizontalAlignment.LEFT));
				text(x, 2, orEmpty(result.row().unit()), styles.text(null, false, HorizontalAlignment.CENTER));
				int decimals = part.indicator().decimals();
				for (int y = 0; y < years; y++) {
					int c = 3 + y * 2;
					Observation observation = part.series().get(first + y);
					if (observation == null) {
						text(x, c, "—", styles.text(null, false, HorizontalAlignment.RIGHT));
						text(x, c + 1, "", styles.text(null, false, HorizontalAlignment.CENTER));
					}
					else {
						number(x, c, observation.value(), decimals, styles.number(decimals, null));
						text(x, c + 1, text.source(observation.source()), styles.text(null, false, HorizontalAlignment.CENTER));
					}
				}
			}
		}
		sheet.setColumnWidth(0, 6 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		sheet.setColumnWidth(2, 8 * 256);
		fitRows(sheet, 3, r - 1);
		sheet.createFreezePane(3, 3);
		landscape(sheet);
	}

	// ---------------------------------------------------------------------------------------------
	// cells
	// ---------------------------------------------------------------------------------------------

	private int year() {
		return evaluation.year();
	}

	private String partName(IndicatorResult part) {
		return english && ReportText.present(part.indicator().nameEn()) ? part.indicator().nameEn() : part.indicator().name();
	}

	private static void title(XSSFSheet sheet, Styles styles, int r, int lastColumn, String value) {
		XSSFRow row = sheet.createRow(r);
		row.setHeightInPoints(24);
		text(row, 0, value, styles.title());
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
	}

	private static void title2(XSSFSheet sheet, Styles styles, int r, int lastColumn, String value) {
		text(sheet.createRow(r), 0, value, styles.subtitle());
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
	}

	private static int section(XSSFSheet sheet, Styles styles, int r, String value) {
		text(sheet.createRow(r), 0, value, styles.section());
		return r + 1;
	}

	private static void header(XSSFRow row, Styles styles, List<String> names) {
		for (int c = 0; c < names.size(); c++) {
			text(row, c, names.get(c), styles.header());
		}
	}

	private static void text(XSSFRow row, int column, String value, XSSFCellStyle style) {
		XSSFCell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void number(XSSFRow row, int column, BigDecimal value, int decimals, XSSFCellStyle style) {
		XSSFCell cell = row.createCell(column);
		cell.setCellValue(Figures.round(value, decimals).doubleValue());
		cell.setCellStyle(style);
	}

	/**
	 * Sets the height of rows with wrapped text to fit it, as Excel does when it opens a file but not
	 * every other reader: lines per cell from its width, a CJK character counting two.
	 */
	private static void fitRows(XSSFSheet sheet, int first, int last) {
		for (int r = first; r <= last; r++) {
			XSSFRow row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			int lines = 1;
			for (int c = 0; c < row.getLastCellNum(); c++) {
				XSSFCell cell = row.getCell(c);
				if (cell != null && cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()) {
					int width = Math.max(1, sheet.getColumnWidth(c) / 256 - 1);
					lines = Math.max(lines, lines(cell.getStringCellValue(), width));
				}
			}
			if (lines > 1) {
				row.setHeightInPoints(lines * LINE_HEIGHT);
			}
		}
	}

	private static int lines(String value, int width) {
		int lines = 0;
		for (String line : value.split("\n", -1)) {
			int units = line.codePoints().map(ch -> ch > 0x2E80 ? 2 : 1).sum();
			lines += Math.max(1, (units + width - 1) / width);
		}
		return lines;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static void landscape(XSSFSheet sheet) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	/** The workbook's cell styles, each made once. */
	private static final class Styles {

		private final XSSFWorkbook workbook;

		private final XSSFFont body;

		private final XSSFFont bold;

		private final XSSFFont heading;

		private final Map<String, XSSFCellStyle> made = new HashMap<>();

		Styles(XSSFWorkbook workbook, boolean english) {
			this.workbook = workbook;
			String bodyFont = english ? "Calibri" : "宋体";
			String headingFont = english ? "Calibri" : "黑体";
			this.body = font(bodyFont, 11, false);
			this.bold = font(bodyFont, 11, true);
			this.heading = font(headingFont, 14, true);
		}

		private XSSFFont font(String name, int points, boolean isBold) {
			XSSFFont font = workbook.createFont();
			font.setFontName(name);
			font.setFontHeightInPoints((short) points);
			font.setBold(isBold);
			return font;
		}

		XSSFCellStyle title() {
			return made.computeIfAbsent("title", k -> {
				XSSFCellStyle style = workbook.createCellStyle();
				style.setFont(heading);
				style.setVerticalAlignment(VerticalAlignment.CENTER);
				return style;
			});
		}

		XSSFCellStyle subtitle() {
			return made.computeIfAbsent("subtitle", k -> {
				XSSFCellStyle style = workbook.createCellStyle();
				style.setFont(body);
				return style;
			});
		}

		XSSFCellStyle section() {
			return made.computeIfAbsent("section", k -> {
				XSSFCellStyle style = workbook.createCellStyle();
				style.setFont(bold);
				return style;
			});
		}

		XSSFCellStyle header() {
			return made.computeIfAbsent("header", k -> {
				XSSFCellStyle style = bordered(StatusColour.HEADER);
				style.setFont(bold);
				style.setAlignment(HorizontalAlignment.CENTER);
				return style;
			});
		}

		XSSFCellStyle text(String fill, boolean isBold, HorizontalAlignment alignment) {
			return made.computeIfAbsent("text/" + fill + "/" + isBold + "/" + alignment, k -> {
				XSSFCellStyle style = bordered(fill);
				style.setFont(isBold ? bold : body);
				style.setAlignment(alignment);
				return style;
			});
		}

		XSSFCellStyle number(int decimals, String fill) {
			return made.computeIfAbsent("number/" + decimals + "/" + fill, k -> {
				XSSFCellStyle style = bordered(fill);
				style.setFont(body);
				style.setAlignment(HorizontalAlignment.RIGHT);
				style.setDataFormat(workbook.createDataFormat().getFormat(Figures.pattern(decimals)));
				return style;
			});
		}

		XSSFCellStyle percent() {
			return made.computeIfAbsent("percent", k -> {
				XSSFCellStyle style = bordered(null);
				style.setFont(body);
				style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
				return style;
			});
		}

		private XSSFCellStyle bordered(String fill) {
			XSSFCellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(true);
			if (fill != null) {
				style.setFillForegroundColor(new XSSFColor(hex(fill)));
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			}
			return style;
		}

		private static byte[] hex(String rgb) {
			return new byte[] { (byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
					(byte) Integer.parseInt(rgb.substring(4, 6), 16) };
		}

	}

}
