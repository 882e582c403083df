package org.rhip.care.immunization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CoverageTest {

	private static final NipSchedule SCHEDULE = NipSchedule.bundled();

	@Test
	void theDosesDueInAYearAreThoseWhoseTimelyDeadlineFallsInIt() {
		// born 2023-03-15: deadlines before 12 months end 2024-03-14, before 18 months 2024-09-14
		Child child = ImmunizationPlanTest.onTimeChild();
		assertThat(SCHEDULE.dueInYear(child, 2023)).extracting(c -> c.vaccineCode() + " " + c.doseNumber())
			.containsExactly("HepB 1", "BCG 1");
		assertThat(SCHEDULE.dueInYear(child, 2024)).extracting(c -> c.vaccineCode() + " " + c.doseNumber())
			.containsExactly("HepB 2", "HepB 3", "IPV 1", "IPV 2", "bOPV 1", "DTaP 1", "DTaP 2", "DTaP 3", "MMR 1", "JE-L 1",
					"MPSV-A 1", "MPSV-A 2");
		assertThat(SCHEDULE.dueInYear(child, 2024)).allMatch(CoverageDose::givenOnTime);
		assertThat(SCHEDULE.dueInYear(child, 2025)).extracting(c -> c.vaccineCode() + " " + c.doseNumber())
			.containsExactly("DTaP 4", "MMR 2", "HepA-L 1");
		assertThat(SCHEDULE.dueInYear(child, 2025)).noneMatch(CoverageDose::givenOnTime);
		assertThat(SCHEDULE.dueInYear(child, 2025).get(0).deadline()).isEqualTo(LocalDate.parse("2025-03-14"));
		// 6-year doses of a child born 2023: DTaP 5 (2025 edition), not DT
		assertThat(SCHEDULE.dueInYear(child, 2030)).extracting(c -> c.vaccineCode() + " " + c.doseNumber())
			.containsExactly("DTaP 5", "MPSV-AC 2");
		assertThat(SCHEDULE.dueInYear(Child.born(LocalDate.parse("2017-05-01")), 2024))
			.extracting(c -> c.vaccineCode() + " " + c.doseNumber())
			.containsExactly("DT 1", "MPSV-AC 2");
	}

	@Test
	void anInactivatedJeSeriesCoversTheLiveDoses() {
		Child child = Child.born(LocalDate.parse("2022-01-01"), GivenDose.of("JE-I", 1, LocalDate.parse("2022-09-01")),
				GivenDose.of("JE-I", 2, LocalDate.parse("2022-09-08")), GivenDose.of("JE-I", 3, LocalDate.parse("2025-01-01")));
		CoverageDose je1 = SCHEDULE.dueInYear(child, 2022).stream().filter(c -> c.series().equals("je")).findFirst().orElseThrow();
		assertThat(je1.vaccineCode()).isEqualTo("JE-L");
		assertThat(je1.givenOnTime()).isTrue();
		// JE-I 3 on 2025-01-01 is after the 3-year deadline 2024-12-31
		CoverageDose je2 = SCHEDULE.dueInYear(child, 2024).stream().filter(c -> c.series().equals("je")).findFirst().orElseThrow();
		assertThat(je2.doseNumber()).isEqualTo(2);
		assertThat(je2.givenOnTime()).isFalse();
		// JE-I dose 1 alone does not cover JE-L 1
		Child oneDose = Child.born(LocalDate.parse("2022-01-01"), GivenDose.of("JE-I", 1, LocalDate.parse("2022-09-01")));
		assertThat(SCHEDULE.dueInYear(oneDose, 2022).stream().filter(c -> c.series().equals("je")))
			.singleElement()
			.extracting(CoverageDose::givenOnTime)
			.isEqualTo(false);
	}

	@Test
	void theTargetsAsSqlValues() {
		String sql = CoverageTarget.valuesSql(SCHEDULE.coverageTargets());
		assertThat(sql).startsWith("values\n('hepb', 'HepB', 1, null::text, null::int, interval 'P2D', interval 'P0D', null::date, null::date),\n");
		assertThat(sql).contains("('je', 'JE-L', 1, 'JE-I', 2, interval 'P12M', interval 'P8M', null::date, null::date)")
			.contains("('dtp', 'DT', 1, null::text, null::int, interval 'P7Y', interval 'P6Y', null::date, date '2025-01-01')")
			.contains("('dtp', 'DTaP', 5, null::text, null::int, interval 'P7Y', interval 'P6Y', date '2025-01-01', null::date)")
			// the 2025 DTaP 1 is chosen by the 2021 age of the position (3 months)
			.contains("('dtp', 'DTaP', 1, null::text, null::int, interval 'P12M', interval 'P3M', date '2025-01-01', null::date)")
			.doesNotContain("'JE-I', 4");
		assertThat(sql.lines().count()).isEqualTo(1 + 3 + 1 + 4 + 10 + 2 + 2 + 4 + 1);
	}

}
