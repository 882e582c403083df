package org.rhip.indicator;

/** Where an indicator stands against its plan target in a year. */
public enum Status {

	/** The target is met (final year), or already met before it. */
	ACHIEVED,
	/** On or ahead of the straight path from baseline to target. */
	ON_TRACK,
	/** Behind the path, but the trend of the years so far reaches the target. */
	AT_RISK,
	/** Behind the path and the trend misses the target; in the target year, the target is missed. */
	OFF_TRACK,
	/** No value for the year, or no target to judge it against. */
	NO_DATA;

	public String key() {
		return name().toLowerCase();
	}

	/** Higher is worse: the status of a compound row is that of its worst part. */
	public int severity() {
		return switch (this) {
			case OFF_TRACK -> 4;
			case AT_RISK -> 3;
			case NO_DATA -> 2;
			case ON_TRACK -> 1;
			case ACHIEVED -> 0;
		};
	}

}
