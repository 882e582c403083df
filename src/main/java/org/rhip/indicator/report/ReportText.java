package org.rhip.indicator.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rhip.indicator.Status;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;

/**
 * The words of a report in its language: Chinese, or English when the locale is English. The
 * evaluator explains itself in short English sentences; they are put into Chinese here.
 */
final class ReportText {

	private static final Map<String, String> REASONS_ZH = Map.ofEntries(
			Map.entry("the plan prints no target", "规划未列目标值"),
			Map.entry("the target depends on a base value the plan does not print", "目标依赖规划未列出的基数"),
			Map.entry("target met", "已达到目标"), Map.entry("target missed", "未达到目标"),
			Map.entry("the baseline year: the starting point of the path", "基期年：目标路径的起点"),
			Map.entry("this year's step is met", "已完成本年度进度要求"),
			Map.entry("the target is already met", "已提前达到目标"),
			Map.entry("on or ahead of the path to the target", "达到或快于目标路径"),
			Map.entry("behind the target, too few years to project a trend", "未达目标，年份过少，无法推算趋势"),
			Map.entry("behind the path, but the trend reaches the target", "落后于目标路径，但按趋势可以达到目标"),
			Map.entry("behind the path and the trend misses the target", "落后于目标路径，按趋势达不到目标"),
			Map.entry("the baseline year: the starting point", "基期年：比较的起点"),
			Map.entry("nothing earlier to compare with", "没有更早的数值可比较"),
			Map.entry("better than the baseline", "优于基期"), Map.entry("better than the year before", "优于上一年"),
			Map.entry("no change", "与比较值持平"), Map.entry("moving the wrong way", "向不利方向变化"));

	private static final Pattern NO_VALUE = Pattern.compile("no value for (\\d{4})");

	private static final Pattern AGREES = Pattern
		.compile("the (\\d{4}) value computed from the (\\w+) \\((.+?)\\) agrees with the printed baseline (.+)");

	private static final Pattern MISMATCH = Pattern
		.compile("MISMATCH: the (\\d{4}) value computed from the (\\w+) is (.+?) but the plan prints (.+)");

	private static final Pattern COUNT_SUFFIX = Pattern.compile("\\s*[（(]\\d+项[)）]\\s*$");

	private final boolean english;

	private ReportText(boolean english) {
		this.english = english;
	}

	static ReportText of(Locale locale) {
		return new ReportText(locale != null && "en".equals(locale.getLanguage()));
	}

	boolean english() {
		return english;
	}

	String status(Status status) {
		return switch (status) {
			case ACHIEVED -> english ? "Achieved" : "达标";
			case ON_TRACK -> english ? "On track" : "按进度";
			case AT_RISK -> english ? "At risk" : "有风险";
			case OFF_TRACK -> english ? "Off track" : "滞后";
			case NO_DATA -> english ? "No data" : "无数据";
		};
	}

	/** {@code binding}, {@code expected}, anything else (not_stated, none) as not stated. */
	String attribute(String attribute) {
		if ("binding".equals(attribute)) {
			return english ? "Binding" : "约束性";
		}
		if ("expected".equals(attribute)) {
			return english ? "Expected" : "预期性";
		}
		return english ? "Not stated" : "未标明";
	}

	String source(String key) {
		return switch (key) {
			case "registry" -> english ? "Registry" : "登记系统";
			case "records" -> english ? "Records" : "业务记录";
			case "entry" -> english ? "Data entry" : "填报";
			case "plan" -> english ? "Plan text" : "规划文本";
			case "demo" -> english ? "Demo data" : "演示数据";
			case "none" -> "—";
			default -> key;
		};
	}

	/** A row's sources as joined by {@code RowResult.source()}: "registry/demo". */
	String sources(String joined) {
		return Arrays.stream(joined.split("/")).map(this::source).collect(Collectors.joining("/"));
	}

	String kind(ReportKind kind) {
		return switch (kind) {
			case MID_TERM -> english ? "Mid-term review" : "中期评估";
			case FINAL -> english ? "Final review" : "终期评估";
			case ANNUAL -> english ? "Annual monitoring" : "年度监测";
		};
	}

	String planName(Plan plan) {
		return english && present(plan.nameEn()) ? plan.nameEn() : plan.name();
	}

	String rowName(PlanRow row) {
		return english && present(row.nameEn()) ? row.nameEn() : row.name();
	}

	String category(PlanRow row) {
		String category = english && present(row.categoryEn()) ? row.categoryEn() : row.category();
		return category == null ? "" : category;
	}

	/** The category without the printed count: "健康水平 (4项)" → "健康水平". */
	String categoryShort(PlanRow row) {
		return COUNT_SUFFIX.matcher(category(row)).replaceAll("");
	}

	/** The category as a heading: without the count, and "其他指标" for rows without one. */
	String categoryHeading(PlanRow row) {
		String category = categoryShort(row);
		return category.isEmpty() ? (english ? "Other indicators" : "其他指标") : category;
	}

	String rowNo(PlanRow row) {
		return present(row.no()) ? row.no() : String.valueOf(row.position());
	}

	String date(LocalDate date) {
		return english ? date.toString() : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	String year(int year) {
		return english ? String.valueOf(year) : year + "年";
	}

	/** The main table's columns, as in the XLSX report; the Word table uses the first ten. */
	List<String> columns() {
		return english
				? List.of("No.", "Area", "Indicator", "Unit", "Attribute", "Baseline", "Target", "Actual", "Source",
						"Status", "Path value", "Projected", "Notes")
				: List.of("序号", "领域", "指标", "单位", "指标性质", "基期值", "目标值", "实际值", "数据来源", "评估结论", "进度路径值",
						"趋势预测值", "说明");
	}

	String reason(String reason) {
		if (english) {
			return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
		}
		Matcher m = NO_VALUE.matcher(reason);
		if (m.matches()) {
			return m.group(1) + "年无数值";
		}
		return REASONS_ZH.getOrDefault(reason, reason);
	}

	/** The evaluator's notes (checks of a printed baseline against the data). */
	String note(String note) {
		if (english) {
			return note;
		}
		Matcher m = AGREES.matcher(note);
		if (m.matches()) {
			return m.group(1) + "年由" + source(m.group(2)) + "计算的数值（" + m.group(3) + "）与规划所列基期值 " + m.group(4) + " 一致";
		}
		m = MISMATCH.matcher(note);
		if (m.matches()) {
			return "不一致：" + m.group(1) + "年由" + source(m.group(2)) + "计算的数值为 " + m.group(3) + "，规划所列基期值为 "
					+ m.group(4);
		}
		return note;
	}

	static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
