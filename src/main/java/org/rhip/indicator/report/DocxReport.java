package org.rhip.indicator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;

/**
 * The evaluation as a Word report (实施情况评估报告): title, the counts, the binding indicators off
 * track, the table of results, a few sentences per indicator, and how the figures were made. A4
 * portrait; 宋体 for the text, 黑体 for the headings, set on every run for Latin and East Asian text.
 */
final class DocxReport {

	private static final String BODY_FONT = "宋体";

	private static final String HEADING_FONT = "黑体";

	private static final String LATIN_FONT_EN = "Times New Roman";

	/** Twips (1/20 pt): A4, margins 2.54 cm top and bottom, 1.85 cm left and right. */
	private static final int PAGE_WIDTH = 11906;

	private static final int PAGE_HEIGHT = 16838;

	private static final int MARGIN_TOP = 1440;

	private static final int MARGIN_SIDE = 1049;

	/**
	 * Widths of the table's ten columns, in twips, adding up to the text width (9,808): four 9-point
	 * characters fit in the source and status columns, "78.5/80.7" in the baseline.
	 */
	private static final int[] COLUMN_WIDTHS = { 450, 1000, 2188, 560, 700, 1000, 1000, 1150, 880, 880 };

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private final PlanEvaluation evaluation;

	private final Plan plan;

	private final ReportText text;

	private final Commentary commentary;

	private final LocalDate generated;

	private final boolean english;

	private int sections;

	DocxReport(PlanEvaluation evaluation, ReportText text, LocalDate generated) {
		this.evaluation = evaluation;
		this.plan = evaluation.plan();
		this.text = text;
		this.commentary = new Commentary(evaluation, text);
		this.generated = generated;
		this.english = text.english();
	}

