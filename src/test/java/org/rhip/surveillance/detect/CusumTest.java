package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CusumTest {

	private static Detections detect(Frequency frequency, Map<String, String> params, int... counts) {
		return Detectors.create("cusum", DetectorParams.of(params))
				.detect(CountSeries.starting(frequency, LocalDate.of(2024, 1, 1), counts));
	}

	@Test
	void handWorkedRecursionWithThresholdsInCountUnits() {
		// m = 4, √m = 2, k = 1, h = 2: z = (y − 4)/2, S = max(0, S' + z − 1), alarm ⇔ S ≥ 2,
		// threshold = ceil(4 + 2·(h + k − S')) − 1, the largest count that does not alarm
		Detections d = detect(Frequency.DAILY, Map.of("m", "4", "k", "1", "h", "2", "range", "1"), 4, 9, 4, 0, 12, 30, 0);
		// S: 0, 1.5, 0.5, 0, 3, 15, 12 (never reset after an alarm)
		assertThat(d.thresholds()).containsExactly(9, 9, 6, 8, 9, 3, -1);
		assertThat(d.alarms()).containsExactly(false, false, false, false, true, true, true);
		for (int t = 0; t < d.size(); t++) {
			assertThat(d.alarms()[t]).isEqualTo(new int[] { 4, 9, 4, 0, 12, 30, 0 }[t] > d.thresholds()[t]);
		}
	}

	@Test
	void withoutMTheReferenceMeanIsTheMeanBeforeTheRange() {
		// m = mean(1, 2, 3) = 2; points before the range have no threshold
		Detections d = detect(Frequency.DAILY, Map.of("range", "4:6"), 1, 2, 3, 2, 9, 2, 50);
		assertThat(d.thresholds()[0]).isNaN();
		assertThat(d.thresholds()[2]).isNaN();
		assertThat(d.thresholds()[6]).isNaN();
		assertThat(d.alarms()[6]).isFalse();
		// S' = 0: ceil(2 + √2·3.30) − 1 = ceil(6.667) − 1 = 6
		assertThat(d.thresholds()[3]).isEqualTo(6);
		assertThat(d.alarms()[4]).isTrue();
	}

	@Test
	void tooLittleHistoryForTheDefaultRangeOfOneYear() {
		Detections daily = detect(Frequency.DAILY, Map.of(), new int[365]);
		assertThat(daily.thresholds()).containsOnly(Double.NaN);
		int[] weeks = new int[60];
		java.util.Arrays.fill(weeks, 3);
		weeks[59] = 30;
		Detections weekly = detect(Frequency.WEEKLY, Map.of(), weeks);
		assertThat(weekly.hasThreshold(51)).isFalse();
		assertThat(weekly.hasThreshold(52)).isTrue();
		assertThat(weekly.alarms()[59]).isTrue();
		assertThat(weekly.alarmCount()).isOne();
	}

	@Test
	void allZerosBeforeTheRangeGiveNoThreshold() {
		// m = 0: the standardisation (y − m)/√m is undefined
		Detections d = detect(Frequency.DAILY, Map.of("range", "5"), 0, 0, 0, 0, 0, 3, 0);
		assertThat(d.thresholds()).containsOnly(Double.NaN);
		assertThat(d.alarmCount()).isZero();
	}

	@Test
	void aConstantSeriesAtTheMeanNeverAlarms() {
		int[] fives = new int[40];
		java.util.Arrays.fill(fives, 5);
		Detections d = detect(Frequency.DAILY, Map.of("range", "11"), fives);
		assertThat(d.alarmCount()).isZero();
		// ceil(5 + √5·3.30) − 1 = ceil(12.379) − 1
		assertThat(d.thresholds()[39]).isEqualTo(12);
		fives[30] = 13;
		assertThat(detect(Frequency.DAILY, Map.of("range", "11"), fives).alarms()[30]).isTrue();
	}

	@Test
	void unknownOrBadParametersAreRejectedByName() {
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("alpha", "0.1"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("alpha"))
				.hasMessageContaining("is not a parameter of cusum (it takes k, h, m, trans, range)");
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("trans", "rossi"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("trans"));
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("range", "1"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("range"));
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("range", "5:3"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("range"));
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("h", "0"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("h"));
		assertThatThrownBy(() -> detect(Frequency.DAILY, Map.of("m", "0"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("m"));
	}

}
