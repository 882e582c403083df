package org.rhip.person.linkage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A name after {@link NameNormalizer}: the normalised text (simplified Chinese characters, or
 * lower-case latin tokens), whether it was written in latin letters only, the toneless pinyin
 * syllables of its preferred reading (surname first; a compound surname is one element), and every
 * reading the name can have — polyphonic characters give several, and a latin name whose order is
 * not certain gives both orders.
 */
public record NormalizedName(String text, boolean latin, List<String> syllables, List<Reading> readings) {

	/** One way to read the name: surname and given name in toneless pinyin, without spaces. */
	public record Reading(String surname, String given) {

		public String full() {
			return surname + given;
		}

	}

	public NormalizedName {
		syllables = List.copyOf(syllables);
		readings = List.copyOf(readings);
		if (readings.isEmpty()) {
			throw new IllegalArgumentException("a name has at least one reading");
		}
	}

	/** The distinct full pinyin forms, preferred reading first (e.g. {@code zhangwei}). */
	public List<String> pinyin() {
		Set<String> forms = new LinkedHashSet<>();
		for (Reading reading : readings) {
			forms.add(reading.full());
		}
		return new ArrayList<>(forms);
	}

	/**
	 * Phonetic blocking keys: surname pinyin and the first letter of the given name's pinyin
	 * ({@code zhang.w}), one per distinct reading.
	 */
	public List<String> phoneticKeys() {
		Set<String> keys = new LinkedHashSet<>();
		for (Reading reading : readings) {
			keys.add(reading.surname() + "." + (reading.given().isEmpty() ? "" : reading.given().substring(0, 1)));
		}
		return new ArrayList<>(keys);
	}

	@Override
	public String toString() {
		return "NormalizedName[...]";
	}

}
