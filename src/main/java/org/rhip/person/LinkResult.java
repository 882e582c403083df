package org.rhip.person;

/** The person a source record was linked to, how, and with what score (probabilistic outcomes only). */
public record LinkResult(long personId, long sourceRecordId, LinkOutcome outcome, Double score) {

	public boolean created() {
		return outcome == LinkOutcome.NEW || outcome == LinkOutcome.REVIEW;
	}

}
