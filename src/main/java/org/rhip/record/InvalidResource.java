package org.rhip.record;

import org.rhip.platform.problem.InvalidInput;

/**
 * A resource that is refused; {@link #field()} is the FHIR element path (e.g. {@code Observation.subject},
 * {@code Patient.identifier[0].value}). {@link #status()}: 400 for malformed JSON and elements R4 does
 * not have; 422 for a resource that parses but breaks a rule (a future date, a wrong check digit, an
 * unknown code system, a reference to nothing); 412 for a conditional create that matches several.
 */
public class InvalidResource extends InvalidInput {

	private final int status;

	public InvalidResource(String code, String path, String message, int status) {
		super(code, path, message);
		this.status = status;
	}

	/** A rule violation (422), not a syntax error. */
	public static InvalidResource rule(String code, String path, String message) {
		return new InvalidResource(code, path, message, 422);
	}

	/** A structural error: not JSON, not R4 (400). */
	public static InvalidResource syntax(String code, String path, String message) {
		return new InvalidResource(code, path, message, 400);
	}

	/** The HTTP status this refusal deserves: 400, 412 or 422. */
	public int status() {
		return status;
	}

	/** The same problem at another path, e.g. inside a Bundle entry. */
	public InvalidResource at(String path) {
		return new InvalidResource(code(), path, getMessage(), status);
	}

}
