package org.rhip.person.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blocking keys: two records are compared only when they share a key, so each key names a pass that
 * the others back up when its field is wrong or missing.
 *
 * <ul>
 * <li>{@code b:1985-03-07} — birth date;</li>
 * <li>{@code ny:zhang.w:1985} — phonetic name key and birth year (catches a wrong day or month, or
 * day and month swapped);</li>
 * <li>{@code nd:zhang.w:0307} — phonetic name key, birth month and day (catches a wrong year);</li>
 * <li>{@code p:12345678} — the last 8 digits of the phone;</li>
 * <li>{@code na:zhang.w:440106001002} — phonetic name key and the org unit of the address.</li>
 * </ul>
 *
 * The phonetic name key is the surname's pinyin and the first letter of the given name's (see
 * {@link NormalizedName#phoneticKeys()}), so homophones and variant characters share it. Keys are
 * plain strings; the person index hashes them before storing them.
 */
public final class Blocking {

	private final RecordComparator comparator;

	public Blocking() {
		this(new RecordComparator());
	}

	public Blocking(RecordComparator comparator) {
		this.comparator = comparator;
	}

	public List<String> blockingKeys(PersonFeatures features) {
		return blockingKeys(comparator.prepare(features));
	}

	public List<String> blockingKeys(PreparedRecord record) {
		Set<String> keys = new LinkedHashSet<>();
		LocalDate birth = record.birthDate;
		if (birth != null) {
			keys.add("b:" + birth);
		}
		List<String> nameKeys = record.name == null ? List.of() : record.name.phoneticKeys();
		for (String name : nameKeys) {
			if (birth != null) {
				keys.add("ny:" + name + ":" + birth.getYear());
				keys.add("nd:" + name + ":" + twoDigits(birth.getMonthValue()) + twoDigits(birth.getDayOfMonth()));
			}
			if (record.address.code() != null) {
				keys.add("na:" + name + ":" + record.address.code());
			}
		}
		if (record.phone != null && record.phone.length() >= 8) {
			keys.add("p:" + record.phone.substring(record.phone.length() - 8));
		}
		return new ArrayList<>(keys);
	}

	private static String twoDigits(int value) {
		return value < 10 ? "0" + value : String.valueOf(value);
	}

}
