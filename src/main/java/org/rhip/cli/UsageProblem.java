package org.rhip.cli;

/** A command was called with a value it cannot use (exit code 2). */
final class UsageProblem extends RuntimeException {

	UsageProblem(String message) {
		super(message);
	}

}
