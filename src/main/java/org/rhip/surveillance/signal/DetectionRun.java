package org.rhip.surveillance.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.surveillance.DetectionResult;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.detect.CountSeries;
import org.rhip.surveillance.detect.Detections;
import org.rhip.surveillance.detect.Detector;
import org.rhip.surveillance.detect.Detectors;
import org.rhip.surveillance.detect.Frequency;
import org.rhip.surveillance.reference.DetectionConfig;
import org.rhip.surveillance.reference.DetectorSpec;
import org.rhip.surveillance.reference.ReferenceData;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the configured detectors over every series of a district — each disease's case reports and
 * each sentinel source/syndrome, per street (or town) and for the whole district — and stores the
 * alarms that fall in [from, to] as signals. History before {@code from} is read as far back as the
 * detectors look. Running the same days again finds the same alarms and adds nothing.
 */
@Service
public class DetectionRun {

	private static final Set<String> REGION_KINDS = Set.of("district", "county_city");

	private final CountStore counts;

	private final SignalStore signals;

	private final MultiPointTrigger trigger;

	private final RegistryApi registry;

	private final ReferenceData reference;

	private final DetectionConfig config;

	DetectionRun(CountStore counts, SignalStore signals, MultiPointTrigger trigger, RegistryApi registry,
			ReferenceData reference, DetectionConfig config) {
		this.counts = counts;
		this.signals = signals;
		this.trigger = trigger;
		this.registry = registry;
		this.reference = reference;
		this.config = config;
	}

	/** Detects with the configured detectors. */
	@Transactional
	public DetectionResult run(String regionCode, LocalDate from, LocalDate to) {
		return run(regionCode, from, to, Optional.empty(), Optional.empty(), false);
	}

	/**
	 * Detects over one subject only (e.g. a disease just reported), or with {@code override} in place of
	 * the configured detectors for every series (the benchmark runs every method this way). With
	 * {@code everySeries}, disease series without a single case are run too: every notifiable disease
	 * in every street and the district.
	 */
	@Transactional
	public DetectionResult run(String regionCode, LocalDate from, LocalDate to, Optional<List<DetectorSpec>> override,
			Optional<String> onlySubject, boolean everySeries) {
		OrgUnit region = registry.orgUnit(regionCode);
		if (!REGION_KINDS.contains(region.kind())) {
			throw new InvalidInput("detection.region", "region", regionCode + " is not a district or county-level city");
		}
		if (to.isBefore(from)) {
			throw new InvalidInput("detection.period", "to", "the period ends before it starts");
		}
		Places places = places(region);
		int years = override.map(l -> l.stream().mapToInt(DetectorSpec::yearsBack).max().orElse(0))
			.orElse(config.maxYearsBack());
		LocalDate loadFrom = from.minusDays(365L * Math.max(years, 1) + 120);
		int days = (int) ChronoUnit.DAYS.between(loadFrom, to) + 1;

		long readStart = System.nanoTime();
		Map<SeriesKey, int[]> stored = counts.daily(places.units(), loadFrom, to, onlySubject.orElse(null));
		Map<SeriesKey, int[]> series = new LinkedHashMap<>();
		if (everySeries) {
			List<String> allPlaces = new ArrayList<>(new java.util.TreeSet<>(places.streetOf().values()));
			allPlaces.add(region.code());
			for (String place : allPlaces) {
				reference.diseases().forEach(d -> series.put(new SeriesKey("cases", d.code(), place), new int[days]));
			}
		}
		stored.forEach((key, values) -> {
			String street = places.streetOf().get(key.orgUnit());
			if (street != null) {
				addInto(series, new SeriesKey(key.stream(), key.subject(), street), values, days);
			}
			addInto(series, new SeriesKey(key.stream(), key.subject(), region.code()), values, days);
		});

		long detectStart = System.nanoTime();
		Map<DetectorSpec, Detector> detectors = new java.util.concurrent.ConcurrentHashMap<>();
		Map<SeriesKey, Boolean> classA = new java.util.concurrent.ConcurrentHashMap<>();
		// series are independent: both cores share them
		List<SeriesOutcome> outcomes = series.entrySet().parallelStream().map(entry -> {
			SeriesKey key = entry.getKey();
			boolean a = key.stream().equals("cases") && reference.disease(key.subject())
				.flatMap(d -> d.listingOn(to))
				.map(Disease.Listing::classAMeasures)
				.orElse(false);
			classA.put(key, a);
			List<DetectorSpec> specs = override
				.orElseGet(() -> key.stream().equals("cases") ? config.forDisease(key.subject(), a) : config.forSentinel());
			return detect(key, entry.getValue(), specs, detectors, loadFrom, from, to);
		}).toList();
		Map<String, Long> nanos = new java.util.TreeMap<>(java.util.Comparator.comparing(Detectors.METHODS::indexOf));
		Map<String, Integer> alarmsByMethod = new java.util.TreeMap<>(java.util.Comparator.comparing(Detectors.METHODS::indexOf));
		List<Alarm> alarms = new ArrayList<>();
		for (SeriesOutcome outcome : outcomes) {
			outcome.nanos().forEach((m, n) -> nanos.merge(m, n, Long::sum));
			for (Alarm alarm : outcome.alarms()) {
				alarms.add(alarm);
				alarmsByMethod.merge(alarm.method(), 1, Integer::sum);
			}
		}
		long start = System.nanoTime();
		SignalStore.Stored stored2 = signals.store(places.units(), from, to, alarms, classA);
		int alerts = trigger.update(region, places.streetOf(), from, to);
		return new DetectionResult(region.code(), from, to, series.size(), nanos, alarmsByMethod, stored2.newAlarms(),
				stored2.newSignals().size(), stored2.extendedSignals(), alerts, detectStart - readStart, start - detectStart,
				System.nanoTime() - start);
	}

