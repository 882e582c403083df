package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EarsTest {

	private static final LocalDate START = LocalDate.of(2024, 1, 1);

	private static Detections detect(String method, Map<String, String> params, int... counts) {
		return Detectors.create(method, DetectorParams.of(params)).detect(CountSeries.starting(Frequency.DAILY, START, counts));
	}

	@Test
	void qnormIsRsToTheLastDigits() {
		// R 4.2.2: sprintf("%.17g", qnorm(1 - alpha))
		double[][] r = { { 0.5, 0 }, { 0.3, 0.52440051270804067 }, { 0.1, 1.2815515655446008 },
				{ 0.05, 1.6448536269514715 }, { 0.025, 1.9599639845400536 }, { 0.01, 2.3263478740408408 },
				{ 0.001, 3.0902323061678132 }, { 1e-4, 3.7190164854557084 }, { 1e-6, 4.7534243088170891 },
				{ 1e-10, 6.3613408896974208 }, { 0.9, -1.2815515655446008 }, { 0.999, -3.0902323061678132 } };
		for (double[] pair : r) {
			assertThat(Ears.qnorm(1 - pair[0])).as("alpha " + pair[0]).isCloseTo(pair[1], within(1e-15 * Math.abs(pair[1])));
		}
	}

	@Test
	void tooLittleHistoryGivesNoThresholdAndNoAlarm() {
		int[] seven = { 1, 2, 3, 50, 2, 1, 90 };
		for (String method : new String[] { "ears-c1", "ears-c2", "ears-c3" }) {
			Detections d = detect(method, Map.of(), seven);
			assertThat(d.thresholds()).as(method).containsOnly(Double.NaN);
			assertThat(d.alarmCount()).as(method).isZero();
		}
		int[] twelve = { 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2 };
		assertThat(firstThreshold(detect("ears-c1", Map.of(), twelve))).isEqualTo(7);
		assertThat(firstThreshold(detect("ears-c2", Map.of(), twelve))).isEqualTo(9);
		assertThat(firstThreshold(detect("ears-c3", Map.of(), twelve))).isEqualTo(11);
		assertThat(firstThreshold(detect("ears-c1", Map.of("baseline", "3"), twelve))).isEqualTo(3);
	}

	private static int firstThreshold(Detections d) {
		for (int t = 0; t < d.size(); t++) {
			if (d.hasThreshold(t)) {
				return t;
			}
		}
		return -1;
	}

	@Test
	void aSingleSpikeAlarmsAboveMeanPlusZTimesSd() {
		// reference 2,4,2,4,2,4,2: mean 20/7, sd sqrt(8/7) (denominator n - 1)
		Detections d = detect("ears-c1", Map.of(), 2, 4, 2, 4, 2, 4, 2, 20);
		double expected = 20.0 / 7 + 3.0902323061678132 * Math.sqrt(8.0 / 7);
		assertThat(d.thresholds()[7]).isCloseTo(expected, within(1e-12));
		assertThat(d.alarms()[7]).isTrue();
		assertThat(d.alarmCount()).isOne();
		Detections lenient = detect("ears-c1", Map.of("alpha", "0.5"), 2, 4, 2, 4, 2, 4, 2, 3);
		assertThat(lenient.thresholds()[7]).isCloseTo(20.0 / 7, within(1e-12));
		assertThat(lenient.alarms()[7]).isTrue();
	}

	@Test
	void c2LeavesTwoPointsOutOfItsReference() {
		// reference of the last point: the 7 points before the two before it
		Detections d = detect("ears-c2", Map.of(), 1, 1, 1, 1, 1, 1, 1, 100, 100, 2);
		assertThat(d.thresholds()[9]).isEqualTo(1.0);
		assertThat(d.alarms()[9]).isTrue();
	}

	@Test
	void zeroStandardDeviationMakesTheMeanTheThresholdUnlessMinSigma() {
		Detections above = detect("ears-c1", Map.of(), 5, 5, 5, 5, 5, 5, 5, 6, 5);
		assertThat(above.thresholds()[7]).isEqualTo(5.0);
		assertThat(above.alarms()[7]).isTrue();
		assertThat(above.alarms()[8]).isFalse();
		Detections floored = detect("ears-c1", Map.of("minSigma", "1"), 5, 5, 5, 5, 5, 5, 5, 6);
		assertThat(floored.thresholds()[7]).isCloseTo(5 + 3.0902323061678132, within(1e-12));
		assertThat(floored.alarms()[7]).isFalse();
	}

	@Test
	void allZerosNeverAlarm() {
		int[] zeros = new int[30];
		for (String method : new String[] { "ears-c1", "ears-c2" }) {
			Detections d = detect(method, Map.of(), zeros);
			assertThat(d.alarmCount()).isZero();
			assertThat(d.thresholds()[29]).isZero();
		}
		// C3 divides 0 by a zero sd: R's NA bound, here NaN and no alarm
		Detections c3 = detect("ears-c3", Map.of(), zeros);
		assertThat(c3.thresholds()).containsOnly(Double.NaN);
		assertThat(c3.alarmCount()).isZero();
	}

	@Test
	void c3AddsTheTwoPreviousC2ExcessesAsR() {
		// baseline 3: C2(5) over 1,2,3 = (3 - 2)/1 = 1, excess 0; C2(6) over 2,3,1 = (9 - 2)/1 = 7, excess 6;
		// bound(7) = y7 + sd(3,1,2)·(z − 6) = 4 + 1.95996 − 6 < 0, floored at 0
		Detections d = detect("ears-c3", Map.of("baseline", "3"), 1, 2, 3, 1, 2, 3, 9, 4);
		assertThat(d.thresholds()[7]).isZero();
		assertThat(d.alarms()[7]).isTrue();
		// C2(6) = (3 - 2)/1 = 1, excess 0: bound = 4 + 1.95996
		Detections quiet = detect("ears-c3", Map.of("baseline", "3"), 1, 2, 3, 1, 2, 3, 3, 4);
		assertThat(quiet.thresholds()[7]).isCloseTo(4 + 1.9599639845400536, within(1e-12));
		assertThat(quiet.alarms()[7]).isFalse();
		// a zero count never alarms: the bound is at least 0
		Detections zero = detect("ears-c3", Map.of("baseline", "3"), 1, 2, 3, 1, 2, 3, 9, 0);
		assertThat(zero.thresholds()[7]).isZero();
		assertThat(zero.alarms()[7]).isFalse();
	}

	@Test
	void unknownOrBadParametersAreRejectedByName() {
		assertThatThrownBy(() -> Detectors.create("ears-c1", DetectorParams.of(Map.of("k", "1"))))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("k"))
				.hasMessageContaining("is not a parameter of ears-c1")
				.hasMessageContaining("alpha, baseline, minSigma");
		assertThatThrownBy(() -> Detectors.create("ears-c2", DetectorParams.of(Map.of("baseline", "2"))))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("baseline"));
		assertThatThrownBy(() -> Detectors.create("ears-c3", DetectorParams.of(Map.of("alpha", "1"))))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("alpha"));
		assertThatThrownBy(() -> Detectors.create("ears-c3", DetectorParams.of(Map.of("minSigma", "-1"))))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("minSigma"));
		assertThat(Detectors.create("ears-c3", DetectorParams.none()).method()).isEqualTo("ears-c3");
	}

}
