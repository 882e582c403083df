package org.rhip.indicator.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An indicator expression over data elements: {@code #{CODE}}, numbers, {@code + - * /} (also
 * {@code × ÷ −}) and parentheses. Parsed once, by {@link ExpressionParser}, when a catalogue is loaded.
 *
 * <p>Missing values: if any data element the expression uses has no value, the expression has no
 * value (DHIS2's "skip if any value is missing"); so has a division by zero.
 */
public sealed interface Expression {

	MathContext MATH = MathContext.DECIMAL64;

	Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> values);

	/** The data element codes used, in order of first appearance. */
	default Set<String> references() {
		Set<String> codes = new LinkedHashSet<>();
		collect(codes);
		return codes;
	}

	void collect(Set<String> codes);

	static Expression parse(String text) {
		return new ExpressionParser(text).parse();
	}

	record Number(BigDecimal value) implements Expression {
		@Override
		public Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> values) {
			return Optional.of(value);
		}

		@Override
		public void collect(Set<String> codes) {
		}
	}

	record Element(String code) implements Expression {
		@Override
		public Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> values) {
			return values.apply(code);
		}

		@Override
		public void collect(Set<String> codes) {
			codes.add(code);
		}
	}

	record Negate(Expression operand) implements Expression {
		@Override
		public Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> values) {
			return operand.evaluate(values).map(BigDecimal::negate);
		}

		@Override
		public void collect(Set<String> codes) {
			operand.collect(codes);
		}
	}

	record Binary(char operator, Expression left, Expression right) implements Expression {
		@Override
		public Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> values) {
			Optional<BigDecimal> l = left.evaluate(values);
			Optional<BigDecimal> r = right.evaluate(values);
			if (l.isEmpty() || r.isEmpty()) {
				return Optional.empty();
			}
			BigDecimal a = l.get();
			BigDecimal b = r.get();
			return switch (operator) {
				case '+' -> Optional.of(a.add(b, MATH));
				case '-' -> Optional.of(a.subtract(b, MATH));
				case '*' -> Optional.of(a.multiply(b, MATH));
				case '/' -> b.signum() == 0 ? Optional.empty() : Optional.of(a.divide(b, MATH));
				default -> throw new IllegalStateException("operator " + operator);
			};
		}

		@Override
		public void collect(Set<String> codes) {
			left.collect(codes);
			right.collect(codes);
		}
	}

}
