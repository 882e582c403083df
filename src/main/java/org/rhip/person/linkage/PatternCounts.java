package org.rhip.person.linkage;

/**
 * How many compared pairs gave each {@link ComparisonVector}: all EM needs, in a few kilobytes
 * whatever the number of pairs. Not thread-safe; merge per-thread counts with {@link #addAll}.
 */
public final class PatternCounts {

	private final long[] counts = new long[ComparisonVector.PATTERNS];

	private long total;

	public void add(ComparisonVector vector) {
		add(vector, 1);
	}

	public void add(ComparisonVector vector, long count) {
		if (count < 0) {
			throw new IllegalArgumentException("a count is not negative");
		}
		counts[vector.code()] += count;
		total += count;
	}

	public void addAll(PatternCounts other) {
		for (int code = 0; code < counts.length; code++) {
			counts[code] += other.counts[code];
		}
		total += other.total;
	}

	public long count(ComparisonVector vector) {
		return counts[vector.code()];
	}

	public long total() {
		return total;
	}

	long countOf(int code) {
		return counts[code];
	}

	static int patterns() {
		return ComparisonVector.PATTERNS;
	}

}
