package org.rhip.person.linkage;

import java.util.List;
import java.util.Optional;

/**
 * The decision for one incoming record: the outcome, why, the best candidate (none when there were
 * no candidates) with its score and the weight of each field for a reviewer, and the runner-up's
 * score (negative infinity when there is none).
 */
public record LinkageDecision<K>(Outcome outcome, Reason reason, Optional<K> candidate, double score,
		List<FieldWeight> weights, double runnerUpScore) {

	/** Why the outcome is what it is. */
	public enum Reason {

		/** The best candidate scores at least the link threshold and nothing speaks against it. */
		ABOVE_LINK_THRESHOLD,

		/** The best candidate scores between the thresholds. */
		IN_REVIEW_BAND,

		/**
		 * The score would link, but the names disagree or one is missing: twins and household members
		 * share birth date, address and phone, so only a person decides.
		 */
		NAMES_DISAGREE,

		/** The score would link, but only name and sex agree: too thin to link without a person. */
		NOT_CORROBORATED,

		/** Another person's record would also link on its own. */
		AMBIGUOUS,

		/** The best candidate scores below the review threshold. */
		BELOW_REVIEW_THRESHOLD,

		/** No candidates were given. */
		NO_CANDIDATES

	}

	public LinkageDecision {
		weights = List.copyOf(weights);
	}

}
