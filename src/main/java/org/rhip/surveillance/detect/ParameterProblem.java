package org.rhip.surveillance.detect;

/** A detector parameter with a value the method cannot use, or a name it does not know. */
public final class ParameterProblem extends RuntimeException {

	private final String parameter;

	public ParameterProblem(String parameter, String message) {
		super("parameter " + parameter + " " + message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}

}
