package org.rhip.interop.bulk;

/** A value of a CSV row that cannot be used: the column (as headed in the file) and why, never the value. */
final class RowProblem extends RuntimeException {

	private final String column;

	RowProblem(String column, String reason) {
		super(reason, null, false, false);
		this.column = column;
	}

	String column() {
		return column;
	}

}
