package org.rhip.person.linkage;

import java.time.LocalDate;

/**
 * The comparable fields of one record, each nullable: name (Chinese characters, or pinyin / latin in
 * either order), birth date, sex (GB/T 2261.1: "1" male, "2" female, "0"/"9" unknown), phone (any
 * formatting; digits are kept), org-unit code of the address (12-digit community or 9-digit street
 * code) and the free-text address. No ID number: records that have one are linked elsewhere.
 */
public record PersonFeatures(String name, LocalDate birthDate, String sex, String phone, String orgUnitCode,
		String address) {

	/** Never the values: this record holds personal data. */
	@Override
	public String toString() {
		return "PersonFeatures[...]";
	}

}
