package org.rhip.indicator.expression;

import java.math.BigDecimal;

/**
 * Recursive-descent parser of the expression grammar:
 *
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = factor { ("*" | "/") factor }
 * factor     = number | "#{" CODE "}" | "(" expression ")" | "-" factor
 * CODE       = [A-Z][A-Z0-9_]*
 * </pre>
 *
 * {@code × ÷ −} and full-width parentheses are accepted as their ASCII forms.
 */
final class ExpressionParser {

	private final String text;

	private int pos;

	ExpressionParser(String text) {
		this.text = normalise(text == null ? "" : text);
	}

	private static String normalise(String text) {
		return text.replace('×', '*').replace('÷', '/').replace('−', '-').replace('（', '(').replace('）', ')');
	}

	Expression parse() {
		skipSpace();
		if (pos == text.length()) {
			throw error("the expression is empty");
		}
		Expression expression = expression();
		skipSpace();
		if (pos < text.length()) {
			throw error("unexpected '" + text.charAt(pos) + "'");
		}
		return expression;
	}

	private Expression expression() {
		Expression left = term();
		while (true) {
			skipSpace();
			if (peek('+') || peek('-')) {
				char op = text.charAt(pos++);
				left = new Expression.Binary(op, left, term());
			}
			else {
				return left;
			}
		}
	}

	private Expression term() {
		Expression left = factor();
		while (true) {
			skipSpace();
			if (peek('*') || peek('/')) {
				char op = text.charAt(pos++);
				left = new Expression.Binary(op, left, factor());
			}
			else {
				return left;
			}
		}
	}

	private Expression factor() {
		skipSpace();
		if (pos >= text.length()) {
			throw error("the expression ends where a number, #{CODE} or '(' was expected");
		}
		char c = text.charAt(pos);
		if (c == '-') {
			pos++;
			return new Expression.Negate(factor());
		}
		if (c == '(') {
			pos++;
			Expression inner = expression();
			skipSpace();
			if (!peek(')')) {
				throw error("missing ')'");
			}
			pos++;
			return inner;
		}
		if (c == '#') {
			return element();
		}
		if (Character.isDigit(c) || c == '.') {
			return number();
		}
		throw error("unexpected '" + c + "'");
	}

	private Expression element() {
		int start = pos;
		if (!text.startsWith("#{", pos)) {
			throw error("a data element is written #{CODE}");
		}
		int close = text.indexOf('}', pos);
		if (close < 0) {
			throw error("missing '}' after '#{'");
		}
		String code = text.substring(pos + 2, close).strip();
		if (!code.matches("[A-Z][A-Z0-9_]*")) {
			pos = start;
			throw error("'" + code + "' is not a data element code (capital letters, digits, '_')");
		}
		pos = close + 1;
		return new Expression.Element(code);
	}

	private Expression number() {
		int start = pos;
		while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
			pos++;
		}
		try {
			return new Expression.Number(new BigDecimal(text.substring(start, pos)));
		}
		catch (NumberFormatException ex) {
			pos = start;
			throw error("'" + text.substring(start, Math.min(text.length(), start + 12)) + "' is not a number");
		}
	}

	private boolean peek(char c) {
		return pos < text.length() && text.charAt(pos) == c;
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private ExpressionProblem error(String message) {
		return new ExpressionProblem(text, pos + 1, message);
	}

}
