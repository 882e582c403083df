package org.rhip.indicator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rhip.indicator.Direction;
import org.rhip.platform.yaml.YamlNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class PrintedTextTest {

	private static final TargetRule.Context HIGHER = new TargetRule.Context(2020, Optional.of(new BigDecimal("1.15")),
			Direction.HIGHER);

	private static final TargetRule.Context LOWER = new TargetRule.Context(2020, Optional.of(new BigDecimal("48.94")),
			Direction.LOWER);

	/** Every target printed in the six plan files, with the rule it must give. */
	@ParameterizedTest(name = "{0}: \"{1}\"")
	@MethodSource("everyTargetOfEveryPlan")
	void everyPrintedTargetHasARule(String where, String target, String reading, Direction direction) {
		TargetRule rule = PrintedText.rule(target, reading, direction, 2020);
		assertThat(rule).isNotNull();
		if (!PrintedText.isEmpty(target)) {
			assertThat(rule).isNotInstanceOf(TargetRule.None.class);
		}
	}

	static Stream<Arguments> everyTargetOfEveryPlan() throws IOException {
		List<Arguments> targets = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:plans/*.yaml")) {
			try (InputStream in = resource.getInputStream()) {
				YamlNode plan = YamlNode.parse(resource.getFilename(), in);
				for (YamlNode row : plan.list("rows")) {
					Direction direction = row.optionalString("direction").map(Direction::of).orElse(Direction.HIGHER);
					targets.add(Arguments.of(resource.getFilename() + ":" + row.line(),
							row.optionalString("target").orElse(null), row.optionalString("reading").orElse(null), direction));
				}
			}
		}
		assertThat(targets).hasSize(16 + 20 + 14 + 15 + 24 + 26);
		return targets.stream();
	}

	@ParameterizedTest(name = "\"{0}\" ({1} is better) → {2} {3}")
	@CsvSource(delimiter = ';', value = { "＞83; HIGHER; >; 83", "≤12; LOWER; ≤; 12", "≥35; HIGHER; ≥; 35",
			"<3.03; LOWER; <; 3.03", "＜8; LOWER; <; 8", ">95%; HIGHER; >; 95", "=0; LOWER; =; 0", "6.30; HIGHER; ≥; 6.30",
			"3; LOWER; ≤; 3", "85%; HIGHER; ≥; 85", "120.16万; LOWER; ≤; 1201600", "≥ 4.79; HIGHER; ≥; 4.79",
			"100; HIGHER; ≥; 100" })
	void comparisonsAndBareNumbers(String printed, Direction direction, String operator, String value) {
		assertThat(PrintedText.rule(printed, null, direction, 2020)).isEqualTo(
				new TargetRule.Compare(operator, new BigDecimal(value)));
	}

	@Test
	void aboutIsWithinFivePercent() {
		TargetRule rule = PrintedText.rule("25左右", null, Direction.LOWER, 2020);
		assertThat(rule).isInstanceOf(TargetRule.About.class);
		assertThat(rule.isMet(new BigDecimal("26.2"), Optional.empty(), LOWER, 2025)).isTrue();
		assertThat(rule.isMet(new BigDecimal("23.75"), Optional.empty(), LOWER, 2025)).isTrue();
		assertThat(rule.isMet(new BigDecimal("26.3"), Optional.empty(), LOWER, 2025)).isFalse();
	}

	@Test
	void increaseByThirtyPercentOverTheBaseline() {
		TargetRule rule = PrintedText.rule("增长30%", null, Direction.HIGHER, 2020);
		// Wujiang public-health staff: 1.15 per 1,000 in 2020 → at least 1.495 in 2025
		assertThat(rule.threshold(HIGHER, 2025)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1.495"));
		assertThat(rule.isMet(new BigDecimal("1.50"), Optional.empty(), HIGHER, 2025)).isTrue();
		assertThat(rule.isMet(new BigDecimal("1.49"), Optional.empty(), HIGHER, 2025)).isFalse();
	}

	@Test
	void cutByFivePercentAgainstANamedBaseYear() {
		TargetRule rule = PrintedText.rule("比2015年降低5%", null, Direction.LOWER, 2015);
		TargetRule.Context base = new TargetRule.Context(2015, Optional.of(new BigDecimal("10")), Direction.LOWER);
		assertThat(rule.threshold(base, 2020)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("9.5"));
		TargetRule.Context noBase = new TargetRule.Context(2015, Optional.empty(), Direction.LOWER);
		assertThat(rule.threshold(noBase, 2020)).isEmpty();
	}

	@Test
	void cutByHalfAPointEveryYear() {
		TargetRule rule = PrintedText.rule("力争每年降低0.5个百分点以上", null, Direction.LOWER, 2020);
		// Wujiang myopia 48.94% in 2020 → at most 47.94 in 2022, 46.44 in 2025
		assertThat(rule.threshold(LOWER, 2022)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("47.94"));
		assertThat(rule.threshold(LOWER, 2025)).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("46.44"));
		assertThat(rule.isMet(new BigDecimal("47.9"), Optional.empty(), LOWER, 2022)).isTrue();
		assertThat(rule.isMet(new BigDecimal("48.0"), Optional.empty(), LOWER, 2022)).isFalse();
	}

	@ParameterizedTest(name = "\"{0}\" is a trend {1}")
	@CsvSource(delimiter = ';', value = { "持续提升; RISE", "持续下降; FALL", "持续巩固; HOLD" })
	void trends(String printed, TargetRule.Trend.Kind kind) {
		assertThat(PrintedText.rule(printed, null, Direction.HIGHER, 2020)).isEqualTo(new TargetRule.Trend(kind));
	}

	@Test
	void aMangledRatioIsReadThroughItsReading() {
		// Dongli's 医护比 printed "01:00.9", read as 1:0.9 nurses per physician
		assertThat(PrintedText.rule("01:00.9", "1:0.9", Direction.HIGHER, 2020))
			.isEqualTo(new TargetRule.Compare("≥", new BigDecimal("0.9")));
		assertThat(PrintedText.values("01:00.7", "1:0.7")).containsExactly(new BigDecimal("0.7"));
	}

	@ParameterizedTest(name = "no target in \"{0}\"")
	@CsvSource(nullValues = "NULL", value = { "NULL", "/", "—", "''" })
	void noValueMeansNoTarget(String printed) {
		assertThat(PrintedText.rule(printed, null, Direction.HIGHER, 2020)).isEqualTo(new TargetRule.None());
	}

	@Test
	void printedValuesAreReadAsNumbers() {
		assertThat(PrintedText.values("≥70", null)).containsExactly(new BigDecimal("70"));
		assertThat(PrintedText.values("78.5/80.7", null)).containsExactly(new BigDecimal("78.5"), new BigDecimal("80.7"));
		assertThat(PrintedText.values("117.67万", null)).containsExactly(new BigDecimal("1176700"));
		assertThat(PrintedText.values(">95%", null)).containsExactly(new BigDecimal("95"));
		assertThat(PrintedText.values("/", null)).isEmpty();
		assertThat(PrintedText.decimals("14.1")).isEqualTo(1);
		assertThat(PrintedText.decimals("4.62")).isEqualTo(2);
	}

	@ParameterizedTest(name = "\"{0}\" cannot be read")
	@CsvSource({ "about 80", "≥≥3", "大幅提升", "80-90", "increase" })
	void unreadableTargetsAreRejected(String printed) {
		assertThatThrownBy(() -> PrintedText.rule(printed, null, Direction.HIGHER, 2020)).isInstanceOf(TargetProblem.class)
			.hasMessageContaining(printed);
	}

}
