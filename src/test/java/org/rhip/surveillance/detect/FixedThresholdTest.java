package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One case of a class-A disease is a signal; every point has a threshold, no history needed. */
class FixedThresholdTest {

	@Test
	void oneCaseAlarmsByDefaultFromTheFirstDay() {
		Detections d = Detectors.create("fixed", DetectorParams.none())
			.detect(CountSeries.starting(Frequency.DAILY, LocalDate.of(2025, 1, 1), 1, 0, 0, 3));
		assertThat(d.thresholds()).containsExactly(1, 1, 1, 1);
		assertThat(d.alarms()).containsExactly(true, false, false, true);
	}

	@Test
	void aHigherThresholdCountsCasesUpToIt() {
		Detections d = Detectors.create("fixed", DetectorParams.of(Map.of("threshold", "3")))
			.detect(CountSeries.starting(Frequency.WEEKLY, LocalDate.of(2025, 1, 6), 2, 3, 4));
		assertThat(d.alarms()).containsExactly(false, true, true);
	}

	@Test
	void aThresholdBelowOneIsRejectedNamingIt() {
		assertThatThrownBy(() -> Detectors.create("fixed", DetectorParams.of(Map.of("threshold", "0"))))
			.isInstanceOf(ParameterProblem.class)
			.hasMessageContaining("threshold");
	}

}
