package org.rhip.record;

import java.util.List;

/**
 * A search of one resource type. Each list is an AND of conditions; each inner list an OR of values.
 * Tokens are {@code system|code} or {@code code}; identifiers {@code system|value} (or {@code value});
 * patients are Patient ids. Names and identifiers of Patients are matched by their keyed hash, so a
 * name matches a whole name or one whole name part (family, given), case-insensitively.
 */
public record RecordQuery(String type, List<List<String>> ids, List<List<String>> patients, List<DateRange> dates,
		List<List<String>> codes, List<List<String>> statuses, DateRange lastUpdated, List<List<String>> identifiers,
		List<List<String>> names, List<List<String>> genders, int offset, int count) {

	public RecordQuery {
		ids = copy(ids);
		patients = copy(patients);
		dates = dates == null ? List.of() : List.copyOf(dates);
		codes = copy(codes);
		statuses = copy(statuses);
		identifiers = copy(identifiers);
		names = copy(names);
		genders = copy(genders);
	}

	public static RecordQuery of(String type) {
		return new RecordQuery(type, null, null, null, null, null, null, null, null, null, 0, 20);
	}

	public RecordQuery page(int offset, int count) {
		return new RecordQuery(type, ids, patients, dates, codes, statuses, lastUpdated, identifiers, names, genders,
				offset, count);
	}

	private static List<List<String>> copy(List<List<String>> lists) {
		return lists == null ? List.of() : lists.stream().map(List::copyOf).toList();
	}

}
