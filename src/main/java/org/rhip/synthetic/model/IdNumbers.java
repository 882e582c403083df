package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.rhip.platform.id.ResidentIdNumber;

/**
 * 公民身份号码 — hands out GB 11643 numbers: the region's address code, the birth date, the next free
 * sequence of the sex (odd for men, even for women) among the people born that day, and the check
 * character. Called in resident order, so the same seed gives the same numbers.
 */
final class IdNumbers {

	private final String addressCode;

	private final Map<Long, Integer> used = new HashMap<>();

	IdNumbers(String addressCode) {
		this.addressCode = addressCode;
	}

	String next(LocalDate birth, Sex sex) {
		long key = birth.toEpochDay() * 2 + (sex == Sex.MALE ? 1 : 0);
		int k = used.merge(key, 1, Integer::sum) - 1;
		// men 001, 003, …, 999; women 002, 004, …, 998
		int sequence = sex == Sex.MALE ? 2 * k + 1 : 2 * k + 2;
		if (sequence > 999) {
			throw new IllegalStateException("more than " + (sex == Sex.MALE ? 500 : 499) + " residents of one sex born on "
					+ birth + ": the ID numbers of one address code run out; use a smaller --scale");
		}
		String body = addressCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
