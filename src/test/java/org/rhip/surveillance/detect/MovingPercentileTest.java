package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MovingPercentileTest {

	private static final LocalDate MONDAY = LocalDate.of(2020, 1, 6);

	/** 15 baseline values, as weeks t − 52k + j of a weekly series ending at week t = 158. */
	private static final int[] FIFTEEN = { 3, 7, 1, 4, 4, 9, 0, 2, 5, 6, 8, 3, 10, 2, 12 };

	private static Detections detect(Frequency frequency, Map<String, String> params, int... counts) {
		return Detectors.create("mpm", DetectorParams.of(params))
				.detect(CountSeries.starting(frequency, frequency == Frequency.WEEKLY ? MONDAY : LocalDate.of(2020, 1, 1),
						counts));
	}

	private static int[] weeklyWithBaseline(int current) {
		int[] counts = new int[159];
		int v = 0;
		for (int k = 1; k <= 3; k++) {
			for (int j = -2; j <= 2; j++) {
				counts[158 - 52 * k + j] = FIFTEEN[v++];
			}
		}
		counts[158] = current;
		return counts;
	}

	@Test
	void the80thPercentileOfFifteenValuesByRsType7() {
		// sorted: 0 1 2 2 3 3 4 4 5 6 7 8 9 10 12; i = 1 + 14·0.8 = 12.2: x12 + 0.2·(x13 − x12) = 8 + 0.2·1
		double[] values = new double[15];
		for (int i = 0; i < 15; i++) {
			values[i] = FIFTEEN[i];
		}
		assertThat(MovingPercentile.quantile7(values, 0.8)).isCloseTo(8.2, within(1e-12));
		assertThat(MovingPercentile.quantile7(values, 0.5)).isEqualTo(4.0);
		assertThat(MovingPercentile.quantile7(values, 1.0)).isEqualTo(12.0);
		assertThat(MovingPercentile.quantile7(values, 0.0)).isEqualTo(0.0);

		Detections nine = detect(Frequency.WEEKLY, Map.of(), weeklyWithBaseline(9));
		assertThat(nine.thresholds()[158]).isCloseTo(8.2, within(1e-12));
		assertThat(nine.alarms()[158]).isTrue();
		assertThat(detect(Frequency.WEEKLY, Map.of(), weeklyWithBaseline(8)).alarms()[158]).isFalse();
		assertThat(detect(Frequency.WEEKLY, Map.of("percentile", "50"), weeklyWithBaseline(5)).thresholds()[158])
				.isEqualTo(4.0);
	}

	@Test
	void tooLittleHistoryGivesNoThresholdAndNoAlarm() {
		int[] weeks = weeklyWithBaseline(50);
		Detections weekly = detect(Frequency.WEEKLY, Map.of(), java.util.Arrays.copyOf(weeks, 158));
		assertThat(weekly.thresholds()).containsOnly(Double.NaN);
		assertThat(weekly.alarmCount()).isZero();
		// daily: 3·365 days back, two 7-day periods further, and the 6 days before that
		int[] days = new int[1116];
		days[1115] = 5;
		days[1114] = 5;
		Detections daily = detect(Frequency.DAILY, Map.of(), days);
		assertThat(daily.hasThreshold(1114)).isFalse();
		assertThat(daily.alarms()[1114]).isFalse();
		assertThat(daily.thresholds()[1115]).isZero();
		assertThat(daily.alarms()[1115]).isTrue();
		assertThat(detect(Frequency.WEEKLY, Map.of("years", "1", "window", "0"), new int[53]).hasThreshold(52)).isTrue();
	}

	@Test
	void allZerosNeverAlarmAndOneCaseOverAZeroBaselineDoes() {
		Detections zeros = detect(Frequency.WEEKLY, Map.of(), new int[200]);
		assertThat(zeros.thresholds()[199]).isZero();
		assertThat(zeros.alarmCount()).isZero();
		assertThat(detect(Frequency.WEEKLY, Map.of(), weeklyWithZeroBaseline(1)).alarms()[158]).isTrue();
		assertThat(detect(Frequency.WEEKLY, Map.of("minCount", "2"), weeklyWithZeroBaseline(1)).alarms()[158]).isFalse();
	}

	private static int[] weeklyWithZeroBaseline(int current) {
		int[] counts = new int[159];
		counts[158] = current;
		return counts;
	}

	@Test
	void aConstantBaselineIsTheThreshold() {
		int[] fives = new int[159];
		java.util.Arrays.fill(fives, 5);
		assertThat(detect(Frequency.WEEKLY, Map.of(), fives).thresholds()[158]).isEqualTo(5.0);
		assertThat(detect(Frequency.WEEKLY, Map.of(), fives).alarms()[158]).isFalse();
		fives[158] = 6;
		assertThat(detect(Frequency.WEEKLY, Map.of(), fives).alarms()[158]).isTrue();
	}

	@Test
	void aDailySeriesComparesTheSevenDaySumSoADayWithoutCasesCanAlarm() {
		int[] days = new int[1200];
		days[1190] = 3; // one spike: the 7-day sums ending at days 1190 … 1196 are 3
		Detections d = detect(Frequency.DAILY, Map.of(), days);
		assertThat(d.alarms()[1189]).isFalse();
		for (int t = 1190; t <= 1196; t++) {
			assertThat(d.alarms()[t]).as("day " + t).isTrue();
		}
		assertThat(d.alarms()[1197]).isFalse();
		// the spike, one year later, is in the baseline of 7-day sums ending within ±14 days
		int[] later = new int[1200];
		later[1190 - 365] = 30;
		later[1190] = 3;
		Detections d2 = detect(Frequency.DAILY, Map.of("years", "1"), later);
		// baseline of day 1190: sums ending at 825 + 7j, j = −2…2: 0, 0, 30, 0, 0 → 80th percentile 6
		assertThat(d2.thresholds()[1190]).isCloseTo(6.0, within(1e-12));
		assertThat(d2.alarms()[1190]).isFalse();
	}

	@Test
	void unknownOrBadParametersAreRejectedByName() {
		assertThatThrownBy(() -> detect(Frequency.WEEKLY, Map.of("alpha", "0.05"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("alpha"))
				.hasMessageContaining("is not a parameter of mpm (it takes years, window, percentile, minCount)");
		assertThatThrownBy(() -> detect(Frequency.WEEKLY, Map.of("percentile", "101"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("percentile"));
		assertThatThrownBy(() -> detect(Frequency.WEEKLY, Map.of("years", "0"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("years"));
		assertThatThrownBy(() -> detect(Frequency.WEEKLY, Map.of("window", "x"), 1))
				.isInstanceOfSatisfying(ParameterProblem.class, p -> assertThat(p.parameter()).isEqualTo("window"))
				.hasMessageContaining("whole number");
	}

}
