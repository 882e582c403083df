package org.rhip.care.immunization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DoseCheckTest {

	private static final NipSchedule SCHEDULE = NipSchedule.bundled();

	private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

	private static List<DoseProblem> check(Child child, String vaccine, int number, String date) {
		return SCHEDULE.check(child, GivenDose.of(vaccine, number, date == null ? null : LocalDate.parse(date)), TODAY);
	}

	private static Child born(String date, GivenDose... doses) {
		return Child.born(LocalDate.parse(date), doses);
	}

	private static GivenDose dose(String vaccine, int number, String date) {
		return GivenDose.of(vaccine, number, LocalDate.parse(date));
	}

	@Test
	void mmrAtSevenMonthsIsTooEarly() {
		assertThat(check(born("2024-01-01"), "MMR", 1, "2024-08-01"))
			.containsExactly(new DoseProblem("date", "MMR dose 1 is given from 8 months of age, on 2024-09-01 at the earliest"));
		assertThat(check(born("2024-01-01"), "MMR", 1, "2024-09-01")).isEmpty();
	}

	@Test
	void doseTwoBeforeDoseOneIsOutOfOrder() {
		assertThat(check(born("2024-01-01"), "HepB", 2, "2024-02-01"))
			.containsExactly(new DoseProblem("doseNumber", "HepB dose 2 cannot come before dose 1 (not recorded)"));
		Child child = born("2024-01-01", dose("HepB", 1, "2024-01-01"), dose("HepB", 2, "2024-03-01"));
		assertThat(check(child, "HepB", 3, "2024-02-15")).extracting(DoseProblem::field).contains("doseNumber");
		assertThat(check(child, "HepB", 3, "2024-02-15").get(0).message())
			.isEqualTo("HepB dose 3 cannot come before dose 2 (given 2024-03-01)");
		assertThat(check(child, "HepB", 2, "2024-04-01"))
			.containsExactly(new DoseProblem("doseNumber", "HepB dose 2 is already recorded on 2024-03-01"));
	}

	@Test
	void minimumIntervalsOfHepatitisBNameTheDate() {
		Child child = born("2024-01-01", dose("HepB", 1, "2024-08-01"), dose("HepB", 2, "2024-08-29"));
		// 60 days after dose 2 → 10-28; 4 months after dose 1 → 12-01
		assertThat(check(child, "HepB", 3, "2024-10-01")).containsExactly(
				new DoseProblem("date", "HepB dose 3 must be at least 60 days after HepB dose 2 (given 2024-08-29), on 2024-10-28 at the earliest"),
				new DoseProblem("date", "HepB dose 3 must be at least 4 months after HepB dose 1 (given 2024-08-01), on 2024-12-01 at the earliest"));
		assertThat(check(child, "HepB", 3, "2024-11-01")).extracting(DoseProblem::message)
			.singleElement()
			.asString()
			.contains("4 months after HepB dose 1");
		assertThat(check(child, "HepB", 3, "2024-12-01")).isEmpty();
		assertThat(check(born("2024-01-01", dose("HepB", 1, "2024-08-01")), "HepB", 2, "2024-08-20"))
			.extracting(DoseProblem::message)
			.containsExactly("HepB dose 2 must be at least 28 days after HepB dose 1 (given 2024-08-01), on 2024-08-29 at the earliest");
		// polio intervals run across vaccines: bOPV 1 at least 28 days after IPV 2
		Child polio = born("2024-01-01", dose("IPV", 1, "2024-03-01"), dose("IPV", 2, "2024-04-20"));
		assertThat(check(polio, "bOPV", 1, "2024-05-10")).extracting(DoseProblem::message)
			.containsExactly("bOPV dose 1 must be at least 28 days after IPV dose 2 (given 2024-04-20), on 2024-05-18 at the earliest");
	}

	@Test
	void datesBeforeBirthInTheFutureOrMissing() {
		assertThat(check(born("2024-01-01"), "BCG", 1, "2023-12-31"))
			.containsExactly(new DoseProblem("date", "the dose is dated before the child's birth (2024-01-01)"));
		assertThat(check(born("2024-01-01"), "BCG", 1, "2026-06-02"))
			.containsExactly(new DoseProblem("date", "the dose is dated in the future"));
		assertThat(check(born("2024-01-01"), "BCG", 1, null)).extracting(DoseProblem::field).containsExactly("date");
		assertThat(check(born("2024-01-01"), "BCG", 1, "2026-06-01")).isEmpty();
	}

	@Test
	void unknownVaccinesAndDosesOutsideTheSchedule() {
		assertThat(check(born("2024-01-01"), "HPV", 1, "2024-05-01")).extracting(DoseProblem::field)
			.containsExactly("vaccineCode");
		assertThat(check(born("2024-01-01"), "hepb", 1, "2024-01-01")).extracting(DoseProblem::field)
			.containsExactly("vaccineCode");
		assertThat(check(born("2024-01-01"), "HepB", 0, "2024-01-01")).extracting(DoseProblem::field)
			.containsExactly("doseNumber");
		Child three = born("2024-01-01", dose("HepB", 1, "2024-01-01"), dose("HepB", 2, "2024-02-01"),
				dose("HepB", 3, "2024-07-01"));
		assertThat(check(three, "HepB", 4, "2024-09-01")).containsExactly(
				new DoseProblem("doseNumber", "HepB has 3 doses in the schedule, so dose 4 is not one of them"));
		// DT left the schedule for children whose 6-year dose falls due from 2025
		assertThat(check(born("2019-03-01"), "DT", 1, "2025-04-01")).extracting(DoseProblem::field)
			.containsExactly("vaccineCode");
		// and DTaP 5 is not in the 2021 edition
		assertThat(check(born("2018-05-01"), "DTaP", 5, "2024-06-01")).extracting(DoseProblem::field)
			.containsExactly("doseNumber");
	}

	@Test
	void theSecondInactivatedJeDoseSevenDaysAfterTheFirst() {
		Child child = born("2024-01-01", dose("JE-I", 1, "2024-09-01"));
		assertThat(check(child, "JE-I", 2, "2024-09-05")).extracting(DoseProblem::field).containsExactly("date");
		assertThat(check(child, "JE-I", 2, "2024-09-08")).isEmpty();
	}

}
