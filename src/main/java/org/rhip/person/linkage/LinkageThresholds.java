package org.rhip.person.linkage;

/**
 * Score thresholds, in bits (log2 likelihood ratio against the whole index): a pair scoring at least
 * {@code link} is linked, at least {@code review} goes to review, below is not a match. The defaults
 * come from the quality test (about 30,000 synthetic records, docs/linkage.md): the link threshold
 * where F1 is highest, the review threshold where the band below the link threshold stops finding
 * matches at a useful rate.
 */
public record LinkageThresholds(double review, double link) {

	/** Records in the population the defaults were chosen on. */
	static final double REFERENCE_SIZE = 30_000;

	public LinkageThresholds {
		if (!Double.isFinite(review) || !Double.isFinite(link) || review > link) {
			throw new IllegalArgumentException("thresholds must be finite with review <= link");
		}
	}

	public static LinkageThresholds defaults() {
		return new LinkageThresholds(10, 13);
	}

	/**
	 * The defaults raised for a larger index: the prior odds that a given index record is the match
	 * of an incoming one fall as 1/N, so the same confidence needs log2(N/30,000) more bits. An
	 * extrapolation from the model, not measured; re-choose thresholds on reviewed pairs of the real
	 * index when there are some.
	 */
	public static LinkageThresholds forIndexSize(long records) {
		double shift = Math.max(0, FellegiSunter.log2(records / REFERENCE_SIZE));
		LinkageThresholds defaults = defaults();
		return new LinkageThresholds(defaults.review() + shift, defaults.link() + shift);
	}

}
