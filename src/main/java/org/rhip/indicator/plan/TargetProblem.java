package org.rhip.indicator.plan;

/** A printed target or value that no rule can read. */
public class TargetProblem extends RuntimeException {

	public TargetProblem(String message) {
		super(message);
	}

}
