package org.rhip.person.linkage;

import java.util.List;

/**
 * Estimates a model from the records of the index (or a large sample of them): m by EM on the
 * candidate pairs blocking finds, u on random pairs. EM alone would give u among candidate pairs,
 * where blocking has made agreement on the blocking fields common; the score must instead measure
 * agreement against the whole index, which is what the review queue and the thresholds assume.
 * Deterministic for a seed.
 */
public final class ModelEstimation {

	/** The estimated model and what it was estimated from. */
	public record Result(FellegiSunter model, EmEstimate em, long candidatePairs, int randomPairs) {
	}

	static final int RANDOM_PAIRS = 500_000;

	static final int MAX_BLOCK_SIZE = 1_000;

	private final RecordComparator comparator;

	private final Blocking blocking;

	private final long seed;

	public ModelEstimation(RecordComparator comparator, Blocking blocking, long seed) {
		this.comparator = comparator;
		this.blocking = blocking;
		this.seed = seed;
	}

	public Result estimate(List<PreparedRecord> records) {
		return estimate(records, CandidatePairs.find(records, blocking, MAX_BLOCK_SIZE));
	}

	/** From candidate pairs already found (e.g. by the caller, to score them afterwards). */
	public Result estimate(List<PreparedRecord> records, CandidatePairs pairs) {
		PatternCounts counts = new PatternCounts();
		for (int k = 0; k < pairs.size(); k++) {
			counts.add(comparator.compare(records.get(pairs.left(k)), records.get(pairs.right(k))));
		}
		EmEstimate em = new EmEstimator().estimate(counts);
		LevelProbabilities u = RandomPairs.estimateU(records, comparator, RANDOM_PAIRS, seed);
		return new Result(new FellegiSunter(em.model().m(), u), em, pairs.size(), RANDOM_PAIRS);
	}

}
