package org.rhip.indicator.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rhip.indicator.Direction;

/**
 * Reads the texts printed in plan tables: targets into {@link TargetRule}s and baselines or actuals
 * into numbers. Full-width symbols, {@code %}, {@code 万} and ratios are understood; anything else is
 * a {@link TargetProblem}.
 */
public final class PrintedText {

	private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(万)?");

	private static final Pattern COMPARE = Pattern.compile("(≥|>|≤|<|=)?" + NUMBER.pattern());

	private static final Pattern ABOUT = Pattern.compile(NUMBER.pattern() + "左右");

	private static final Pattern RELATIVE = Pattern.compile("(?:比(\\d{4})年)?(增长|提高|增加|降低|下降|减少)(\\d+(?:\\.\\d+)?)%?(?:以上)?");

	private static final Pattern ANNUAL = Pattern.compile("(?:力争)?每年(降低|下降|减少|提高|提升|增长)(\\d+(?:\\.\\d+)?)个百分点(?:以上)?");

	private static final Pattern RATIO = Pattern.compile("1:(\\d+(?:\\.\\d+)?)");

	private static final BigDecimal ABOUT_TOLERANCE_PERCENT = BigDecimal.valueOf(5);

	private PrintedText() {
	}

	/** True for a cell that holds no value: null, blank, "/", "—", "-". */
	public static boolean isEmpty(String text) {
		if (text == null) {
			return true;
		}
		String t = text.strip();
		return t.isEmpty() || t.equals("/") || t.equals("—") || t.equals("-") || t.equals("–") || t.equals("——");
	}

	/**
	 * The rule of a printed target. {@code reading} replaces the printed text when the plan prints it
	 * oddly (Dongli's "01:00.9" read as "1:0.9").
	 */
	public static TargetRule rule(String printed, String reading, Direction direction, int baselineYear) {
		String source = reading != null ? reading : printed;
		if (isEmpty(source)) {
			return new TargetRule.None();
		}
		String t = normalise(source);
		switch (t) {
			case "持续提升", "持续提高", "持续上升", "持续增长" -> {
				return new TargetRule.Trend(TargetRule.Trend.Kind.RISE);
			}
			case "持续下降", "持续降低" -> {
				return new TargetRule.Trend(TargetRule.Trend.Kind.FALL);
			}
			case "持续巩固", "保持", "持续保持" -> {
				return new TargetRule.Trend(TargetRule.Trend.Kind.HOLD);
			}
			default -> {
			}
		}
		Matcher m;
		if ((m = ANNUAL.matcher(t)).matches()) {
			BigDecimal points = new BigDecimal(m.group(2));
			return new TargetRule.AnnualChange(isDecrease(m.group(1)) ? points.negate() : points);
		}
		if ((m = RELATIVE.matcher(t)).matches()) {
			BigDecimal percent = new BigDecimal(m.group(3));
			int baseYear = m.group(1) == null ? baselineYear : Integer.parseInt(m.group(1));
			return new TargetRule.RelativeChange(isDecrease(m.group(2)) ? percent.negate() : percent, baseYear);
		}
		if ((m = ABOUT.matcher(t)).matches()) {
			return new TargetRule.About(number(m.group(1), m.group(2)), ABOUT_TOLERANCE_PERCENT);
		}
		if ((m = RATIO.matcher(t)).matches()) {
			return bare(new BigDecimal(m.group(1)), direction);
		}
		if ((m = COMPARE.matcher(t)).matches()) {
			BigDecimal value = number(m.group(2), m.group(3));
			return m.group(1) == null ? bare(value, direction) : new TargetRule.Compare(m.group(1), value);
		}
		throw new TargetProblem("no rule reads the target '" + printed + "'"
				+ (reading != null ? " (read as '" + reading + "')" : ""));
	}

	/**
	 * The numbers of a printed baseline or actual: one for "82.7", "≥70", ">95%", "117.67万"; two for a
	 * compound cell "78.5/80.7"; none for an empty cell.
	 */
	public static List<BigDecimal> values(String printed, String reading) {
		String source = reading != null ? reading : printed;
		if (isEmpty(source)) {
			return List.of();
		}
		List<BigDecimal> values = new ArrayList<>();
		for (String part : normalise(source).split("/")) {
			Matcher ratio = RATIO.matcher(part);
			Matcher m = COMPARE.matcher(part);
			if (ratio.matches()) {
				values.add(new BigDecimal(ratio.group(1)));
			}
			else if (m.matches()) {
				values.add(number(m.group(2), m.group(3)));
			}
			else {
				throw new TargetProblem("'" + printed + "' is not a value"
						+ (reading != null ? " (read as '" + reading + "')" : ""));
			}
		}
		return values;
	}

	/** The first number of a printed value, if any. */
	public static Optional<BigDecimal> value(String printed, String reading) {
		return values(printed, reading).stream().findFirst();
	}

	/** Decimal places printed, for comparing a computed value "to the printed precision". */
	public static int decimals(String printed) {
		Matcher m = Pattern.compile("\\d+(?:\\.(\\d+))?").matcher(printed == null ? "" : printed);
		return m.find() && m.group(1) != null ? m.group(1).length() : 0;
	}

	private static TargetRule bare(BigDecimal value, Direction direction) {
		return new TargetRule.Compare(direction == Direction.HIGHER ? "≥" : "≤", value);
	}

	private static boolean isDecrease(String verb) {
		return verb.equals("降低") || verb.equals("下降") || verb.equals("减少");
	}

	private static BigDecimal number(String digits, String wan) {
		BigDecimal value = new BigDecimal(digits);
		if (wan == null) {
			return value;
		}
		BigDecimal scaled = value.multiply(BigDecimal.valueOf(10_000)).stripTrailingZeros();
		return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
	}

	static String normalise(String text) {
		return text.strip()
			.replace('＞', '>')
			.replace('＜', '<')
			.replace('≧', '≥')
			.replace('≦', '≤')
			.replace(">=", "≥")
			.replace("<=", "≤")
			.replace('＝', '=')
			.replace('％', '%')
			.replace('：', ':')
			.replace(" ", "")
			.replaceAll("(?<=\\d)%$", "")
			.replaceAll("(?<=\\d)%(?=/)", "")
			.replaceAll("^([≥><≤=]?\\d+(?:\\.\\d+)?)(个|张|人|岁)$", "$1");
	}

}
