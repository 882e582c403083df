package org.rhip.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.security.CurrentUser;
import org.rhip.surveillance.EpidemicCurve;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The epidemic curve as the console draws it ({@code static/js/surveillance.js}): days, daily
 * counts, 7-day sums, each daily detector's threshold and the alarm days, with the labels in the
 * reader's language. The moving percentile method judges the 7-day sum, so its threshold and its
 * alarms go on the axis of the 7-day sums; the other methods judge the daily count.
 */
@RestController
class SurveillanceChartController {

	/** Methods whose threshold is on the 7-day sum rather than on the daily count. */
	static final List<String> ON_SEVEN_DAY_SUMS = List.of("mpm");

	private final SurveillanceApi surveillance;

	private final SurveillancePages pages;

	SurveillanceChartController(SurveillanceApi surveillance, SurveillancePages pages) {
		this.surveillance = surveillance;
		this.pages = pages;
	}

	@GetMapping("/surveillance/curve.json")
	Map<String, Object> curve(@RequestParam(defaultValue = "cases") String stream, @RequestParam String subject,
			@RequestParam String orgUnit, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		EpidemicCurve curve = surveillance.curve(stream, subject, orgUnit, from, to, CurrentUser.require());
		List<String> days = new ArrayList<>();
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < curve.counts().size(); i++) {
			LocalDate day = curve.from().plusDays(i);
			days.add(SurveillancePages.date(day));
			index.put(day, i);
		}
		List<Map<String, Object>> thresholds = new ArrayList<>();
		curve.thresholds().forEach((method, values) -> {
			boolean onSums = ON_SEVEN_DAY_SUMS.contains(method);
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("method", method);
			line.put("axis", onSums ? "sum" : "count");
			line.put("name", pages.label(onSums ? "curve.threshold-sum" : "curve.threshold",
					new Object[] { methodName(method, locale) }, locale));
			line.put("values", values);
			thresholds.add(line);
		});
		List<Map<String, Object>> alarms = new ArrayList<>();
		curve.alarmDays().forEach((method, alarmDays) -> {
			boolean onSums = ON_SEVEN_DAY_SUMS.contains(method);
			List<List<Object>> points = new ArrayList<>();
			for (LocalDate day : alarmDays) {
				Integer i = index.get(day);
				if (i != null) {
					points.add(List.of(days.get(i), onSums ? curve.sevenDaySums().get(i) : curve.counts().get(i)));
				}
			}
			if (!points.isEmpty()) {
				Map<String, Object> marks = new LinkedHashMap<>();
				marks.put("method", method);
				marks.put("axis", onSums ? "sum" : "count");
				marks.put("name", pages.label("curve.alarms", new Object[] { methodName(method, locale) }, locale));
				marks.put("points", points);
				alarms.add(marks);
			}
		});
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("stream", curve.stream());
		json.put("subject", curve.subject());
		json.put("name", pages.seriesName(curve.stream(), curve.subject(), locale));
		json.put("place", pages.placeName(curve.orgUnit(), locale));
		json.put("days", days);
		json.put("counts", curve.counts());
		json.put("sums", curve.sevenDaySums());
		json.put("thresholds", thresholds);
		json.put("alarms", alarms);
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("count", pages.label("curve.count." + curve.stream(), locale));
		for (String key : List.of("sum", "count-axis", "sum-axis")) {
			labels.put(key, pages.label("curve." + key, locale));
		}
		json.put("labels", labels);
		return json;
	}

	private String methodName(String method, Locale locale) {
		return pages.label("surveillance.method." + method, null, method, locale);
	}

}
