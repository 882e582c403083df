package org.rhip.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One measured value of a person from the observation projection: a blood-pressure component, a
 * fasting glucose, an HbA1c. {@code code} is the row's LOINC code (a panel's component has its own);
 * {@code at} is the effective time when the resource gave one, {@code date} its China calendar day.
 */
public record Measurement(String code, LocalDate date, OffsetDateTime at, BigDecimal value, String unit) {
}
