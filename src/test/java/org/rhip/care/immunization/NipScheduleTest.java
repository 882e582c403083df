package org.rhip.care.immunization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rhip.platform.yaml.YamlProblem;

class NipScheduleTest {

	private static final String VACCINES = """
			catchUpBefore: 18y
			vaccines:
			  - { code: A, name: 甲 }
			  - { code: B, name: 乙 }
			""";

	private static NipSchedule read(String editions) {
		return ScheduleReader.read("test.yaml",
				new ByteArrayInputStream((VACCINES + editions).getBytes(StandardCharsets.UTF_8)));
	}

	/** An edition of one series {@code s} with one track of the given dose lines. */
	private static String edition(String id, String header, String doses) {
		return "  - id: " + id + "\n" + header + """
				    series:
				      - code: s
				        name: S
				        tracks:
				          - doses:
				""" + doses;
	}

	@Test
	void theBundledScheduleHasTheContractsVaccineCodes() {
		assertThat(NipSchedule.bundled().vaccines().keySet()).containsExactlyInAnyOrder("HepB", "BCG", "IPV", "bOPV", "DTaP",
				"DT", "MMR", "JE-L", "JE-I", "MPSV-A", "MPSV-AC", "HepA-L", "HepA-I");
		assertThat(NipSchedule.bundled().vaccines()).containsEntry("MMR", "麻腮风疫苗");
	}

	@Test
	void anAmendmentTakesThePositionsThatFallDueFromItsDateAndAddsNewOnes() {
		NipSchedule schedule = read("editions:\n" + edition("old", "", """
				              - { vaccine: A, dose: 1, age: 1m, timelyBefore: 2m }
				              - { vaccine: A, dose: 2, age: 1y, after: { 1: 6m }, timelyBefore: 2y }
				""") + edition("new", "    effective: 2025-01-01\n    amends: old\n", """
				              - { vaccine: A, dose: 1, age: 2m, timelyBefore: 3m }
				              - { vaccine: B, dose: 1, age: 2y, timelyBefore: 3y }
				              - { vaccine: B, dose: 2, age: 3y, timelyBefore: 4y }
				"""));
		// born 2024-06-01: dose 1 fell due 2024-07-01 (old), position 2 on 2025-06-01 (new), position 3 is new
		ImmunizationPlan plan = schedule.plan(Child.born(LocalDate.parse("2024-06-01")), LocalDate.parse("2024-06-02"));
		assertThat(plan.doses()).extracting(p -> p.vaccineCode() + p.doseNumber() + "@" + p.edition() + " " + p.dueDate())
			.containsExactly("A1@old 2024-07-01", "B1@new 2026-06-01", "B2@new 2027-06-01");
		// born 2020: all three positions fell due before 2025 under the old edition, so the old doses only
		ImmunizationPlan older = schedule.plan(Child.born(LocalDate.parse("2020-01-01")), LocalDate.parse("2024-06-02"));
		assertThat(older.doses()).extracting(PlannedDose::edition).containsExactly("old", "old");
		// minimum age defaults to the age
		assertThat(schedule.check(Child.born(LocalDate.parse("2020-01-01")), GivenDose.of("A", 1, LocalDate.parse("2020-01-15")),
				LocalDate.parse("2024-06-02"))).extracting(DoseProblem::field).containsExactly("date");
	}

	@Test
	void faultsInTheFileNameTheirLine() {
		String series = "editions:\n" + edition("e", "", "              - { vaccine: A, dose: 1, age: 1m, timelyBefore: 2m }\n");
		assertThat(read(series).vaccines()).hasSize(2);
		assertThatThrownBy(() -> read(series.replace("vaccine: A", "vaccine: C"))).isInstanceOf(YamlProblem.class)
			.hasMessage("test.yaml:12: unknown vaccine C");
		assertThatThrownBy(() -> read(series.replace("age: 1m", "age: 1 month")))
			.hasMessage("test.yaml:12: an age is written like 18m, 6y, 28d or 1y6m, not '1 month'");
		assertThatThrownBy(() -> read(series.replace("timelyBefore: 2m }", "timelyBefore: 2m, after: { 1: 28d } }")))
			.hasMessageContaining("it must be an earlier one");
		assertThatThrownBy(() -> read(series.replace("  - id: e", "  - id: e\n    amends: x")))
			.hasMessageContaining("needs 'effective'");
		assertThatThrownBy(() -> read(series + "          - doses:\n              - { vaccine: B, dose: 1, age: 1m, timelyBefore: 2m, countsAs: A 2 }\n"))
			.hasMessageContaining("B dose 1 counts as A dose 2, which is not a dose of the first track");
	}

	@Test
	void agesReadAndDescribe() {
		assertThat(Ages.parse("1y6m")).isEqualTo(java.time.Period.of(1, 6, 0));
		assertThat(Ages.parse("0d")).isEqualTo(java.time.Period.ZERO);
		assertThat(Ages.parse("")).isNull();
		assertThat(Ages.parse("6 months")).isNull();
		assertThat(List.of(Ages.describe(java.time.Period.ofMonths(1)), Ages.describe(java.time.Period.of(1, 6, 0)),
				Ages.describe(java.time.Period.ZERO))).containsExactly("1 month", "1 year 6 months", "birth");
	}

}
