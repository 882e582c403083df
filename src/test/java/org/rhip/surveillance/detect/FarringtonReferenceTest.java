package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Farrington detectors against R's {@code surveillance::farrington} and
 * {@code farringtonFlexible} on the series and controls of
 * {@code src/test/resources/surveillance/reference/make-farrington.R} (its outputs are committed, so
 * no R is needed here): every threshold within 1e-6 relative of R's, the same points without one,
 * the same alarms.
 */
class FarringtonReferenceTest {

	private static final String DIR = "/surveillance/reference/";

	private static final double TOLERANCE = 1e-6;

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		List<String[]> rows = read("farrington-cases.tsv", "\t");
		for (String[] row : rows.subList(1, rows.size())) {
			cases.add(Arguments.of(row[0], row[1], row[2], row[3], row.length > 4 ? row[4] : ""));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {3} {4} on {1}")
	@MethodSource("cases")
	void agreesWithR(String name, String seriesName, String frequency, String method, String params) throws IOException {
		List<String[]> input = read("farrington-series-" + seriesName + ".csv", ",");
		List<String[]> expected = read("farrington-out-" + name + ".csv", ",");
		int n = input.size() - 1;
		LocalDate[] dates = new LocalDate[n];
		int[] counts = new int[n];
		for (int i = 0; i < n; i++) {
			dates[i] = LocalDate.parse(input.get(i + 1)[0]);
			counts[i] = Integer.parseInt(input.get(i + 1)[1]);
		}
		CountSeries series = CountSeries.of(Frequency.valueOf(frequency), dates, counts);
		Detections ours = Detectors.create(method, DetectorParams.of(parse(params))).detect(series);

		assertThat(expected).hasSize(n + 1);
		double maxRelative = 0;
		int thresholds = 0;
		int alarms = 0;
		for (int i = 0; i < n; i++) {
			String[] row = expected.get(i + 1);
			assertThat(row[0]).isEqualTo(dates[i].toString());
			String rThreshold = row[2];
			boolean rAlarm = row[3].equals("TRUE") || row[3].equals("1");
			double threshold = ours.thresholds()[i];
			if (rThreshold.isEmpty()) {
				assertThat(threshold).as("%s: point %d (%s) has no threshold in R", name, i, dates[i]).isNaN();
			}
			else {
				double r = Double.parseDouble(rThreshold);
				double relative = r == 0 ? Math.abs(threshold) : Math.abs(threshold - r) / Math.abs(r);
				assertThat(relative).as("%s: point %d (%s), ours %s, R %s", name, i, dates[i], threshold, r)
					.isLessThanOrEqualTo(TOLERANCE);
				maxRelative = Math.max(maxRelative, relative);
				thresholds++;
			}
			assertThat(ours.alarms()[i]).as("%s: alarm at point %d (%s)", name, i, dates[i]).isEqualTo(rAlarm);
			alarms += rAlarm ? 1 : 0;
		}
		System.out.printf("%-24s %5d thresholds %3d alarms, max relative difference %.3g%n", name, thresholds, alarms,
				maxRelative);
	}

	private static Map<String, String> parse(String params) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : params.split(";")) {
			if (!pair.isBlank()) {
				int eq = pair.indexOf('=');
				map.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return map;
	}

	private static List<String[]> read(String file, String separator) throws IOException {
		try (InputStream in = FarringtonReferenceTest.class.getResourceAsStream(DIR + file)) {
			assertThat(in).as(file).isNotNull();
			List<String[]> rows = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty()) {
					rows.add(line.split(separator, -1));
				}
			}
			return rows;
		}
	}

}
