package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 居民 — a resident of the synthetic district: the deterministic record id, the resident ID number
 * (GB 11643, the region's address code), name, sex, birth date, home street, address, phone, the
 * primary-care institution that keeps the health record, and for a baby born in the period the mother.
 */
public record Person(String id, String idNumber, String family, String given, Sex sex, LocalDate birthDate,
		String orgUnit, String address, String phone, String recordInstitution, Optional<String> motherId) {

	Person withIdNumber(String number) {
		return new Person(id, number, family, given, sex, birthDate, orgUnit, address, phone, recordInstitution, motherId);
	}

}
