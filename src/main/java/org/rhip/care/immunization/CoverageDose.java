package org.rhip.care.immunization;

import java.time.LocalDate;

/** A dose a child was due in a year for coverage ({@link CoverageTarget}): its deadline and whether it was given by it. */
public record CoverageDose(String series, String vaccineCode, int doseNumber, LocalDate deadline, boolean givenOnTime) {
}