	private record SeriesOutcome(List<Alarm> alarms, Map<String, Long> nanos) {
	}

	/**
	 * Every detector of one series; the alarms whose days end in [from, to]. A series without a
	 * single count cannot alarm under any method (a count of 0 never exceeds a threshold, and the
	 * fixed threshold is at least 1), so it is skipped.
	 */
	private static SeriesOutcome detect(SeriesKey key, int[] daily, List<DetectorSpec> specs,
			Map<DetectorSpec, Detector> detectors, LocalDate loadFrom, LocalDate from, LocalDate to) {
		if (java.util.Arrays.stream(daily).allMatch(n -> n == 0)) {
			return new SeriesOutcome(List.of(), Map.of());
		}
		List<Alarm> alarms = new ArrayList<>();
		Map<String, Long> nanos = new HashMap<>();
		CountSeries dailySeries = null;
		CountSeries weeklySeries = null;
		for (DetectorSpec spec : specs) {
			CountSeries input;
			if (spec.frequency() == Frequency.DAILY) {
				input = dailySeries = dailySeries != null ? dailySeries : CountSeries.starting(Frequency.DAILY, loadFrom, daily);
			}
			else {
				input = weeklySeries = weeklySeries != null ? weeklySeries : weekly(daily, loadFrom, to);
			}
			Detector detector = detectors.computeIfAbsent(spec, DetectorSpec::detector);
			long start = System.nanoTime();
			// only the points whose days can fall in [from, to] are needed
			int firstNeeded = Math.max(0, input.indexOf(spec.frequency() == Frequency.WEEKLY
					? from.minusDays(6).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
					: from));
			Detections found = detector.alarms(input, firstNeeded);
			nanos.merge(spec.method(), System.nanoTime() - start, Long::sum);
			for (int t = 0; t < found.size(); t++) {
				if (!found.alarms()[t]) {
					continue;
				}
				LocalDate day = input.date(t);
				LocalDate lastDay = spec.frequency() == Frequency.WEEKLY ? day.plusDays(6) : day;
				if (!lastDay.isBefore(from) && !lastDay.isAfter(to)) {
					alarms.add(new Alarm(key, spec.frequency(), day, spec.method(), input.count(t), found.thresholds()[t]));
				}
			}
		}
		return new SeriesOutcome(alarms, nanos);
	}

	/** The daily series of one subject and place, with its history, for charts. */
	public CountSeries dailySeries(SeriesKey key, LocalDate from, LocalDate to) {
		OrgUnit unit = registry.orgUnit(key.orgUnit());
		List<String> units = registry.subtreeCodes(unit.code());
		Map<SeriesKey, int[]> stored = counts.daily(units, from, to, key.subject());
		int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
		int[] sum = new int[days];
		stored.forEach((k, v) -> {
			if (k.stream().equals(key.stream())) {
				for (int i = 0; i < days; i++) {
					sum[i] += v[i];
				}
			}
		});
		return CountSeries.starting(Frequency.DAILY, from, sum);
	}

	/** Weekly sums of complete ISO weeks (Monday to Sunday) within [from, to], dated by their Monday. */
	static CountSeries weekly(int[] daily, LocalDate from, LocalDate to) {
		LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
		int offset = (int) ChronoUnit.DAYS.between(from, firstMonday);
		int weeks = (int) ((ChronoUnit.DAYS.between(firstMonday, to) + 1) / 7);
		int[] sums = new int[Math.max(weeks, 0)];
		for (int w = 0; w < sums.length; w++) {
			int s = 0;
			for (int d = 0; d < 7; d++) {
				s += daily[offset + w * 7 + d];
			}
			sums[w] = s;
		}
		return CountSeries.starting(Frequency.WEEKLY, firstMonday, sums);
	}

	/** The org units of a district, and for each the street or town it lies in. */
	record Places(List<String> units, Map<String, String> streetOf) {
	}

	Places places(OrgUnit region) {
		Map<String, String> streetOf = new HashMap<>();
		for (OrgUnit street : registry.children(region.code())) {
			for (String code : registry.subtreeCodes(street.code())) {
				streetOf.put(code, street.code());
			}
		}
		return new Places(registry.subtreeCodes(region.code()), streetOf);
	}

	private static void addInto(Map<SeriesKey, int[]> series, SeriesKey key, int[] values, int days) {
		int[] sum = series.computeIfAbsent(key, k -> new int[days]);
		for (int i = 0; i < days; i++) {
			sum[i] += values[i];
		}
	}

}
