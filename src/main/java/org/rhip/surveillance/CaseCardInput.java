package org.rhip.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A 传染病报告卡 as an institution sends it. {@code idNumber} is checked and kept only as a keyed
 * hash; {@code reportTime} defaults to the moment the card arrives; {@code cardNo} defaults to one
 * the platform assigns.
 */
public record CaseCardInput(String cardNo, String disease, String classification, String idNumber, String sex,
		Integer ageYears, String occupation, String orgUnit, LocalDate onsetDate, OffsetDateTime diagnosisTime,
		OffsetDateTime reportTime, String institution, String doctor) {
}
