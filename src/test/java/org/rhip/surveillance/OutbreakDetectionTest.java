package org.rhip.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.surveillance.detect.Detectors;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End to end: a district (东丽区) with six years of case reports and sentinel counts at a city's
 * rates, and outbreaks injected in the last year, run through every detector. Each outbreak should
 * raise alarms on its series (in its street or the district) from its first day to a week after its
 * last; the quiet series-days should mostly stay quiet. The table of sensitivity and false-alarm rate
 * per detector is written to {@code target/outbreak-detection.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutbreakDetectionTest extends IntegrationTest {

	static final String DISTRICT = "120110";

	static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);

	static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);

	static final int LATE_DAYS = 7;

	@Autowired
	SurveillanceApi surveillance;

	@Autowired
	JdbcClient jdbc;

	SimulatedDistrict district;

	final Map<String, Score> scores = new LinkedHashMap<>();

	record Score(int caseOutbreaks, int caseDetected, int sentinelOutbreaks, int sentinelDetected, long quietAlarms,
			long quietSeriesPoints, int series, double seconds, double medianDelayDays) {

		double sensitivity() {
			return caseOutbreaks == 0 ? 0 : (double) caseDetected / caseOutbreaks;
		}

		double falseAlarmRate() {
			return quietSeriesPoints == 0 ? 0 : (double) quietAlarms / quietSeriesPoints;
		}

	}

	@BeforeAll
	void simulateAndDetect() throws IOException {
		district = surveillance.simulate(DISTRICT, LocalDate.of(2019, 1, 1), YEAR_END, YEAR_START, 16, 20251123L, 1.0);
		for (String method : Detectors.METHODS) {
			long start = System.nanoTime();
			DetectionResult result = surveillance.detectWith(DISTRICT, YEAR_START, YEAR_END, List.of(method), true);
			scores.put(method, score(method, result.series(), (System.nanoTime() - start) / 1e9));
		}
		StringBuilder table = new StringBuilder("| detector | case outbreaks found | sentinel echoes found | sensitivity (cases) "
				+ "| median days, outbreak start to first alarm (cases) | false alarms / quiet series-points | false-alarm rate "
				+ "| run (s) |\n|---|---|---|---|---|---|---|---|\n");
		scores.forEach((method, s) -> table.append(String.format("| %s | %d / %d | %d / %d | %.2f | %.1f | %d / %d | %.4f | %.1f |%n",
				method, s.caseDetected(), s.caseOutbreaks(), s.sentinelDetected(), s.sentinelOutbreaks(), s.sensitivity(),
				s.medianDelayDays(), s.quietAlarms(), s.quietSeriesPoints(), s.falseAlarmRate(), s.seconds())));
		Files.writeString(Path.of("target", "outbreak-detection.md"), "Simulated " + DISTRICT + ": " + district.cards()
				+ " cards, " + district.counts() + " sentinel rows, " + district.outbreaks().size()
				+ " injected series-outbreaks; detection over " + YEAR_START + ".." + YEAR_END + "\n\n" + table);
		System.out.println(table);
	}

	@Test
	void theOutbreakDetectorsFindMostOutbreaksAndStayMostlyQuiet() {
		for (String method : List.of("ears-c1", "ears-c2", "ears-c3", "farrington", "farrington-flexible")) {
			Score s = scores.get(method);
			assertThat(s.sensitivity()).as(method + " sensitivity").isGreaterThanOrEqualTo(0.75);
			assertThat(s.falseAlarmRate()).as(method + " false-alarm rate").isLessThan(0.05);
		}
	}

	@Test
	void theMovingPercentileMethodFindsOutbreaksAtTheCostOfMoreSignals() {
		// a 7-day sum above the 80th percentile of 15 earlier periods: by construction about one quiet
		// period in five exceeds it, less where counts are too small to pass minCount
		Score mpm = scores.get("mpm");
		assertThat(mpm.sensitivity()).isGreaterThanOrEqualTo(0.75);
		assertThat(mpm.falseAlarmRate()).isBetween(0.02, 0.25);
	}

	@Test
	void oneCaseIsASignalForTheFixedThreshold() {
		Score fixed = scores.get("fixed");
		assertThat(fixed.sensitivity()).isEqualTo(1.0);
		// every day with a case of any disease alarms: useless for common diseases, which is why only class A uses it
		assertThat(fixed.falseAlarmRate()).isGreaterThan(0.05);
	}

	@Test
	void anOutbreakSeenByCasesSchoolsClinicsAndPharmaciesIsAnOrangeOrRedAlert() {
		RhipPrincipal analyst = new RhipPrincipal("analyst", Role.ANALYST, java.util.Optional.empty(), false);
		List<AlertView> alerts = surveillance.alerts(DISTRICT, YEAR_START, YEAR_END, analyst);
		assertThat(alerts).anySatisfy(a -> {
			assertThat(a.level()).isIn("orange", "red");
			assertThat(a.sources()).contains("cases", "school");
		});
	}

	private Score score(String method, int series, double seconds) {
		record Hit(String stream, String subject, String orgUnit, LocalDate day, String frequency) {
		}
		List<Hit> alarms = jdbc.sql("""
				select s.stream, s.subject, s.org_unit_code, a.day, a.frequency
				from surveillance.alarm a join surveillance.signal s on s.id = a.signal_id
				where a.method = :method and a.day between :from and :to
				  and s.org_unit_code in (select unnest(:units::text[]))
				""")
			.param("method", method).param("from", YEAR_START.minusDays(6)).param("to", YEAR_END)
			.param("units", units())
			.query((rs, n) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
		int caseOutbreaks = 0;
		int caseDetected = 0;
		int sentinelOutbreaks = 0;
		int sentinelDetected = 0;
		List<Hit> explained = new ArrayList<>();
		List<Long> delays = new ArrayList<>();
		long windowPoints = 0;
		boolean weekly = method.startsWith("farrington");
		for (InjectedOutbreak o : district.outbreaks()) {
			LocalDate until = o.end().plusDays(LATE_DAYS);
			List<Hit> found = alarms.stream()
				.filter(h -> h.stream().equals(o.stream()) && h.subject().equals(o.subject())
						&& (h.orgUnit().equals(o.street()) || h.orgUnit().equals(DISTRICT)))
				.filter(h -> !h.day().isAfter(until) && !h.day().plusDays(weekly ? 6 : 0).isBefore(o.start()))
				.toList();
			explained.addAll(found);
			long points = ChronoUnit.DAYS.between(o.start(), until) + 1;
			windowPoints += 2 * (weekly ? (points + 6) / 7 : points);
			if (o.stream().equals("cases")) {
				caseOutbreaks++;
				caseDetected += found.isEmpty() ? 0 : 1;
				found.stream()
					.map(h -> weekly ? h.day().plusDays(6) : h.day())
					.min(LocalDate::compareTo)
					.ifPresent(first -> delays.add(Math.max(0, ChronoUnit.DAYS.between(o.start(), first))));
			}
			else {
				sentinelOutbreaks++;
				sentinelDetected += found.isEmpty() ? 0 : 1;
			}
		}
		long quietAlarms = alarms.stream().filter(h -> !explained.contains(h)).count();
		// quiet points: the series with at least one count in the year (only they can alarm), outside the windows
		long points = (long) activeSeries() * (weekly ? 52 : 365) - windowPoints;
		delays.sort(null);
		double median = delays.isEmpty() ? Double.NaN
				: (delays.get((delays.size() - 1) / 2) + delays.get(delays.size() / 2)) / 2.0;
		return new Score(caseOutbreaks, caseDetected, sentinelOutbreaks, sentinelDetected, quietAlarms, points, series,
				seconds, median);
	}

	/** Series (street or district) with a count in the year: a series of zeros cannot alarm. */
	private int activeSeries() {
		String active = """
				select disease_code subject, org_unit_code from surveillance.case_report
				where status = 'active' and org_unit_code like '120110%' and report_time >= '2025-01-01'
				  and report_time < '2026-01-01'
				union
				select source_code || '/' || syndrome_code, org_unit_code from surveillance.sentinel_count
				where org_unit_code like '120110%' and day between '2025-01-01' and '2025-12-31' and count > 0
				""";
		int streets = jdbc.sql("select count(*) from (" + active + ") x").query(Integer.class).single();
		int district = jdbc.sql("select count(distinct subject) from (" + active + ") x").query(Integer.class).single();
		return streets + district;
	}

	private String[] units() {
		List<String> units = new ArrayList<>();
		units.add(DISTRICT);
		for (int i = 1; i <= 10; i++) {
			units.add(String.format("%s%03d", DISTRICT, i));
		}
		return units.toArray(String[]::new);
	}

}
