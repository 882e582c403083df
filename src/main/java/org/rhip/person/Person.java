package org.rhip.person;

import java.time.LocalDate;
import java.util.List;

import org.rhip.security.Masking;

/**
 * A person of the index. Identifiers are plain here (decrypted); {@link #masked()} is what a screen
 * shows by default.
 */
public record Person(long id, String idNumber, String name, String phone, String sex, LocalDate birthDate,
		String orgUnitCode, String address, Boolean household, Boolean resident, LocalDate deathDate, String status,
		Long mergedInto, List<PersonDocument> documents, boolean isMasked) {

	public Person masked() {
		if (isMasked) {
			return this;
		}
		return new Person(id, Masking.idNumber(idNumber), Masking.name(name), Masking.phone(phone), sex, birthDate,
				orgUnitCode, address == null ? null : "****", household, resident, deathDate, status, mergedInto,
				documents.stream().map(d -> new PersonDocument(d.type(), Masking.idNumber(d.number()))).toList(), true);
	}

	public boolean male() {
		return "1".equals(sex);
	}

}
