package org.rhip.interop.bulk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.DateTimeType;

/** Cell values several templates share: ICD-10 codes, lists in one cell, dates and times in China time. */
final class Cells {

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	/** WHO ICD-10 and the Chinese clinical extensions (e.g. {@code I10.x00x002}); a dagger or asterisk is dropped. */
	private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Za-z]{1,8})?");

	/** A code of WHO's ICD-10 itself (the rest are the national clinical version's). */
	private static final Pattern WHO = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9X]{1,2})?");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final Pattern LIST = Pattern.compile("\\s*[;；|、]\\s*");

	private Cells() {
	}

	static String icd10(Row row, Column column, String text) {
		String code = text.strip().replaceAll("[+*†]$", "");
		code = code.isEmpty() ? code : Character.toUpperCase(code.charAt(0)) + code.substring(1);
		if (!ICD10.matcher(code).matches()) {
			throw row.problem(column, "is not an ICD-10 code (a letter, two digits, optionally a dot and more)");
		}
		return code;
	}

	/** The code system of an ICD-10 code: WHO's, or the national clinical version for its longer codes. */
	static String icd10System(String code) {
		return WHO.matcher(code).matches() ? Fhir.ICD10 : Fhir.ICD10_CN;
	}

	/** The values of a cell holding several, separated by ; ； | or 、. */
	static List<String> list(String text) {
		List<String> values = new ArrayList<>();
		for (String part : LIST.split(text.strip())) {
			if (!part.isBlank()) {
				values.add(part.strip());
			}
		}
		return values;
	}

	/** A FHIR dateTime: the day alone, or the day and time in China time. */
	static DateTimeType fhir(Row.DateTime when) {
		if (when.time().isEmpty()) {
			return new DateTimeType(when.date().toString());
		}
		return new DateTimeType(when.start().atOffset(CHINA).format(SECONDS));
	}

	/** The row key of a time: the day, or day and minute. */
	static String key(Row.DateTime when) {
		return when.time().map(t -> when.date() + "T" + t).orElse(when.date().toString());
	}

}
