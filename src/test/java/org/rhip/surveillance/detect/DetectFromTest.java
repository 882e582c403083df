package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A detection run asks only for the points of its period ({@code detect(series, from)}); the answer
 * for those points must be exactly the one of a full run, for every method.
 */
class DetectFromTest {

	@ParameterizedTest
	@ValueSource(strings = { "fixed", "mpm", "ears-c1", "ears-c2", "ears-c3", "farrington", "farrington-flexible", "cusum" })
	void pointsFromTheStartOfThePeriodAreTheSameAsInAFullRun(String method) {
		for (Frequency frequency : Frequency.values()) {
			CountSeries series = seasonal(frequency, 6 * frequency.periodsPerYear() + 20);
			int from = series.size() - frequency.periodsPerYear();
			Detector detector = Detectors.create(method, DetectorParams.none());
			Detections full = detector.detect(series);
			Detections part = detector.detect(series, from);
			Detections alarmsOnly = detector.alarms(series, from);
			for (int t = from; t < series.size(); t++) {
				assertThat(alarmsOnly.alarms()[t]).as(method + " " + frequency + " alarms-only at " + t).isEqualTo(full.alarms()[t]);
				assertThat(Double.valueOf(part.thresholds()[t])).as(method + " " + frequency + " threshold at " + t)
					.isEqualTo(Double.valueOf(full.thresholds()[t]));
				assertThat(part.alarms()[t]).as(method + " " + frequency + " alarm at " + t).isEqualTo(full.alarms()[t]);
			}
		}
	}

	private static CountSeries seasonal(Frequency frequency, int size) {
		Random random = new Random(7);
		int[] counts = new int[size];
		for (int t = 0; t < size; t++) {
			double mean = 4 + 3 * Math.sin(2 * Math.PI * t / frequency.periodsPerYear());
			counts[t] = (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
		}
		counts[size - 10] += 25;
		for (int t = size - 40; t < size - 30; t++) {
			counts[t] = 0; // zeros, which the alarms-only run skips
		}
		LocalDate start = frequency == Frequency.WEEKLY ? LocalDate.of(2019, 1, 7) : LocalDate.of(2019, 1, 1);
		return CountSeries.starting(frequency, start, counts);
	}

}
