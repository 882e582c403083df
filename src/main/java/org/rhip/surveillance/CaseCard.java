package org.rhip.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A stored report card as the platform shows it: no readable identifier, the timeliness judged. */
public record CaseCard(long id, String cardNo, String status, int version, String disease, String diseaseName,
		String classification, String sex, Integer ageYears, String occupation, String orgUnit, String orgUnitName,
		LocalDate onsetDate, OffsetDateTime diagnosisTime, Optional<OffsetDateTime> reportTime, String institution,
		String doctor, int reportLimitHours, Optional<Boolean> onTime, Optional<Long> duplicateOf) {

	/** Hours from diagnosis to report, one decimal; empty for a draft. */
	public Optional<Double> hoursToReport() {
		return reportTime.map(r -> Math.round(java.time.Duration.between(diagnosisTime, r).toMinutes() / 6.0) / 10.0);
	}

}
