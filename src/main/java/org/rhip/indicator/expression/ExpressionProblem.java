package org.rhip.indicator.expression;

/** A malformed expression; says at which character and why. */
public class ExpressionProblem extends RuntimeException {

	private final int column;

	public ExpressionProblem(String expression, int column, String reason) {
		super("malformed expression \"" + expression + "\" at character " + column + ": " + reason);
		this.column = column;
	}

	public int column() {
		return column;
	}

}
