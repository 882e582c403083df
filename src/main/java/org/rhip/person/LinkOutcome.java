package org.rhip.person;

/** How a source record found its person. */
public enum LinkOutcome {

	/** The same source record was seen before: nothing new. */
	SAME_SOURCE,
	/** Another source identifier of the record is known already. */
	SOURCE,
	/** Same resident ID number (deterministic). */
	ID_NUMBER,
	/** Same passport or permit number. */
	DOCUMENT,
	/** Probabilistic match above the link threshold. */
	PROBABILISTIC,
	/** A possible match: filed under a new person and queued for review. */
	REVIEW,
	/** No one like it: a new person. */
	NEW;

	public String key() {
		return name().toLowerCase();
	}

}
