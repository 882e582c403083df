package org.rhip.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.rhip.record.Measurement;
import org.rhip.record.RecordApi;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's blood pressure and glucose over time as the person page draws them
 * ({@code static/js/vitals.js}): one chart of systolic and diastolic pressure (mmHg), one of fasting
 * glucose (mmol/L, left axis) and HbA1c (%, right axis), each series as [time, value] points with
 * the diagnostic threshold as a reference line. One request, one audited read (through the record
 * module, which also applies the scope).
 */
@RestController
class VitalsController {

	/** A series: its key, the LOINC codes that feed it, its axis, and its reference line. */
	record Series(String key, Set<String> codes, int axis, BigDecimal reference) {
	}

	// 高血压: SBP ≥ 140 or DBP ≥ 90 mmHg (中国高血压防治指南 2018)
	static final Series SYSTOLIC = new Series("systolic", Set.of("8480-6"), 0, new BigDecimal("140"));

	static final Series DIASTOLIC = new Series("diastolic", Set.of("8462-4"), 0, new BigDecimal("90"));

	// 糖尿病: fasting plasma glucose ≥ 7.0 mmol/L, HbA1c ≥ 6.5 % (中国2型糖尿病防治指南 2020)
	static final Series FASTING_GLUCOSE = new Series("fasting", Set.of("1558-6", "14771-0", "76629-5"), 0,
			new BigDecimal("7.0"));

	static final Series HBA1C = new Series("hba1c", Set.of("4548-4", "17856-6"), 1, new BigDecimal("6.5"));

	/** mg/dL of glucose per mmol/L (molar mass 180.16 g/mol). */
	static final BigDecimal GLUCOSE_MG_PER_MMOL = new BigDecimal("18.016");

	private final RecordApi records;

	private final MessageSource messages;

	VitalsController(RecordApi records, MessageSource messages) {
		this.records = records;
		this.messages = messages;
	}

	@GetMapping("/persons/{id:\\d+}/vitals.json")
	Map<String, Object> vitals(@PathVariable long id, Locale locale) {
		List<String> codes = Stream.of(SYSTOLIC, DIASTOLIC, FASTING_GLUCOSE, HBA1C)
			.flatMap(s -> s.codes().stream())
			.sorted()
			.toList();
		List<Measurement> values = records.measurements(id, codes);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("blood-pressure", chart(List.of(label("vitals.axis.mmhg", locale)),
				List.of(series(SYSTOLIC, values, "mmHg", locale), series(DIASTOLIC, values, "mmHg", locale))));
		json.put("glucose", chart(List.of(label("vitals.axis.mmol", locale), label("vitals.axis.percent", locale)),
				List.of(series(FASTING_GLUCOSE, values, "mmol/L", locale), series(HBA1C, values, "%", locale))));
		return json;
	}

	private static Map<String, Object> chart(List<String> axes, List<Map<String, Object>> series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("axes", axes.stream().map(name -> Map.of("name", name)).toList());
		chart.put("series", series);
		return chart;
	}

	private Map<String, Object> series(Series s, List<Measurement> values, String unit, Locale locale) {
		List<List<Object>> points = new ArrayList<>();
		for (Measurement m : values) {
			if (s.codes().contains(m.code())) {
				// China time, as the records were taken: 2024-03-05T10:00+08:00
				points.add(List.of(m.at() != null ? m.at().atZoneSameInstant(SurveillancePages.CHINA).toOffsetDateTime().toString()
						: m.date().toString(), value(s, m)));
			}
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", s.key());
		json.put("name", label("vitals." + s.key(), locale));
		json.put("axis", s.axis());
		json.put("unit", unit);
		json.put("points", points);
		json.put("reference", s.reference());
		json.put("referenceLabel", s.reference().toPlainString() + (unit.equals("%") ? "%" : " " + unit));
		return json;
	}

	/** The value in the chart's unit: glucose sent in mg/dL is shown in mmol/L, like every Chinese laboratory. */
	static BigDecimal value(Series s, Measurement m) {
		if (s == FASTING_GLUCOSE && m.unit() != null && m.unit().replace(" ", "").equalsIgnoreCase("mg/dL")) {
			return m.value().divide(GLUCOSE_MG_PER_MMOL, 1, RoundingMode.HALF_UP);
		}
		return m.value().stripTrailingZeros().scale() < 0 ? m.value().setScale(0) : m.value().stripTrailingZeros();
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
