package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Small cases of the Farrington detectors worked by hand; R agreement is FarringtonReferenceTest's. */
class FarringtonTest {

	private static final LocalDate MONDAY = LocalDate.of(2015, 1, 5);

	private static Detections detect(String method, Map<String, String> params, int... counts) {
		return Detectors.create(method, DetectorParams.of(params)).detect(CountSeries.starting(Frequency.WEEKLY, MONDAY,
				counts));
	}

	private static int[] flat(int weeks, int count) {
		int[] counts = new int[weeks];
		Arrays.fill(counts, count);
		return counts;
	}

	@Test
	void tooLittleHistoryGivesNoThresholdAndNoAlarm() {
		// b = 5 years of 52 weeks and w = 3: the first point with the whole baseline is index 5*52+3 = 263
		int[] counts = flat(264, 10);
		counts[262] = 100;
		for (String method : new String[] { "farrington", "farrington-flexible" }) {
			Detections result = detect(method, Map.of(), counts);
			for (int t = 0; t < 263; t++) {
				assertThat(result.thresholds()[t]).as("%s at %d", method, t).isNaN();
				assertThat(result.alarms()[t]).as("%s at %d", method, t).isFalse();
			}
			assertThat(result.hasThreshold(263)).as(method).isTrue();
			assertThat(detect(method, Map.of(), Arrays.copyOf(counts, 263)).alarmCount()).isZero();
		}
		// a shorter b needs less history
		assertThat(detect("farrington", Map.of("b", "1"), flat(60, 3)).hasThreshold(55)).isTrue();
		assertThat(detect("farrington", Map.of("b", "1"), flat(60, 3)).hasThreshold(54)).isFalse();
	}

	@Test
	void aSpikeInAFlatSeriesAlarmsWithTheHandComputedThreshold() {
		// baseline of 35 tens: mu0 = 10, phi = 1 (floor), Var(mu0) = mu0^2 / (35 * 10), so tau = 1 + 1/35
		int[] counts = flat(300, 10);
		counts[299] = 30;
		double z = 1.959963984540054;
		double expected = Math.pow(Math.pow(10, 2.0 / 3) + z * Math.sqrt(4.0 / 9 * Math.cbrt(10) * (1 + 1.0 / 35)), 1.5);
		Detections original = detect("farrington", Map.of(), counts);
		assertThat(original.thresholds()[299]).isCloseTo(expected, within(1e-8));
		assertThat(original.thresholds()[298]).isCloseTo(expected, within(1e-8));
		assertThat(original.alarms()[299]).isTrue();
		assertThat(original.alarms()[298]).isFalse();
		assertThat(original.alarmCount()).isOne();
		// R: 16.904416556681717 at all three points, alarm only at the spike
		assertThat(expected).isCloseTo(16.904416556681717, within(1e-9));

		// flexible: one-sided z = qnorm(0.95), and R's prediction error uses the dispersion
		// sum(omega (y - mu)^2 / mu^2)/(n - 1) = 0 here, so tau = phi = 1
		double flexible = Math.pow(Math.pow(10, 2.0 / 3) + 1.6448536269514715 * Math.sqrt(4.0 / 9 * Math.cbrt(10)), 1.5);
		Detections improved = detect("farrington-flexible", Map.of(), counts);
		assertThat(improved.thresholds()[299]).isCloseTo(flexible, within(1e-8));
		assertThat(flexible).isCloseTo(15.629245690763041, within(1e-9));
		assertThat(improved.alarms()[299]).isTrue();
		assertThat(improved.alarmCount()).isOne();
	}

	@Test
	void anAllZeroBaselineGivesAlarmsOnlyOnceLimit54IsMet() {
		int[] counts = new int[300];
		Detections quiet = detect("farrington", Map.of(), counts);
		// limit54 (5 cases in 4 weeks) not met: R's algo.farrington gives upperbound 0, farringtonFlexible NA
		for (int t = 263; t < 300; t++) {
			assertThat(quiet.thresholds()[t]).isZero();
		}
		assertThat(quiet.alarmCount()).isZero();
		Detections quietFlexible = detect("farrington-flexible", Map.of(), counts);
		assertThat(quietFlexible.hasThreshold(299)).isFalse();
		assertThat(quietFlexible.alarmCount()).isZero();

		counts[298] = 2;
		counts[299] = 3;
		for (String method : new String[] { "farrington", "farrington-flexible" }) {
			Detections result = detect(method, Map.of(), counts);
			// the fit drives the mean toward 0: a threshold of a few thousandths, so 3 cases alarm
			assertThat(result.thresholds()[299]).as(method).isPositive().isLessThan(0.01);
			assertThat(result.alarms()[299]).as(method).isTrue();
			assertThat(result.alarms()[298]).as(method + ": 2 cases in 4 weeks are below limit54").isFalse();
		}
		// nbPlugin: the negative binomial quantile of a mean near 0 is 0
		Detections plugin = detect("farrington-flexible", Map.of("thresholdMethod", "nbPlugin"), counts);
		assertThat(plugin.thresholds()[299]).isZero();
		assertThat(plugin.alarms()[299]).isTrue();
	}

