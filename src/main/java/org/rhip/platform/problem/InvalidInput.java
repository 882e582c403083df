package org.rhip.platform.problem;

/** Input that is rejected; {@link #field()} names the offending field (HTTP 400). */
public class InvalidInput extends RuntimeException {

	private final String code;

	private final String field;

	public InvalidInput(String code, String field, String message) {
		super(message);
		this.code = code;
		this.field = field;
	}

	public String code() {
		return code;
	}

	public String field() {
		return field;
	}

}
