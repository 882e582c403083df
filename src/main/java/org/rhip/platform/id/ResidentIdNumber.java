package org.rhip.platform.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, birth date yyyymmdd, 3-digit sequence (odd =
 * male), ISO 7064 MOD 11-2 check character. The legacy 15-digit form (GB 11643-1989, birth date yymmdd
 * in the 1900s, no check) is upgraded on parsing. Never put the number itself into an error message.
 */
public record ResidentIdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** Province-level codes of GB/T 2260 (83: residence permits of Taiwan residents). */
	private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22",
			"23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53",
			"54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

	/** Parses and checks a number; a 15-digit number is upgraded to 18. */
	public static ResidentIdNumber parse(String text, LocalDate today) {
		String id = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		if (id.matches("[0-9]{15}")) {
			String body = id.substring(0, 6) + "19" + id.substring(6);
			id = body + checkCharacter(body);
		}
		else if (!id.matches("[0-9]{17}[0-9X]")) {
			throw new IllegalArgumentException("an ID number has 18 characters (17 digits and a digit or X) or 15 digits");
		}
		else if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
			throw new IllegalArgumentException("the check character of the ID number is wrong");
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			throw new IllegalArgumentException("the region code of the ID number is not a province of China");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("the birth date in the ID number is not a date");
		}
		if (birth.isAfter(today) || birth.getYear() < 1870) {
			throw new IllegalArgumentException("the birth date in the ID number is impossible");
		}
		return new ResidentIdNumber(id);
	}

	/** The MOD 11-2 check character of a 17-digit body. */
	public static char checkCharacter(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	/** {@code male} or {@code female}, from the parity of the 17th digit. */
	public String sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? "male" : "female";
	}

	/** Shown on screen: address code and the check character only, e.g. {@code 440106********123X}. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

}
