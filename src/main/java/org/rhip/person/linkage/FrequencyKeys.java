package org.rhip.person.linkage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The value keys {@link ValueFrequencies} counts, and the key of the value a pair agrees on. */
final class FrequencyKeys {

	private FrequencyKeys() {
	}

	static List<String> of(PreparedRecord record) {
		Set<String> keys = new LinkedHashSet<>();
		if (record.name != null) {
			if (!record.name.latin()) {
				keys.add(name(record.name.text()));
			}
			for (String pinyin : record.name.pinyin()) {
				keys.add(pinyin(pinyin));
			}
		}
		if (record.birthDate != null) {
			keys.add(birth(record));
		}
		if (record.phone != null) {
			keys.add(phone(record));
		}
		return new ArrayList<>(keys);
	}

	static String name(String text) {
		return "name:" + text;
	}

	static String pinyin(String pinyin) {
		return "pinyin:" + pinyin;
	}

	static String birth(PreparedRecord record) {
		return "birth:" + record.birthDate;
	}

	static String phone(PreparedRecord record) {
		return "phone:" + record.phone;
	}

}
