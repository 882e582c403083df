package org.rhip.indicator;

/** Which way an indicator counts as better. */
public enum Direction {

	HIGHER, LOWER;

	public static Direction of(String text) {
		return switch (text) {
			case "higher" -> HIGHER;
			case "lower" -> LOWER;
			default -> throw new IllegalArgumentException("direction must be higher or lower, not '" + text + "'");
		};
	}

	public String key() {
		return name().toLowerCase();
	}

}
