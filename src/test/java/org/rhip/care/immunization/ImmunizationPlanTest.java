package org.rhip.care.immunization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImmunizationPlanTest {

	private static final NipSchedule SCHEDULE = NipSchedule.bundled();

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	private static GivenDose dose(String vaccine, int number, String date) {
		return GivenDose.of(vaccine, number, d(date));
	}

	private static PlannedDose planned(ImmunizationPlan plan, String vaccine, int number) {
		return plan.dose(vaccine, number).orElseThrow(() -> new AssertionError(vaccine + " " + number + " not planned"));
	}

	private static void assertDose(ImmunizationPlan plan, String vaccine, int number, String due, String deadline,
			DoseStatus status) {
		PlannedDose p = planned(plan, vaccine, number);
		assertThat(p.dueDate()).as(vaccine + " " + number + " due").isEqualTo(d(due));
		assertThat(p.deadline()).as(vaccine + " " + number + " deadline").isEqualTo(d(deadline));
		assertThat(p.status()).as(vaccine + " " + number + " status").isEqualTo(status);
	}

	/** Every dose of the first year at its recommended age, as the schedule table says. */
	static Child onTimeChild() {
		return Child.born(d("2023-03-15"), dose("HepB", 1, "2023-03-15"), dose("BCG", 1, "2023-03-15"),
				dose("HepB", 2, "2023-04-15"), dose("IPV", 1, "2023-05-15"), dose("IPV", 2, "2023-06-15"),
				dose("DTaP", 1, "2023-06-15"), dose("bOPV", 1, "2023-07-15"), dose("DTaP", 2, "2023-07-15"),
				dose("DTaP", 3, "2023-08-15"), dose("HepB", 3, "2023-09-15"), dose("MPSV-A", 1, "2023-09-15"),
				dose("MMR", 1, "2023-11-15"), dose("JE-L", 1, "2023-11-15"), dose("MPSV-A", 2, "2023-12-15"));
	}

	@Test
	void anOnTimeChildHasEveryDoseGivenOnTimeAndTheRestAhead() {
		ImmunizationPlan plan = SCHEDULE.plan(onTimeChild(), d("2024-03-20"));
		assertThat(plan.doses().stream().filter(PlannedDose::given))
			.hasSize(14)
			.allSatisfy(p -> assertThat(p.status()).isEqualTo(DoseStatus.GIVEN_ON_TIME));
		assertThat(plan.open()).isEmpty();
		// HepB 3: max(6 months = 09-15, dose 2 + 60 days = 06-14, dose 1 + 4 months = 07-15); timely before 12 months
		assertDose(plan, "HepB", 3, "2023-09-15", "2024-03-14", DoseStatus.GIVEN_ON_TIME);
		// HepB 1 timely within 24 hours: by the day after birth
		assertDose(plan, "HepB", 1, "2023-03-15", "2023-03-16", DoseStatus.GIVEN_ON_TIME);
		assertDose(plan, "BCG", 1, "2023-03-15", "2023-06-14", DoseStatus.GIVEN_ON_TIME);
		assertDose(plan, "MMR", 2, "2024-09-15", "2025-03-14", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "DTaP", 4, "2024-09-15", "2025-03-14", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "JE-L", 2, "2025-03-15", "2026-03-14", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "HepA-L", 1, "2024-09-15", "2025-03-14", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "bOPV", 2, "2027-03-15", "2028-03-14", DoseStatus.NOT_YET_DUE);
		// DTaP 1-3 fell due in 2023 (2021 edition); the 6-year dose falls due in 2029: DTaP 5, not DT
		assertThat(planned(plan, "DTaP", 3).edition()).isEqualTo("2021");
		assertThat(planned(plan, "DTaP", 5).edition()).isEqualTo("2025");
		assertThat(plan.dose("DT", 1)).isEmpty();
		// the default tracks: live JE and HepA
		assertThat(plan.dose("JE-I", 1)).isEmpty();
		assertThat(plan.doses()).hasSize(3 + 1 + 4 + 5 + 2 + 2 + 4 + 1);

		Child lateHepB = new Child(d("2023-03-15"), null, null,
				List.of(dose("HepB", 1, "2023-03-17"), dose("BCG", 1, "2023-06-15")));
		ImmunizationPlan late = SCHEDULE.plan(lateHepB, d("2023-07-01"));
		assertThat(planned(late, "HepB", 1).status()).isEqualTo(DoseStatus.GIVEN_LATE);
		assertThat(planned(late, "BCG", 1).status()).isEqualTo(DoseStatus.GIVEN_LATE);
	}

	@Test
	void aLateStartAtFiveMonthsCatchesUpOnlyTheMissingDosesRespectingIntervals() {
		ImmunizationPlan plan = SCHEDULE.plan(Child.born(d("2024-01-10")), d("2024-06-10"));
		// missed and past their deadlines
		assertDose(plan, "HepB", 1, "2024-01-10", "2024-01-11", DoseStatus.OVERDUE);
		assertDose(plan, "BCG", 1, "2024-01-10", "2024-04-09", DoseStatus.OVERDUE);
		// missed, still timely: due now
		assertDose(plan, "IPV", 1, "2024-03-10", "2025-01-09", DoseStatus.DUE);
		assertDose(plan, "DTaP", 1, "2024-04-10", "2025-01-09", DoseStatus.DUE);
		// the next doses wait their minimum interval after the catch-up dose given today at the earliest
		// HepB 2: max(1 month = 02-10, 06-10 + 28 days = 07-08)
		assertDose(plan, "HepB", 2, "2024-07-08", "2025-01-09", DoseStatus.NOT_YET_DUE);
		// HepB 3: max(6 months = 07-10, 07-08 + 60 days = 09-06, 06-10 + 4 months = 10-10)
		assertDose(plan, "HepB", 3, "2024-10-10", "2025-01-09", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "IPV", 2, "2024-07-08", "2025-01-09", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "bOPV", 1, "2024-08-05", "2025-01-09", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "DTaP", 2, "2024-07-08", "2025-01-09", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "DTaP", 3, "2024-08-05", "2025-01-09", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "MPSV-A", 1, "2024-07-10", "2025-07-09", DoseStatus.NOT_YET_DUE);
		assertThat(plan.open()).extracting(p -> p.vaccineCode() + " " + p.doseNumber())
			.containsExactly("HepB 1", "BCG 1", "IPV 1", "DTaP 1");
	}

	@Test
	void catchUpIntervalsOfHepatitisB() {
		// first visit at 7 months: dose 1 on 08-01, dose 2 28 days later
		Child child = Child.born(d("2024-01-01"), dose("HepB", 1, "2024-08-01"), dose("HepB", 2, "2024-08-29"));
		ImmunizationPlan plan = SCHEDULE.plan(child, d("2024-09-01"));
		assertDose(plan, "HepB", 1, "2024-01-01", "2024-01-02", DoseStatus.GIVEN_LATE);
		assertDose(plan, "HepB", 2, "2024-08-29", "2024-12-31", DoseStatus.GIVEN_ON_TIME);
		// dose 3: max(6 months = 07-01, dose 2 + 60 days = 10-28, dose 1 + 4 months = 12-01)
		assertDose(plan, "HepB", 3, "2024-12-01", "2024-12-31", DoseStatus.NOT_YET_DUE);
		// when dose 2 is the later constraint: dose 2 on 11-01 → dose 3 from 12-31 (60 days), dose 1 + 4 months is 12-01
		ImmunizationPlan later = SCHEDULE
			.plan(Child.born(d("2024-01-01"), dose("HepB", 1, "2024-08-01"), dose("HepB", 2, "2024-11-01")), d("2024-11-02"));
		assertDose(later, "HepB", 3, "2024-12-31", "2024-12-31", DoseStatus.NOT_YET_DUE);
		assertThat(SCHEDULE.plan(child.withDose(dose("HepB", 3, "2025-01-05")), d("2025-02-01")).dose("HepB", 3))
			.get()
			.extracting(PlannedDose::status)
			.isEqualTo(DoseStatus.GIVEN_LATE);
	}

	@Test
	void aPreterm30WeekBabyOf1500GramsWaitsForBcgButFollowsChronologicalAgeOtherwise() {
		Child baby = new Child(d("2024-03-01"), 1500, 30, List.of(dose("HepB", 1, "2024-03-01")));
		ImmunizationPlan month1 = SCHEDULE.plan(baby, d("2024-04-01"));
		assertDose(month1, "BCG", 1, "2024-03-01", "2024-05-31", DoseStatus.DEFERRED);
		// HepB by chronological age (the < 2,000 g rule for HBsAg-positive mothers is not applied)
		assertDose(month1, "HepB", 2, "2024-04-01", "2025-02-28", DoseStatus.DUE);
		assertThat(month1.open()).extracting(PlannedDose::vaccineCode).containsExactly("HepB");
		// past the timely limit of 3 months the deferral ends: BCG is a missed dose like any other
		assertThat(planned(SCHEDULE.plan(baby, d("2024-06-01")), "BCG", 1).status()).isEqualTo(DoseStatus.OVERDUE);
		assertThat(planned(SCHEDULE.plan(baby.withDose(dose("BCG", 1, "2024-05-20")), d("2024-06-01")), "BCG", 1).status())
			.isEqualTo(DoseStatus.GIVEN_ON_TIME);
		// from 32 weeks BCG is given at birth
		Child older = new Child(d("2024-03-01"), 1900, 32, List.of());
		assertThat(planned(SCHEDULE.plan(older, d("2024-03-10")), "BCG", 1).status()).isEqualTo(DoseStatus.DUE);
	}

	@Test
	void aChildBornInJune2024CrossesTheDtapChange() {
		Child child = Child.born(d("2024-06-01"), dose("DTaP", 1, "2024-09-01"), dose("DTaP", 2, "2024-10-01"),
				dose("DTaP", 3, "2024-11-01"));
		ImmunizationPlan plan = SCHEDULE.plan(child, d("2025-03-01"));
		for (int n = 1; n <= 3; n++) {
			assertThat(planned(plan, "DTaP", n).edition()).isEqualTo("2021");
			assertThat(planned(plan, "DTaP", n).status()).isEqualTo(DoseStatus.GIVEN_ON_TIME);
		}
		// dose 4: max(18 months, dose 3 + 6 months = 2025-05-01)
		assertDose(plan, "DTaP", 4, "2025-12-01", "2026-05-31", DoseStatus.NOT_YET_DUE);
		assertDose(plan, "DTaP", 5, "2030-06-01", "2031-05-31", DoseStatus.NOT_YET_DUE);
		assertThat(planned(plan, "DTaP", 5).edition()).isEqualTo("2025");
		assertThat(plan.dose("DT", 1)).isEmpty();

		// born 2024-10-15: dose 1 would have been due 2025-01-15 under 2021, so the 2025 series (2, 4, 6 months)
		ImmunizationPlan october = SCHEDULE.plan(Child.born(d("2024-10-15")), d("2025-01-02"));
		assertDose(october, "DTaP", 1, "2024-12-15", "2025-10-14", DoseStatus.DUE);
		assertThat(planned(october, "DTaP", 1).edition()).isEqualTo("2025");
		assertDose(october, "DTaP", 3, "2025-04-15", "2025-10-14", DoseStatus.NOT_YET_DUE);

		// the 6-year dose: DT when it fell due before 2025, DTaP 5 from 2025
		assertThat(SCHEDULE.plan(Child.born(d("2018-05-01")), d("2024-06-01")).dose("DT", 1)).get()
			.extracting(PlannedDose::edition)
			.isEqualTo("2021");
		ImmunizationPlan bornIn2019 = SCHEDULE.plan(Child.born(d("2019-03-01")), d("2025-06-01"));
		assertThat(bornIn2019.dose("DT", 1)).isEmpty();
		assertThat(planned(bornIn2019, "DTaP", 5).edition()).isEqualTo("2025");
		// nothing given: dose 1 (2021 edition, 3 months) is caught up now, then 28 days, 28 days, 6 months, 12 months
		assertDose(bornIn2019, "DTaP", 1, "2019-06-01", "2020-02-29", DoseStatus.OVERDUE);
		assertDose(bornIn2019, "DTaP", 3, "2025-07-27", "2020-02-29", DoseStatus.OVERDUE);
		assertDose(bornIn2019, "DTaP", 4, "2026-01-27", "2021-02-28", DoseStatus.OVERDUE);
		assertDose(bornIn2019, "DTaP", 5, "2027-01-27", "2026-02-28", DoseStatus.NOT_YET_DUE);
	}

	@Test
	void theInactivatedJapaneseEncephalitisSeriesReplacesTheLiveOne() {
		Child child = Child.born(d("2022-01-01"), dose("JE-I", 1, "2022-09-01"), dose("JE-I", 2, "2022-09-08"),
				dose("JE-I", 3, "2024-01-01"));
		ImmunizationPlan plan = SCHEDULE.plan(child, d("2024-06-01"));
		assertThat(plan.dose("JE-L", 1)).isEmpty();
		assertDose(plan, "JE-I", 2, "2022-09-08", "2022-12-31", DoseStatus.GIVEN_ON_TIME);
		// dose 4: max(6 years, dose 3 + 3 years = 2027-01-01)
		assertDose(plan, "JE-I", 4, "2028-01-01", "2028-12-31", DoseStatus.NOT_YET_DUE);
		// a child who switched HepA-I → HepA-L has completed the live track
		Child hepA = Child.born(d("2022-01-01"), dose("HepA-I", 1, "2023-07-01"), dose("HepA-L", 1, "2023-10-01"));
		ImmunizationPlan hepAPlan = SCHEDULE.plan(hepA, d("2024-06-01"));
		assertThat(hepAPlan.dose("HepA-I", 2)).isEmpty();
		assertThat(planned(hepAPlan, "HepA-L", 1).status()).isEqualTo(DoseStatus.GIVEN_ON_TIME);
		// one HepA-I dose so far: the inactivated track, dose 2 six months later
		ImmunizationPlan started = SCHEDULE.plan(Child.born(d("2022-01-01"), dose("HepA-I", 1, "2023-07-01")), d("2024-06-01"));
		assertDose(started, "HepA-I", 2, "2024-01-01", "2024-12-31", DoseStatus.DUE);
	}

	@Test
	void noCatchUpOfBcgFromFourYearsNorOfMeningococcalAFrom24MonthsAndNoPlanFrom18() {
		Child child = Child.born(d("2020-01-01"));
		assertThat(planned(SCHEDULE.plan(child, d("2023-12-31")), "BCG", 1).status()).isEqualTo(DoseStatus.OVERDUE);
		assertThat(planned(SCHEDULE.plan(child, d("2024-01-01")), "BCG", 1).status()).isEqualTo(DoseStatus.NO_CATCH_UP);
		assertThat(planned(SCHEDULE.plan(child, d("2021-12-31")), "MPSV-A", 2).status()).isEqualTo(DoseStatus.OVERDUE);
		ImmunizationPlan at2 = SCHEDULE.plan(child, d("2022-01-01"));
		assertThat(planned(at2, "MPSV-A", 2).status()).isEqualTo(DoseStatus.NO_CATCH_UP);
		// MPSV-AC 1 no longer waits for the MPSV-A dose that will never come: 3 years
		assertDose(at2, "MPSV-AC", 1, "2023-01-01", "2023-12-31", DoseStatus.NOT_YET_DUE);
		assertThat(at2.open()).extracting(PlannedDose::vaccineCode).contains("BCG").doesNotContain("MPSV-A");

		Child adult = Child.born(d("2006-05-01"));
		assertThat(SCHEDULE.plan(adult, d("2024-04-30")).doses()).isNotEmpty();
		assertThat(SCHEDULE.plan(adult, d("2024-05-01")).doses()).isEmpty();
	}

}
