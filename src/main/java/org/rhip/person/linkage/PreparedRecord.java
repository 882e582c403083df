package org.rhip.person.linkage;

import java.time.LocalDate;

/**
 * A record in the forms the comparators use (normalised name with its pinyin, phone digits, address
 * bigrams), computed once by {@link RecordComparator#prepare} so that comparing it with many others
 * costs no normalisation.
 */
public final class PreparedRecord {

	final NormalizedName name;

	/** Per reading of the name, the fuzzy pinyin of surname and given name (see NameComparator). */
	final String[] fuzzySurnames;

	final String[] fuzzyGivens;

	final LocalDate birthDate;

	final int sex;

	final String phone;

	final AddressComparator.Address address;

	PreparedRecord(NormalizedName name, LocalDate birthDate, int sex, String phone,
			AddressComparator.Address address) {
		this.name = name;
		int readings = name == null ? 0 : name.readings().size();
		this.fuzzySurnames = new String[readings];
		this.fuzzyGivens = new String[readings];
		for (int i = 0; i < readings; i++) {
			fuzzySurnames[i] = NameComparator.fuzzy(name.readings().get(i).surname());
			fuzzyGivens[i] = NameComparator.fuzzy(name.readings().get(i).given());
		}
		this.birthDate = birthDate;
		this.sex = sex;
		this.phone = phone;
		this.address = address;
	}

	@Override
	public String toString() {
		return "PreparedRecord[...]";
	}

}
