package org.rhip.care.immunization;

import java.time.LocalDate;

/**
 * 接种记录 — a dose given: NIP vaccine code ({@code HepB BCG IPV bOPV DTaP DT MMR JE-L JE-I MPSV-A
 * MPSV-AC HepA-L HepA-I}), dose number of that vaccine (Immunization.protocolApplied.doseNumber; bOPV
 * 1 is the polio dose at 4 months), and date.
 */
public record GivenDose(String vaccineCode, int doseNumber, LocalDate date) {

	public static GivenDose of(String vaccineCode, int doseNumber, LocalDate date) {
		return new GivenDose(vaccineCode, doseNumber, date);
	}

}
