package org.rhip.platform.yaml;

/** A data file that cannot be loaded; the message starts with {@code file:line:}. */
public class YamlProblem extends RuntimeException {

	public YamlProblem(String message) {
		super(message);
	}

}
