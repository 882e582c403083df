package org.rhip.person.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs of an in-memory list of records that share a blocking key, each pair once: for
 * estimating a model on a sample of the index, or for batch deduplication. Blocks larger than a bound
 * are skipped (a birth date of 1 January in an old population can hold thousands of records; the
 * other keys still reach their matches).
 */
public final class CandidatePairs {

	private final long[] pairs;

	private CandidatePairs(long[] pairs) {
		this.pairs = pairs;
	}

	public static CandidatePairs find(List<PreparedRecord> records, Blocking blocking, int maxBlockSize) {
		Map<String, int[]> blocks = new HashMap<>();
		Map<String, Integer> sizes = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			for (String key : blocking.blockingKeys(records.get(i))) {
				int size = sizes.merge(key, 1, Integer::sum);
				int[] members = blocks.computeIfAbsent(key, k -> new int[4]);
				if (size > members.length) {
					members = Arrays.copyOf(members, members.length * 2);
					blocks.put(key, members);
				}
				members[size - 1] = i;
			}
		}
		long[] found = new long[1024];
		int count = 0;
		for (Map.Entry<String, int[]> block : blocks.entrySet()) {
			int size = sizes.get(block.getKey());
			if (size < 2 || size > maxBlockSize) {
				continue;
			}
			int[] members = block.getValue();
			for (int a = 0; a < size; a++) {
				for (int b = a + 1; b < size; b++) {
					if (count == found.length) {
						found = Arrays.copyOf(found, found.length * 2);
					}
					int i = Math.min(members[a], members[b]);
					int j = Math.max(members[a], members[b]);
					found[count++] = (long) i << 32 | j;
				}
			}
		}
		long[] sorted = Arrays.copyOf(found, count);
		Arrays.sort(sorted);
		return new CandidatePairs(Arrays.stream(sorted).distinct().toArray());
	}

	public int size() {
		return pairs.length;
	}

	/** Index of the first record of pair {@code k} (the smaller index). */
	public int left(int k) {
		return (int) (pairs[k] >>> 32);
	}

	public int right(int k) {
		return (int) pairs[k];
	}

}
