package org.rhip.care;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A service done, as a CHC doctor records it from a worklist: the person, the service code
 * (docs/care.md), the date, the institution, and the values the service measures — blood pressure
 * for a hypertension follow-up, fasting glucose for diabetes, the risk level (0–5) for a severe
 * mental disorder, the gestational age for a prenatal check.
 */
public record ServiceRecord(long personId, String service, LocalDate date, String institution, Integer systolic,
		Integer diastolic, BigDecimal glucose, Integer riskLevel, BigDecimal gestationalWeeks) {
}
