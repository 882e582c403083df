package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * 国家免疫规划疫苗儿童免疫程序 — the doses a child is due, by the 2021 edition (REFERENCE §2.1), with the
 * DTaP change of 2025-01-01 (§2.2): a child born from 2025 on gets DTaP at 2, 4, 6, 18 months and
 * 6 years and no DT; a child born earlier keeps the 2021 ages, and a 6-year dose due from 2025 on is
 * DTaP dose 5 instead of DT. The live or the inactivated JE and HepA vaccine is chosen per child.
 */
final class NipSchedule {

	/** DTaP's new schedule applies to children born on or after this day. */
	static final LocalDate DTAP_CHANGE = LocalDate.of(2025, 1, 1);

	/** A dose: vaccine code, dose number, age due, and the least days since the vaccine's previous dose. */
	record Dose(String vaccine, int number, Period age, int minDaysAfterPrevious) {
	}

	private NipSchedule() {
	}

	static List<Dose> forChild(LocalDate birth, boolean inactivatedJe, boolean inactivatedHepA) {
		List<Dose> doses = new ArrayList<>();
		add(doses, "HepB", Period.ZERO, Period.ofMonths(1), Period.ofMonths(6));
		add(doses, "BCG", Period.ZERO);
		add(doses, "IPV", Period.ofMonths(2), Period.ofMonths(3));
		add(doses, "bOPV", Period.ofMonths(4), Period.ofYears(4));
		if (!birth.isBefore(DTAP_CHANGE)) {
			add(doses, "DTaP", Period.ofMonths(2), Period.ofMonths(4), Period.ofMonths(6), Period.ofMonths(18), Period.ofYears(6));
		}
		else {
			add(doses, "DTaP", Period.ofMonths(3), Period.ofMonths(4), Period.ofMonths(5), Period.ofMonths(18));
			if (birth.plusYears(6).isBefore(DTAP_CHANGE)) {
				add(doses, "DT", Period.ofYears(6));
			}
			else {
				doses.add(new Dose("DTaP", 5, Period.ofYears(6), 180));
			}
		}
		add(doses, "MMR", Period.ofMonths(8), Period.ofMonths(18));
		if (inactivatedJe) {
			doses.add(new Dose("JE-I", 1, Period.ofMonths(8), 0));
			doses.add(new Dose("JE-I", 2, Period.ofMonths(8).plusDays(7), 7));
			doses.add(new Dose("JE-I", 3, Period.ofYears(2), 28));
			doses.add(new Dose("JE-I", 4, Period.ofYears(6), 28));
		}
		else {
			add(doses, "JE-L", Period.ofMonths(8), Period.ofYears(2));
		}
		doses.add(new Dose("MPSV-A", 1, Period.ofMonths(6), 0));
		doses.add(new Dose("MPSV-A", 2, Period.ofMonths(9), 90));
		add(doses, "MPSV-AC", Period.ofYears(3), Period.ofYears(6));
		if (inactivatedHepA) {
			add(doses, "HepA-I", Period.ofMonths(18), Period.ofYears(2));
		}
		else {
			add(doses, "HepA-L", Period.ofMonths(18));
		}
		return doses;
	}

	/** Doses of one vaccine at these ages, at least 28 days apart. */
	private static void add(List<Dose> doses, String vaccine, Period... ages) {
		for (int i = 0; i < ages.length; i++) {
			doses.add(new Dose(vaccine, i + 1, ages[i], i == 0 ? 0 : 28));
		}
	}

}