	byte[] write() {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(document);
			title(document);
			overview(document);
			flagged(document);
			table(document);
			indicators(document);
			method(document);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the Word report", ex);
		}
	}

	/** "天河区卫生健康事业发展“十四五”规划实施情况中期评估报告". */
	String title() {
		ReportKind kind = ReportKind.of(plan, evaluation.year());
		if (english) {
			return text.planName(plan) + ": " + (kind == ReportKind.ANNUAL ? "Monitoring Report " + evaluation.year()
					: kind == ReportKind.MID_TERM ? "Mid-term Review Report" : "Final Review Report");
		}
		return plan.name() + "实施情况" + (kind == ReportKind.ANNUAL ? evaluation.year() + "年度监测" : text.kind(kind)) + "报告";
	}

	private void title(XWPFDocument document) {
		XWPFParagraph title = document.createParagraph();
		title.setAlignment(ParagraphAlignment.CENTER);
		title.setSpacingAfter(240);
		run(title, title(), HEADING_FONT, 18, true);
		XWPFParagraph subtitle = document.createParagraph();
		subtitle.setAlignment(ParagraphAlignment.CENTER);
		subtitle.setSpacingAfter(360);
		run(subtitle, english
				? "(Year evaluated: " + evaluation.year() + "; plan period " + plan.baselineYear() + "–" + plan.targetYear()
						+ "; generated " + text.date(generated) + ")"
				: "（评估年度：" + evaluation.year() + "年　规划期：" + plan.baselineYear() + "—" + plan.targetYear() + "年　生成日期："
						+ text.date(generated) + "）",
				BODY_FONT, 12, false);
	}

	private void overview(XWPFDocument document) {
		heading(document, english ? "Overview" : "总体情况");
		body(document, commentary.summary());
	}

	private void flagged(XWPFDocument document) {
		heading(document, english ? "Binding indicators off track" : "需重点关注的约束性指标");
		List<RowResult> flagged = evaluation.flagged();
		if (flagged.isEmpty()) {
			boolean anyBinding = evaluation.rows().stream().anyMatch(r -> r.row().binding());
			body(document, english
					? (anyBinding ? "No binding indicator is off track." : "The plan marks no indicator as binding.")
					: (anyBinding ? "本次评估中，约束性指标均未出现滞后。" : "规划未列约束性指标。"));
			return;
		}
		for (RowResult row : flagged) {
			XWPFParagraph paragraph = bodyParagraph(document);
			run(paragraph, (english ? "[" + text.status(row.status()) + "] " : "【" + text.status(row.status()) + "】"), BODY_FONT, 12, true);
			run(paragraph, commentary.row(row), BODY_FONT, 12, false);
		}
	}

	private void table(XWPFDocument document) {
		heading(document, english ? "Results by indicator" : "指标评估结果");
		XWPFParagraph caption = document.createParagraph();
		caption.setAlignment(ParagraphAlignment.CENTER);
		caption.setSpacingAfter(120);
		// the plan's own table number ("表2 …") would clash with this report's
		String table = ReportText.present(plan.table()) ? plan.table().replaceFirst("^表\\s*\\d+\\s*", "")
				: (english ? "Main indicators" : "主要指标");
		run(caption, english ? "Table 1. " + table + ": results for " + evaluation.year()
				: "表1　" + table + "评估结果（" + evaluation.year() + "年）", HEADING_FONT, 10.5, false);

		List<String> columns = text.columns().subList(0, COLUMN_WIDTHS.length);
		XWPFTable grid = document.createTable(evaluation.rows().size() + 1, columns.size());
		layout(grid);
		XWPFTableRow header = grid.getRow(0);
		header.setRepeatHeader(true);
		for (int c = 0; c < columns.size(); c++) {
			cell(header.getCell(c), c, columns.get(c), StatusColour.HEADER, true, ParagraphAlignment.CENTER);
		}
		int r = 1;
		for (RowResult result : evaluation.rows()) {
			XWPFTableRow x = grid.getRow(r++);
			x.setCantSplitRow(true);
			PlanRow row = result.row();
			String fill = result.flagged() ? StatusColour.FLAGGED_ROW : null;
			String[] values = { text.rowNo(row), text.categoryShort(row), text.rowName(row), orEmpty(row.unit()),
					text.attribute(row.attribute()), orEmpty(row.baseline()), orEmpty(row.target()), actual(result),
					result.actualText().isPresent() ? text.sources(result.source()) : "—", text.status(result.status()) };
			for (int c = 0; c < values.length; c++) {
				boolean status = c == values.length - 1;
				ParagraphAlignment align = c == 1 || c == 2 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER;
				cell(x.getCell(c), c, values[c], status ? StatusColour.fill(result.status()) : fill,
						status ? result.flagged() : c == 2 && result.flagged(), align);
			}
		}
		XWPFParagraph note = document.createParagraph();
		note.setSpacingBefore(60);
		run(note, english ? "Actual values are rounded to each indicator's decimals; a compound row gives one value per indicator (a/b). Rows shaded red are binding indicators off track."
				: "注：实际值按各指标规定的小数位数修约；复合指标按“甲/乙”分列各项数值；红色底纹行为滞后的约束性指标。", BODY_FONT, 9, false);
	}

	/** The actual as the table prints it: "6.12", "82.50/83.20", "—". */
	private static String actual(RowResult result) {
		if (result.actualText().isEmpty()) {
			return "—";
		}
		StringBuilder s = new StringBuilder();
		for (IndicatorResult part : result.indicators()) {
			if (s.length() > 0) {
				s.append('/');
			}
			s.append(part.rounded().map(v -> Figures.format(v, part.indicator().decimals())).orElse("—"));
		}
		return s.toString();
	}

	private void indicators(XWPFDocument document) {
		heading(document, english ? "Indicator by indicator" : "分指标评估情况");
		Map<String, List<RowResult>> byArea = new LinkedHashMap<>();
		for (RowResult row : evaluation.rows()) {
			byArea.computeIfAbsent(text.categoryHeading(row.row()), k -> new java.util.ArrayList<>()).add(row);
		}
		boolean headings = byArea.size() > 1 || !byArea.containsKey(english ? "Other indicators" : "其他指标");
		int area = 0;
		for (Map.Entry<String, List<RowResult>> group : byArea.entrySet()) {
			if (headings) {
				XWPFParagraph sub = document.createParagraph();
				sub.setSpacingBefore(120);
				sub.setSpacingAfter(60);
				sub.setIndentationFirstLine(480);
				run(sub, english ? group.getKey() : "（" + numeral(area++) + "）" + group.getKey(), BODY_FONT, 12, true);
			}
			for (RowResult row : group.getValue()) {
				XWPFParagraph paragraph = bodyParagraph(document);
				run(paragraph, (english ? "[" + text.status(row.status()) + "] " : "【" + text.status(row.status()) + "】"),
						BODY_FONT, 12, true);
				run(paragraph, commentary.row(row), BODY_FONT, 12, false);
			}
		}
	}

	private void method(XWPFDocument document) {
		heading(document, english ? "Method" : "评估方法说明");
		List<String> notes = commentary.method();
		for (int i = 0; i < notes.size(); i++) {
			body(document, (i + 1) + (english ? ". " : "．") + notes.get(i));
		}
	}

	// ---------------------------------------------------------------------------------------------
	// layout
	// ---------------------------------------------------------------------------------------------

	private void page(XWPFDocument document) {
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(english ? LATIN_FONT_EN : BODY_FONT);
		fonts.setHAnsi(english ? LATIN_FONT_EN : BODY_FONT);
		fonts.setEastAsia(BODY_FONT);
		fonts.setCs(BODY_FONT);
		document.createStyles().setDefaultFonts(fonts);
		CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
				: document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(PAGE_WIDTH));
		size.setH(BigInteger.valueOf(PAGE_HEIGHT));
		CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_TOP));
		margins.setLeft(BigInteger.valueOf(MARGIN_SIDE));
		margins.setRight(BigInteger.valueOf(MARGIN_SIDE));
		margins.setHeader(BigInteger.valueOf(851));
		margins.setFooter(BigInteger.valueOf(851));
		XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph number = footer.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		CTSimpleField page = number.getCTP().addNewFldSimple();
		page.setInstr("PAGE");
		page.addNewR().addNewT().setStringValue("1");
	}

	private static void layout(XWPFTable table) {
		table.setWidth(String.valueOf(sum(COLUMN_WIDTHS)));
		table.setTableAlignment(TableRowAlign.CENTER);
		table.setCellMargins(30, 60, 30, 60);
		CTTblPr properties = table.getCTTbl().getTblPr();
		(properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
		CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : COLUMN_WIDTHS) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
	}

	private void cell(XWPFTableCell cell, int column, String value, String fill, boolean bold, ParagraphAlignment align) {
		cell.setWidth(String.valueOf(COLUMN_WIDTHS[column]));
		cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
		if (fill != null) {
			cell.setColor(fill);
		}
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		paragraph.setAlignment(align);
		paragraph.setSpacingAfter(0);
		paragraph.setSpacingBefore(0);
		run(paragraph, value, BODY_FONT, 9, bold);
	}

	private void heading(XWPFDocument document, String title) {
		XWPFParagraph heading = document.createParagraph();
		heading.setSpacingBefore(240);
		heading.setSpacingAfter(120);
		heading.setKeepNext(true);
		if (!english) {
			heading.setIndentationFirstLine(480);
		}
		String number = english ? (sections + 1) + ". " : numeral(sections) + "、";
		sections++;
		run(heading, number + title, HEADING_FONT, 16, false);
	}

	private void body(XWPFDocument document, String value) {
		run(bodyParagraph(document), value, BODY_FONT, 12, false);
	}

	private static XWPFParagraph bodyParagraph(XWPFDocument document) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(480);
		paragraph.setSpacingBetween(1.5);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	/** A run in {@code font} for East Asian text, and for Latin text too in a Chinese report. */
	private XWPFRun run(XWPFParagraph paragraph, String value, String font, double points, boolean bold) {
		XWPFRun run = paragraph.createRun();
		String latin = english ? LATIN_FONT_EN : font;
		run.setFontFamily(latin, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(latin, XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily(font, XWPFRun.FontCharRange.cs);
		run.setFontSize(points);
		run.setBold(bold);
		run.setText(value);
		return run;
	}

	private static String numeral(int index) {
		return index < NUMERALS.length ? NUMERALS[index] : String.valueOf(index + 1);
	}

	private static int sum(int[] values) {
		int sum = 0;
		for (int value : values) {
			sum += value;
		}
		return sum;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
