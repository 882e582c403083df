package org.rhip.indicator.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rhip.indicator.Direction;
import org.rhip.indicator.Status;
import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.Judgement;
import org.rhip.indicator.evaluation.Observation;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.indicator.plan.PrintedText;
import org.rhip.indicator.plan.TargetRule;

/**
 * Sentences written from the numbers of an evaluation: a summary of the counts, and for each row what
 * its value is, how it moved from the baseline, where the straight path to the target stands, where
 * the trend leads and what that means. Uses only the judgement's figures, so the text always agrees
 * with the table.
 */
final class Commentary {

	private static final Pattern TRAILING_PARENTHESES = Pattern.compile("\\s*[（(]([^（()）]*)[)）]\\s*$");

	private static final Set<String> UNITS = Set.of("%", "％", "‰", "岁", "张", "人", "个", "天", "/10万", "1/10万");

	private final PlanEvaluation evaluation;

	private final Plan plan;

	private final int year;

	private final ReportText text;

	private final boolean english;

	Commentary(PlanEvaluation evaluation, ReportText text) {
		this.evaluation = evaluation;
		this.plan = evaluation.plan();
		this.year = evaluation.year();
		this.text = text;
		this.english = text.english();
	}

	// ---------------------------------------------------------------------------------------------
	// the summary
	// ---------------------------------------------------------------------------------------------

	/** The paragraph with the counts: "纳入评估的16项指标中，达标9项、按进度推进4项……". */
	String summary() {
		List<RowResult> rows = evaluation.rows();
		long binding = rows.stream().filter(r -> "binding".equals(r.row().attribute())).count();
		long expected = rows.stream().filter(r -> "expected".equals(r.row().attribute())).count();
		long notStated = rows.size() - binding - expected;
		boolean finalReview = evaluation.finalYear();
		List<String> counts = new ArrayList<>();
		for (Map.Entry<Status, Long> count : evaluation.counts().entrySet()) {
			if (count.getValue() > 0) {
				counts.add(english ? count.getValue() + " " + statusPhrase(count.getKey(), finalReview)
						: statusPhrase(count.getKey(), finalReview) + count.getValue() + "项");
			}
		}
		List<String> flagged = evaluation.flagged().stream().map(r -> shortName(r)).toList();
		long demo = rows.stream().filter(r -> r.indicators().stream()
			.anyMatch(i -> i.actual().map(o -> "demo".equals(o.source())).orElse(false))).count();
		String kind = text.kind(ReportKind.of(plan, year));
		StringBuilder s = new StringBuilder();
		if (english) {
			s.append("The plan ").append(text.planName(plan)).append(" sets ").append(rows.size()).append(" main indicators");
			if (binding + expected == 0) {
				s.append(", none marked binding or expected");
			}
			else {
				List<String> kinds = new ArrayList<>();
				if (binding > 0) {
					kinds.add(binding + " binding");
				}
				if (expected > 0) {
					kinds.add(expected + " expected");
				}
				if (notStated > 0) {
					kinds.add(notStated + " not stated");
				}
				s.append(": ").append(String.join(", ", kinds));
			}
			s.append(". This ").append(kind.toLowerCase()).append(" uses the data of ").append(year).append(". Of the ")
				.append(rows.size()).append(" indicators evaluated, ").append(String.join(", ", counts)).append('.');
			if (binding > 0) {
				s.append(flagged.isEmpty() ? " No binding indicator is off track."
						: " Binding indicators off track, to be looked at first: " + String.join("; ", flagged) + ".");
			}
			if (demo > 0) {
				s.append(demo == rows.size() ? " Note: all values in this report are demo data"
						: demo == 1 ? " Note: the values of 1 indicator are demo data"
								: " Note: the values of " + demo + " indicators are demo data")
					.append(", for demonstrating the system only; they describe nothing real.");
			}
			return s.toString();
		}
		s.append('《').append(plan.name()).append("》确定主要发展指标").append(rows.size()).append("项");
		if (binding + expected == 0) {
			s.append("，未标明约束性或预期性");
		}
		else {
			List<String> kinds = new ArrayList<>();
			if (binding > 0) {
				kinds.add("约束性指标" + binding + "项");
			}
			if (expected > 0) {
				kinds.add("预期性指标" + expected + "项");
			}
			if (notStated > 0) {
				kinds.add("未标明性质" + notStated + "项");
			}
			s.append("，其中").append(String.join("、", kinds));
		}
		s.append("。本次").append(kind).append("以").append(year).append("年数据为准，纳入评估的").append(rows.size())
			.append("项指标中，").append(String.join("、", counts)).append('。');
		if (binding > 0) {
			s.append(flagged.isEmpty() ? "约束性指标均未出现滞后。"
					: "约束性指标中，" + String.join("、", flagged) + (finalReview ? "未达到目标" : "滞后") + "，需重点关注。");
		}
		if (demo > 0) {
			s.append(demo == rows.size() ? "注：本报告所用数值均为演示数据" : "注：其中" + demo + "项指标的数值为演示数据")
				.append("，仅供系统演示，不代表实际情况。");
		}
		return s.toString();
	}