	@Test
	void aNormalSeasonalPeakDoesNotAlarmWithSeasonalFactors() {
		int[] counts = new int[364];
		for (int t = 0; t < counts.length; t++) {
			counts[t] = (int) Math.round(20 + 15 * Math.sin(2 * Math.PI * (t + 1) / 52));
		}
		Map<String, String> noufaily = Map.of("noPeriods", "10", "pastWeeksNotIncluded", "26", "thresholdMethod", "muan");
		Detections result = detect("farrington-flexible", noufaily, counts);
		int peak = 0;
		for (int t = 263; t < 364; t++) {
			assertThat(result.hasThreshold(t)).isTrue();
			if (counts[t] == 35) {
				peak++;
				assertThat(result.thresholds()[t]).as("peak week %d", t).isGreaterThanOrEqualTo(35);
			}
		}
		assertThat(peak).isPositive();
		assertThat(result.alarmCount()).isZero();

		// the same series with 15 extra cases in a trough week does alarm there
		int trough = 350;
		assertThat(counts[trough]).isLessThan(10);
		counts[trough] += 15;
		Detections outbreak = detect("farrington-flexible", noufaily, counts);
		assertThat(outbreak.alarms()[trough]).isTrue();
	}

	@Test
	void dailySeriesUseAYearOf365Days() {
		int[] counts = new int[3 * 365 + 7 + 10];
		Arrays.fill(counts, 4);
		counts[counts.length - 1] = 20;
		CountSeries daily = CountSeries.starting(Frequency.DAILY, LocalDate.of(2015, 1, 1), counts);
		Detections result = Detectors.create("farrington", DetectorParams.of(Map.of("b", "3", "w", "7"))).detect(daily);
		assertThat(result.hasThreshold(3 * 365 + 6)).isFalse();
		assertThat(result.hasThreshold(3 * 365 + 7)).isTrue();
		assertThat(result.alarmCount()).isOne();
		assertThat(result.alarms()[counts.length - 1]).isTrue();
	}

	@Test
	void unknownParametersAreRejected() {
		// pThresholdTrend belongs to farringtonFlexible; algo.farrington has a fixed 0.05
		assertThatThrownBy(() -> Detectors.create("farrington", DetectorParams.of(Map.of("pThresholdTrend", "0.1"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("pThresholdTrend"))
			.hasMessageContaining("not a parameter of farrington");
		assertThatThrownBy(() -> Detectors.create("farrington-flexible", DetectorParams.of(Map.of("nPeriods", "10"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("nPeriods"));
	}

	@Test
	void badValuesAreRejectedNamingTheParameter() {
		assertThatThrownBy(
				() -> Detectors.create("farrington-flexible", DetectorParams.of(Map.of("thresholdMethod", "poisson"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("thresholdMethod"))
			.hasMessageContaining("thresholdMethod")
			.hasMessageContaining("delta, nbPlugin, muan");
		assertThatThrownBy(() -> Detectors.create("farrington", DetectorParams.of(Map.of("limit54", "5"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("limit54"));
		assertThatThrownBy(() -> Detectors.create("farrington", DetectorParams.of(Map.of("limit54", "5,0"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("limit54"));
		assertThatThrownBy(() -> Detectors.create("farrington", DetectorParams.of(Map.of("powertrans", "1/3"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("powertrans"));
		assertThatThrownBy(() -> Detectors.create("farrington", DetectorParams.of(Map.of("alpha", "1.5"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("alpha"));
		assertThatThrownBy(() -> Detectors.create("farrington-flexible", DetectorParams.of(Map.of("b", "0"))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("b"));
		// 47 blocks cannot fit in the 52 - 7 = 45 weeks between two windows
		Detector tooMany = Detectors.create("farrington-flexible", DetectorParams.of(Map.of("noPeriods", "47")));
		assertThatThrownBy(() -> tooMany.detect(CountSeries.starting(Frequency.WEEKLY, MONDAY, flat(300, 5))))
			.isInstanceOfSatisfying(ParameterProblem.class, e -> assertThat(e.parameter()).isEqualTo("noPeriods"));
	}

	@Test
	void distributionFunctionsAgreeWithR() {
		// values printed by R 4.2.2
		double[][] qnorm = { { 0.5, 0 }, { 0.9, 1.2815515655446008 }, { 0.95, 1.6448536269514715 },
				{ 0.975, 1.9599639845400536 }, { 0.99, 2.3263478740408408 }, { 0.995, 2.5758293035488999 },
				{ 0.999, 3.0902323061678132 }, { 0.9999, 3.7190164854557084 }, { 1 - 1e-8, 5.6120012433055058 },
				{ 1 - 1e-12, 7.0344869100478356 }, { 0.01, -2.3263478740408408 }, { 0.07, -1.4757910281791702 },
				{ 0.08, -1.4050715603096322 }, { 0.3, -0.52440051270804067 } };
		for (double[] pair : qnorm) {
			assertThat(Distributions.qnorm(pair[0])).as("qnorm(%s)", pair[0]).isCloseTo(pair[1], within(1e-15));
		}
		assertThat(Distributions.qnbinom(0.95, 0.3, 0.2)).isEqualTo(6);
		assertThat(Distributions.pnbinom(3, 0.3, 0.2)).isCloseTo(0.88935805582830962, within(1e-14));
		assertThat(Distributions.pnbinom(40, 2.5, 0.1)).isCloseTo(0.88247912774732551, within(1e-14));
		assertThat(Distributions.ppois(7, 3.3)).isCloseTo(0.98022290886528551, within(1e-14));
		assertThat(Distributions.tTwoSided(-2.1, 33)).isCloseTo(0.043454619610266906, within(1e-14));
		assertThat(Distributions.qpois(0.95, 3.3)).isEqualTo(7);
		assertThat(Distributions.qpois(0.95, 0)).isZero();
	}

}
