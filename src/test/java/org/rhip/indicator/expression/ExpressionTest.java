package org.rhip.indicator.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

	private static final Function<String, Optional<BigDecimal>> VALUES = code -> Optional
		.ofNullable(Map.of("BEDS", new BigDecimal("5268"), "POP", new BigDecimal("373686"), "ZERO", BigDecimal.ZERO,
				"A", new BigDecimal("2"), "B", new BigDecimal("3")).get(code));

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = ';', value = { "1 + 2 * 3; 7", "(1 + 2) * 3; 9", "#{A} * #{B} - 1; 5", "-#{A} + 10; 8",
			"#{B} / #{A}; 1.5", "2 × 3 ÷ 4; 1.5", "（1 + 1）× 2; 4", "10 − 4 − 3; 3", "8 / 4 / 2; 1", "0.5 * #{A}; 1.0" })
	void evaluatesWithPrecedenceAndLeftAssociativity(String text, String expected) {
		assertThat(Expression.parse(text).evaluate(VALUES)).hasValueSatisfying(
				value -> assertThat(value).isEqualByComparingTo(expected));
	}

	@Test
	void bedsPerThousandOfWujiangIsFourteenPointOne() {
		// 5,268 beds / 373,686 residents × 1000 = 14.097 (Wujiang plan, 2020)
		BigDecimal perThousand = Expression.parse("#{BEDS} * 1000 / #{POP}").evaluate(VALUES).orElseThrow();
		assertThat(perThousand).isBetween(new BigDecimal("14.097"), new BigDecimal("14.098"));
	}

	@Test
	void hasNoValueWhenADataElementIsMissing() {
		assertThat(Expression.parse("#{BEDS} + #{MISSING}").evaluate(VALUES)).isEmpty();
	}

	@Test
	void hasNoValueWhenDividingByZero() {
		assertThat(Expression.parse("#{BEDS} / #{ZERO}").evaluate(VALUES)).isEmpty();
	}

	@Test
	void listsTheDataElementsItUses() {
		assertThat(Expression.parse("(#{BEDS} + #{A}) / #{POP} * #{BEDS}").references()).containsExactly("BEDS", "A", "POP");
	}

	@ParameterizedTest(name = "\"{0}\" is rejected at character {1}")
	@CsvSource(delimiter = ';', value = { "#{BEDS} +; 10", "(1 + 2; 7", "#{beds}; 1", "#{BEDS; 1", "1 + * 2; 5", "; 1",
			"1 2; 3", "#{BEDS} % 2; 9", "1..2; 1" })
	void rejectsMalformedExpressionsSayingWhere(String text, int column) {
		assertThatThrownBy(() -> Expression.parse(text == null ? "" : text)).isInstanceOf(ExpressionProblem.class)
			.satisfies(ex -> assertThat(((ExpressionProblem) ex).column()).isEqualTo(column))
			.hasMessageContaining("malformed expression");
	}

}