	private String statusPhrase(Status status, boolean finalReview) {
		return switch (status) {
			case ACHIEVED -> english ? "achieved" : "达标";
			case ON_TRACK -> english ? "on track" : "按进度推进";
			case AT_RISK -> english ? "at risk" : "有风险";
			case OFF_TRACK -> english ? (finalReview ? "missed" : "off track") : (finalReview ? "未达标" : "滞后");
			case NO_DATA -> english ? "without data" : "暂无数据";
		};
	}

	/** The notes on method, for the end of the Word report. */
	List<String> method() {
		if (english) {
			return List.of(
					"Status: achieved — the target is met; on track — on or ahead of the straight path from the baseline to the target; at risk — behind the path, but the linear trend of the years so far reaches the target by the target year; off track — behind the path and the trend misses the target (in the final review: the target is missed); no data — no value for the year, or no target that can be checked.",
					"Trend targets (持续下降, 持续提升, 持续巩固) are checked against the year before, and in the final review against the baseline.",
					"The path value is the straight line from the baseline value to the target value; the projected value is the least-squares line through the values since the baseline, carried to the target year.",
					"Values are taken, in this order, from the registry (computed), the service records, data entry, the figures printed in the plan, and last demo data. The report holds aggregate figures only, nothing about any person.");
		}
		return List.of(
				"评估结论：达标指已达到规划目标；按进度指达到或快于由基期值至目标值的直线进度；有风险指落后于直线进度，但按历年数据的线性趋势推算可在目标年达到目标；滞后指落后于直线进度且按趋势推算难以达到目标（终期评估中指未达到目标）；无数据指评估年度无数值，或规划未列可判断的目标。",
				"“持续下降”“持续提升”“持续巩固”等趋势性目标与上一年比较，终期评估与基期比较。",
				"进度路径值按基期值至目标值的直线插值计算；趋势预测值按基期以来各年数值的最小二乘直线推算至目标年。",
				"数值依次取自登记系统计算、业务记录、数据填报、规划文本所列数值，最后为演示数据。本报告仅含汇总数据，不含任何个人信息。");
	}

	// ---------------------------------------------------------------------------------------------
	// one row
	// ---------------------------------------------------------------------------------------------

