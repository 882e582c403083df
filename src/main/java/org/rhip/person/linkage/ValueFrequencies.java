package org.rhip.person.linkage;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many records of the index hold a value, for term-frequency adjusted weights: agreeing on 王伟
 * or on 1 January 1950 says less than agreeing on a rare name or date, and a phone shared by a
 * household says less than a personal one. Values are named by the keys of
 * {@link #keys(PersonFeatures)}; the person index keeps a count per key (hashed, like the blocking
 * keys) and answers {@link #count} from them.
 */
public interface ValueFrequencies {

	/** Records in the index holding the value the key names; 0 when not known. */
	long count(String key);

	/** Records in the index; 0 turns the adjustment off. */
	long total();

	/** No frequencies: every weight is its level's average. */
	static ValueFrequencies none() {
		return new ValueFrequencies() {

			@Override
			public long count(String key) {
				return 0;
			}

			@Override
			public long total() {
				return 0;
			}

		};
	}

	/** The keys to count for a record: its name, each pinyin reading, its birth date and phone. */
	static List<String> keys(PersonFeatures features) {
		return keys(new RecordComparator().prepare(features));
	}

	static List<String> keys(PreparedRecord record) {
		return FrequencyKeys.of(record);
	}

	/** Counts the keys of records held in memory (a sample of the index, or a test population). */
	static ValueFrequencies count(Collection<PreparedRecord> records) {
		Map<String, Long> counts = new HashMap<>();
		for (PreparedRecord record : records) {
			for (String key : keys(record)) {
				counts.merge(key, 1L, Long::sum);
			}
		}
		Map<String, Long> frozen = Map.copyOf(counts);
		long total = records.size();
		return new ValueFrequencies() {

			@Override
			public long count(String key) {
				return frozen.getOrDefault(key, 0L);
			}

			@Override
			public long total() {
				return total;
			}

		};
	}

}
