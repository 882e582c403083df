package org.rhip.platform.problem;

/** Something named in a request does not exist (HTTP 404, exit code 2). */
public class NotFound extends RuntimeException {

	private final String code;

	public NotFound(String code, String message) {
		super(message);
		this.code = code;
	}

	/** A stable error code, e.g. {@code plan.not-found}. */
	public String code() {
		return code;
	}

}