	/** One or two sentences on a row; one per indicator for a compound row. */
	String row(RowResult row) {
		if (row.indicators().size() == 1) {
			return indicator(row, 0, shortName(row));
		}
		if (row.actualText().isEmpty()) {
			return english ? shortName(row) + ": no data for " + year + "; not evaluated."
					: shortName(row) + year + "年暂无数据，无法评估。";
		}
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < row.indicators().size(); i++) {
			IndicatorResult part = row.indicators().get(i);
			String name = english ? orElse(part.indicator().nameEn(), part.indicator().name()) : part.indicator().name();
			s.append(english && s.length() > 0 ? " " : "").append(indicator(row, i, name));
		}
		return s.toString();
	}

	/** The row's name without a unit printed in it: "孕产妇死亡率(1/10万)" → "孕产妇死亡率". */
	String shortName(RowResult row) {
		String name = text.rowName(row.row());
		Matcher m = TRAILING_PARENTHESES.matcher(name);
		if (m.find()) {
			String inside = m.group(1).strip();
			if (UNITS.contains(inside) || inside.equals(row.row().unit())) {
				return name.substring(0, m.start());
			}
		}
		return name;
	}

	private String indicator(RowResult row, int seq, String name) {
		IndicatorResult result = row.indicators().get(seq);
		Values v = Values.of(row, result, english);
		Optional<BigDecimal> rounded = result.rounded();
		if (rounded.isEmpty()) {
			return noData(name, result, v);
		}
		BigDecimal actual = rounded.get();
		PlanRow planRow = row.row();
		Direction direction = planRow.direction().orElse(result.indicator().direction());
		TargetRule rule = PrintedText.rule(planRow.target(), planRow.reading(), direction, plan.baselineYear());
		Judgement judgement = result.judgement();
		StringBuilder s = new StringBuilder(say(name + year + "年为" + v.of(actual), name + " was " + v.of(actual) + " in " + year));
		if (rule instanceof TargetRule.None) {
			return s.append(say("，规划未列目标值，仅作监测。", "; the plan prints no target, so it is monitored only.")).toString();
		}
		String target = targetText(planRow, seq, rule, judgement, v);
		if (rule instanceof TargetRule.Trend) {
			return trend(s, result, v, actual, target);
		}
		if (judgement.target().isEmpty()) {
			String printed = printedTarget(planRow, seq);
			return s.append(say("，规划目标“" + printed + "”所依据的基数规划未列出，暂无法判断。",
					"; the target \"" + printed + "\" rests on a base value the plan does not print, so it cannot be judged."))
				.toString();
		}
		if (year <= plan.baselineYear()) {
			boolean met = judgement.status() == Status.ACHIEVED;
			return s.append(say("，为规划基期值" + (met ? "，已达到目标" : "，规划目标为") + target + "。",
					", the plan's baseline" + (met ? "; it already meets the target of " : "; the target is ") + target + "."))
				.toString();
		}
		result.baseline().ifPresent(b -> s.append(say("，", ", ")).append(change(actual, b, v, baselineLabel())));
		TargetRule.Context context = new TargetRule.Context(plan.baselineYear(), result.baseline(), direction);
		Direction better = rule.direction(context);
		Optional<String> path = judgement.expected()
			.map(e -> pathClause(e, v, better, rule instanceof TargetRule.AnnualChange));
		Optional<String> projected = judgement.projected().map(v::of);
		String by = String.valueOf(plan.targetYear());
		switch (judgement.status()) {
			case ACHIEVED -> s.append(evaluation.finalYear()
					? say("，达到规划目标" + target + "。", ", meeting the target of " + target + ".")
					: say("，已提前达到规划目标" + target + "。", ", already meeting the target of " + target + "."));
			case ON_TRACK -> {
				path.ifPresent(p -> s.append(say("，" + p + "，达到进度要求", "; " + p + ", and it is on track")));
				if (projected.isEmpty()) {
					s.append(say("。", "."));
				}
				else if (rule.isMet(judgement.projected().get(), Optional.empty(), context, plan.targetYear())) {
					s.append(say("；按近年趋势推算" + by + "年约为" + projected.get() + "，可望达到目标" + target + "。",
							"; on the trend of recent years it would be about " + projected.get() + " in " + by
									+ ", reaching the target of " + target + "."));
				}
				else {
					s.append(say("，但按近年趋势推算" + by + "年约为" + projected.get() + "，尚不能达到目标" + target + "，需保持推进力度。",
							"; but on the trend of recent years it would be about " + projected.get() + " in " + by
									+ ", short of the target of " + target + ", so the pace must be kept up."));
				}
			}
			case AT_RISK -> {
				s.append(behind(path, target, better));
				s.append(projected.isPresent()
						? say("；按近年趋势推算" + by + "年约为" + projected.get() + "，可望达到目标" + target + "，但需加快推进。",
								"; on the trend of recent years it would be about " + projected.get() + " in " + by
										+ ", reaching the target of " + target + ", but progress must speed up.")
						: say("；可比年份较少，尚无法推算趋势，存在不能按期达标的风险。",
								"; too few years to project a trend, so the target may be missed."));
			}
			case OFF_TRACK -> {
				if (evaluation.finalYear()) {
					s.append(missed(result, actual, judgement.target().get(), target, v));
				}
				else {
					s.append(behind(path, target, better));
					s.append(projected.isPresent()
							? say("；按近年趋势推算" + by + "年约为" + projected.get() + "，未能达到目标" + target + "，存在滞后风险。",
									"; on the trend of recent years it would be about " + projected.get() + " in " + by
											+ ", short of the target of " + target + ": off track.")
							: say("，存在滞后风险。", ": off track."));
				}
			}
			case NO_DATA -> s.append(say("，暂无法对照目标进行判断。", "; it cannot be judged against the target."));
		}
		return s.toString();
	}

	/** The final review's verdict on a missed target: by how much, or why when the gap rounds to nothing. */
	private String missed(IndicatorResult result, BigDecimal actual, BigDecimal threshold, String target, Values v) {
		BigDecimal gap = actual.subtract(Figures.round(threshold, v.decimals())).abs();
		if (gap.signum() != 0) {
			return say("，未达到规划目标" + target + "，相差" + v.difference(gap) + "。",
					", missing the target of " + target + " by " + v.difference(gap) + ".");
		}
		if (result.actual().get().value().compareTo(threshold) == 0) {
			return say("，恰为目标界值，未达到规划目标" + target + "。",
					", missing the target of " + target + ": it is on the bound, which the target excludes.");
		}
		return say("，未达到规划目标" + target + "（修约后与目标值相同，按未修约数值判断）。",
				", missing the target of " + target + " (equal to it when rounded; judged on the unrounded value).");
	}

	private String say(String chinese, String inEnglish) {
		return english ? inEnglish : chinese;
	}

	private String behind(Optional<String> path, String target, Direction better) {
		if (path.isPresent()) {
			return english ? "; " + path.get() + ", so it is behind the path"
					: "，" + path.get() + "，" + (better == Direction.LOWER ? "高于" : "低于") + "进度要求";
		}
		return english ? "; it has not yet reached the target of " + target : "，尚未达到目标" + target;
	}

	private String pathClause(BigDecimal expected, Values v, Direction better, boolean annual) {
		if (english) {
			return (annual ? "the yearly steps call for " : "the straight path to the target calls for ") + v.of(expected);
		}
		return (annual ? "按年度进度" : "按直线进度") + (better == Direction.LOWER ? "应降至" : "应达到") + v.of(expected);
	}

	/** A trend target (持续下降): this year against the year before, in the final review against the baseline. */
	private String trend(StringBuilder s, IndicatorResult result, Values v, BigDecimal actual, String printed) {
		Status status = result.judgement().status();
		if (year <= plan.baselineYear()) {
			return s.append(english ? ", the plan's baseline and the starting point for the trend \"" + printed + "\"."
					: "，为规划基期值，作为“" + printed + "”比较的起点。").toString();
		}
		Optional<Map.Entry<Integer, Observation>> previous = before(result.series(), year);
		boolean finalReview = evaluation.finalYear();
		Optional<BigDecimal> base = finalReview ? result.baseline().or(() -> first(result.series()).map(e -> e.getValue().value()))
				: previous.map(e -> e.getValue().value());
		if (status == Status.NO_DATA || base.isEmpty()) {
			return s.append(english ? "; there is no earlier value to compare with, so the trend cannot be judged."
					: "，缺少可比较的早期数据，暂无法判断变化趋势。").toString();
		}
		String label = finalReview
				? (result.baseline().isPresent() ? baselineLabel() : yearLabel(first(result.series()).get().getKey()))
				: yearLabel(previous.get().getKey());
		s.append(english ? ", " : "，").append(change(actual, base.get(), v, label));
		if (english) {
			s.append(switch (status) {
				case ACHIEVED -> ", meeting the target \"" + printed + "\"";
				case ON_TRACK -> ", in line with the target \"" + printed + "\"";
				case AT_RISK -> ", not yet the change the target \"" + printed + "\" asks for";
				default -> ", against the target \"" + printed + "\"";
			});
		}
		else {
			s.append(switch (status) {
				case ACHIEVED -> "，实现“" + printed + "”的目标";
				case ON_TRACK -> "，符合“" + printed + "”的要求";
				case AT_RISK -> "，未体现“" + printed + "”的要求";
				default -> finalReview ? "，未实现“" + printed + "”的目标" : "，与“" + printed + "”的要求不符，需引起重视";
			});
		}
		if (!finalReview && previous.get().getKey() > plan.baselineYear() && result.baseline().isPresent()) {
			s.append(english ? "; " : "；").append(change(actual, result.baseline().get(), v, baselineLabel()));
		}
		return s.append(english ? "." : "。").toString();
	}

	private String noData(String name, IndicatorResult result, Values v) {
		Optional<Map.Entry<Integer, Observation>> latest = before(result.series(), year);
		if (english) {
			return name + ": no data for " + year
					+ latest.map(e -> " (the latest value is " + v.of(Figures.round(e.getValue().value(), v.decimals())) + " in " + e.getKey() + ")")
						.orElse("")
					+ ", not evaluated.";
		}
		return name + year + "年暂无数据"
				+ latest.map(e -> "（最近一次为" + e.getKey() + "年的" + v.of(Figures.round(e.getValue().value(), v.decimals())) + "）")
					.orElse("")
				+ "，无法评估。";
	}

	/** "较基期6.03张提高0.09张", "与2022年持平"; the values compared as printed (rounded). */
	private String change(BigDecimal actual, BigDecimal reference, Values v, String label) {
		BigDecimal rounded = Figures.round(reference, v.decimals());
		int sign = actual.compareTo(rounded);
		if (sign == 0) {
			return english ? "level with " + label + " (" + v.of(rounded) + ")" : "与" + label + "持平";
		}
		BigDecimal delta = actual.subtract(rounded).abs();
		if (english) {
			return (sign > 0 ? "up " : "down ") + v.difference(delta) + " from " + v.of(rounded) + " " + labelEn(label);
		}
		String up = v.direction() == Direction.LOWER ? "上升" : "提高";
		return "较" + label + v.of(rounded) + (sign > 0 ? up : "下降") + v.difference(delta);
	}

	private String baselineLabel() {
		return english ? "the baseline" : "基期";
	}

	private String yearLabel(int y) {
		return english ? String.valueOf(y) : y + "年";
	}

	private static String labelEn(String label) {
		return label.equals("the baseline") ? "at the baseline" : "in " + label;
	}

	/**
	 * The target as the plan prints it, with the unit: "6.30张", "≥85%", "25%左右"; a relative or
	 * yearly target as the value it comes to: "5.17%（力争每年降低0.5个百分点以上）".
	 */
	private String targetText(PlanRow row, int seq, TargetRule rule, Judgement judgement, Values v) {
		String printed = printedTarget(row, seq);
		if ((rule instanceof TargetRule.RelativeChange || rule instanceof TargetRule.AnnualChange)
				&& judgement.target().isPresent() && judgement.status() != Status.NO_DATA) {
			return v.of(Figures.round(judgement.target().get(), v.decimals())) + (english ? " (" + printed + ")" : "（" + printed + "）");
		}
		if (rule instanceof TargetRule.About && printed.endsWith("左右")) {
			return printed.substring(0, printed.length() - 2) + v.unit().suffix() + (english ? " or so" : "左右");
		}
		return !printed.isEmpty() && Character.isDigit(printed.charAt(printed.length() - 1)) ? printed + v.unit().suffix()
				: printed;
	}

	/** The printed target (its reading, when the plan prints it oddly); a compound row's part for its indicator. */
	private static String printedTarget(PlanRow row, int seq) {
		String printed = (row.reading() != null ? row.reading() : row.target() == null ? "" : row.target()).strip();
		String[] parts = printed.split("/");
		if (row.indicators().size() > 1 && parts.length == row.indicators().size()) {
			return parts[seq].strip();
		}
		return printed;
	}

	private static Optional<Map.Entry<Integer, Observation>> before(SortedMap<Integer, Observation> series, int year) {
		SortedMap<Integer, Observation> earlier = series.headMap(year);
		return earlier.isEmpty() ? Optional.empty() : Optional.of(Map.entry(earlier.lastKey(), earlier.get(earlier.lastKey())));
	}

	private static Optional<Map.Entry<Integer, Observation>> first(SortedMap<Integer, Observation> series) {
		return series.isEmpty() ? Optional.empty() : Optional.of(Map.entry(series.firstKey(), series.get(series.firstKey())));
	}

	private static String orElse(String text, String fallback) {
		return ReportText.present(text) ? text : fallback;
	}

	/** How one indicator's figures are printed: its decimals and its row's unit. */
	record Values(int decimals, Figures.Unit unit, Direction direction) {

		static Values of(RowResult row, IndicatorResult result, boolean english) {
			return new Values(result.indicator().decimals(), Figures.Unit.of(row.row().unit(), english),
					row.row().direction().orElse(result.indicator().direction()));
		}

		String of(BigDecimal value) {
			return Figures.format(value, decimals) + unit.suffix();
		}

		String difference(BigDecimal delta) {
			return Figures.format(delta, decimals) + unit.difference();
		}

	}

}
