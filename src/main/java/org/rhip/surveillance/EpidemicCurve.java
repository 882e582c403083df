package org.rhip.surveillance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One series for the console's epidemic curve: daily counts and 7-day sums from {@code from}, each
 * daily detector's threshold per day (null where it has too little history; the moving percentile
 * method's threshold is on the 7-day sum), and the days of stored alarms.
 */
public record EpidemicCurve(String stream, String subject, String subjectName, String orgUnit, String orgUnitName,
		LocalDate from, List<Integer> counts, List<Integer> sevenDaySums, Map<String, List<Double>> thresholds,
		Map<String, List<LocalDate>> alarmDays) {
}
