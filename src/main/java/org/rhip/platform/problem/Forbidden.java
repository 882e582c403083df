package org.rhip.platform.problem;

/** The caller may not do this, e.g. enter data outside their org-unit scope (HTTP 403). */
public class Forbidden extends RuntimeException {

	private final String field;

	public Forbidden(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
