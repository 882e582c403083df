package org.rhip.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rhip.platform.problem.InvalidInput;

class PeriodTest {

	@ParameterizedTest(name = "{0} is {1} from {2} to {3}")
	@CsvSource({ "2023, YEARLY, 2023-01-01, 2023-12-31", "2024Q1, QUARTERLY, 2024-01-01, 2024-03-31",
			"2023Q4, QUARTERLY, 2023-10-01, 2023-12-31", "202402, MONTHLY, 2024-02-01, 2024-02-29",
			"2020W53, WEEKLY, 2020-12-28, 2021-01-03", "2021W01, WEEKLY, 2021-01-04, 2021-01-10",
			"20230515, DAILY, 2023-05-15, 2023-05-15" })
	void parsesIsoPeriodIds(String id, Period.Type type, LocalDate start, LocalDate end) {
		Period period = Period.parse(id);
		assertThat(period.type()).isEqualTo(type);
		assertThat(period.start()).isEqualTo(start);
		assertThat(period.end()).isEqualTo(end);
	}

	@Test
	void aWeekBelongsToItsIsoYear() {
		assertThat(Period.parse("2020W53").year()).isEqualTo(2020);
		assertThat(Period.parse("2021W01").year()).isEqualTo(2021);
	}

	@Test
	void periodsNestInsideTheirYear() {
		assertThat(Period.parse("202305").within(Period.year(2023))).isTrue();
		assertThat(Period.parse("2023Q2").days()).isEqualTo(91);
		assertThat(Period.parse("2020W53").within(Period.year(2020))).isFalse();
	}

	@ParameterizedTest(name = "\"{0}\" is rejected")
	@CsvSource({ "2023Q5", "202313", "20230230", "2021W53", "23", "2023-05" })
	void rejectsImpossiblePeriods(String id) {
		assertThatThrownBy(() -> Period.parse(id)).isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("period"));
	}

}
