package org.rhip.care;

import java.time.LocalDate;

/** A contract of a team's list with its resident, masked as a screen shows them by default. */
public record SignedResident(FamilyDoctorContract contract, String name, String idNumber, String sex,
		LocalDate birthDate, String orgUnitCode) {
}
