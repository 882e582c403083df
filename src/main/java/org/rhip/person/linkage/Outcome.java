package org.rhip.person.linkage;

/** What to do with an incoming record. */
public enum Outcome {

	/** Same person as the best candidate: link automatically. */
	LINK,

	/** Possibly the best candidate: put the pair on the human review queue. */
	REVIEW,

	/** No candidate is likely: a new person. */
	NEW

}
