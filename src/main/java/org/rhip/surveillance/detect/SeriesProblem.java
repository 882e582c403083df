package org.rhip.surveillance.detect;

/** A series that breaks a rule; {@link #point()} is the 1-based point (0 when not one point). */
public final class SeriesProblem extends RuntimeException {

	private final int point;

	public SeriesProblem(int point, String message) {
		super(message);
		this.point = point;
	}

	public int point() {
		return point;
	}

}
