package org.rhip.surveillance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our EARS C1–C3 and CUSUM against R's {@code surveillance} 1.20.3, and the moving percentile
 * method against R's {@code quantile} on the same definition, on the series and cases that
 * {@code src/test/resources/surveillance/reference/make-ears-cusum.R} wrote (R is not needed to run
 * this test). Thresholds agree within 1e-9 relative, alarms exactly.
 */
class EarsCusumReferenceTest {

	private static final String FOLDER = "/surveillance/reference/";

	@TestFactory
	Stream<DynamicTest> agreesWithR() {
		List<String[]> cases = rows(FOLDER + "cases.csv");
		assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
		return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " (" + c[2] + " " + c[3] + ")",
				() -> check(c[0], c[1], c[2], c.length > 3 ? c[3] : "")));
	}

	private static void check(String name, String input, String method, String paramText) {
		CountSeries series = SeriesCsv.read(text(FOLDER + input));
		Detections ours = Detectors.create(method, DetectorParams.of(params(paramText))).detect(series);
		List<String[]> expected = rows(FOLDER + name + ".csv");
		assertThat(expected).hasSize(series.size());
		double maxRelative = 0;
		int compared = 0;
		for (int t = 0; t < series.size(); t++) {
			String[] row = expected.get(t);
			String at = name + " point " + (t + 1) + " " + row[0];
			assertThat(series.date(t).toString()).as(at).isEqualTo(row[0]);
			assertThat(series.count(t)).as(at).isEqualTo(Integer.parseInt(row[1]));
			String rThreshold = row.length > 2 ? row[2] : "";
			String rAlarm = row.length > 3 ? row[3] : "";
			double threshold = ours.thresholds()[t];
			if (method.equals("cusum") && !Double.isNaN(threshold)) {
				// R's upper bound: alarm <=> count >= bound, floored at 0; ours: alarm <=> count > threshold
				threshold = Math.max(0, threshold + 1);
			}
			if (rThreshold.isEmpty()) {
				assertThat(threshold).as(at + " threshold").isNaN();
				assertThat(ours.alarms()[t]).as(at + " alarm (R: " + (rAlarm.isEmpty() ? "NA" : rAlarm) + ")").isFalse();
				continue;
			}
			double r = Double.parseDouble(rThreshold);
			assertThat(threshold).as(at + " threshold").isNotNaN();
			double relative = r == threshold ? 0 : Math.abs(threshold - r) / Math.max(Math.abs(r), Math.abs(threshold));
			assertThat(relative).as(at + " threshold " + threshold + " vs R " + r).isLessThanOrEqualTo(1e-9);
			maxRelative = Math.max(maxRelative, relative);
			assertThat(ours.alarms()[t]).as(at + " alarm").isEqualTo(rAlarm.equals("1"));
			if (!method.equals("mpm")) { // mpm compares the 7-day sum of a daily series, not the count
				assertThat(ours.alarms()[t]).as(at + " alarm <=> count > threshold")
						.isEqualTo(series.count(t) > ours.thresholds()[t]);
			}
			compared++;
		}
		System.out.printf("reference %-36s %4d thresholds, max relative difference %.3g%n", name, compared, maxRelative);
		assertThat(compared).as(name + " compares some thresholds").isPositive();
	}

	private static Map<String, String> params(String text) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			if (!pair.isBlank()) {
				String[] nameValue = pair.split("=", 2);
				params.put(nameValue[0], nameValue[1]);
			}
		}
		return params;
	}

	private static List<String[]> rows(String resource) {
		List<String[]> rows = new ArrayList<>();
		String[] lines = text(resource).split("\\R");
		for (int i = 1; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				rows.add(lines[i].split(",", -1));
			}
		}
		return rows;
	}

	private static String text(String resource) {
		try (InputStream in = EarsCusumReferenceTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
