package org.rhip.person;

/** A search of the index: by ID number, exact name, phone (any may be null; at least one is needed). */
public record PersonQuery(String idNumber, String name, String phone, java.time.LocalDate birthDate) {

	public boolean isEmpty() {
		return blank(idNumber) && blank(name) && blank(phone) && birthDate == null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
