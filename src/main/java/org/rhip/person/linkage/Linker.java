package org.rhip.person.linkage;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides for an incoming record among the candidates the person index found by its blocking keys:
 * link to the best, send the pair to review, or create a new person. A score at least the link
 * threshold links, unless the names disagree (twins), nothing but name and sex agree, or a second
 * person also reaches it; a score at least the review threshold goes to review; anything lower is
 * a new person. Thread-safe.
 */
public final class Linker {

	private final RecordComparator comparator;

	private final Scorer scorer;

	private final LinkageThresholds thresholds;

	public Linker(FellegiSunter model, LinkageThresholds thresholds) {
		this(model, ValueFrequencies.none(), thresholds);
	}

	/** With the frequencies of the index the candidates come from (the query is not counted in them). */
	public Linker(FellegiSunter model, ValueFrequencies frequencies, LinkageThresholds thresholds) {
		this.comparator = new RecordComparator();
		this.scorer = new Scorer(model, frequencies, comparator);
		this.thresholds = thresholds;
	}

	/** A candidate for {@link #decide}: the record of person {@code id}. */
	public <K> Candidate<K> candidate(K id, PersonFeatures features) {
		return new Candidate<>(id, comparator.prepare(features));
	}

	public PreparedRecord prepare(PersonFeatures features) {
		return comparator.prepare(features);
	}

	public <K> LinkageDecision<K> decide(PersonFeatures query, Collection<Candidate<K>> candidates) {
		return decide(comparator.prepare(query), candidates);
	}

	/** As {@link #decide(PersonFeatures, Collection)}, for a query prepared once (batch linkage). */
	public <K> LinkageDecision<K> decide(PreparedRecord query, Collection<Candidate<K>> candidates) {
		if (candidates.isEmpty()) {
			return new LinkageDecision<>(Outcome.NEW, LinkageDecision.Reason.NO_CANDIDATES, Optional.empty(),
					Double.NEGATIVE_INFINITY, List.of(), Double.NEGATIVE_INFINITY);
		}
		Map<K, ScoredPair> bestPerId = new HashMap<>();
		K best = null;
		for (Candidate<K> candidate : candidates) {
			ScoredPair pair = scorer.score(query, candidate.record(), 1);
			ScoredPair previous = bestPerId.get(candidate.id());
			if (previous == null || pair.score() > previous.score()) {
				bestPerId.put(candidate.id(), pair);
			}
			if (best == null || bestPerId.get(candidate.id()).score() > bestPerId.get(best).score()) {
				best = candidate.id();
			}
		}
		ScoredPair top = bestPerId.get(best);
		double runnerUp = Double.NEGATIVE_INFINITY;
		boolean rival = false;
		for (Map.Entry<K, ScoredPair> entry : bestPerId.entrySet()) {
			if (!entry.getKey().equals(best)) {
				runnerUp = Math.max(runnerUp, entry.getValue().score());
				// a twin scores high but is no rival: only a candidate that would link on its own is
				rival |= reason(entry.getValue()) == LinkageDecision.Reason.ABOVE_LINK_THRESHOLD;
			}
		}
		LinkageDecision.Reason reason = reason(top);
		if (reason == LinkageDecision.Reason.ABOVE_LINK_THRESHOLD && rival) {
			reason = LinkageDecision.Reason.AMBIGUOUS;
		}
		return new LinkageDecision<>(outcome(reason), reason, Optional.of(best), top.score(), top.weights(), runnerUp);
	}

	/** The outcome for one scored pair on its own (batch linkage, quality measurement). */
	public Outcome classify(ScoredPair pair) {
		return outcome(reason(pair));
	}

	private LinkageDecision.Reason reason(ScoredPair pair) {
		if (pair.score() >= thresholds.link()) {
			int name = pair.level(Field.NAME);
			if (name == Field.MISSING || name == NameComparator.DIFFERENT) {
				return LinkageDecision.Reason.NAMES_DISAGREE;
			}
			return corroborated(pair) ? LinkageDecision.Reason.ABOVE_LINK_THRESHOLD
					: LinkageDecision.Reason.NOT_CORROBORATED;
		}
		return pair.score() >= thresholds.review() ? LinkageDecision.Reason.IN_REVIEW_BAND
				: LinkageDecision.Reason.BELOW_REVIEW_THRESHOLD;
	}

	/** Birth date, phone or address adds evidence to the name: a name and sex alone never link. */
	private static boolean corroborated(ScoredPair pair) {
		for (FieldWeight weight : pair.weights()) {
			if (weight.field() != Field.NAME && weight.field() != Field.SEX && weight.weight() > 0) {
				return true;
			}
		}
		return false;
	}

	private static Outcome outcome(LinkageDecision.Reason reason) {
		return switch (reason) {
			case ABOVE_LINK_THRESHOLD -> Outcome.LINK;
			case IN_REVIEW_BAND, NAMES_DISAGREE, NOT_CORROBORATED, AMBIGUOUS -> Outcome.REVIEW;
			case BELOW_REVIEW_THRESHOLD, NO_CANDIDATES -> Outcome.NEW;
		};
	}

}
