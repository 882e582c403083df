package org.rhip.surveillance;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;
import org.rhip.surveillance.cases.CaseReports;
import org.rhip.surveillance.detect.CountSeries;
import org.rhip.surveillance.detect.Detections;
import org.rhip.surveillance.demo.SurveillanceDemoData;
import org.rhip.surveillance.detect.Frequency;
import org.rhip.surveillance.reference.DetectionConfig;
import org.rhip.surveillance.reference.DetectorSpec;
import org.rhip.surveillance.reference.ReferenceData;
import org.rhip.surveillance.sentinel.SentinelCounts;
import org.rhip.surveillance.signal.DetectionRun;
import org.rhip.surveillance.signal.SeriesKey;
import org.rhip.surveillance.signal.SignalResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 传染病监测预警 — what other modules and the console use: case report cards, sentinel counts,
 * detection runs, signals with their response, alerts and epidemic curves.
 */
@Service
public class SurveillanceApi {

	private final CaseReports cases;

	private final SentinelCounts sentinel;

	private final DetectionRun detection;

	private final SignalResponse response;

	private final ReferenceData reference;

	private final DetectionConfig config;

	private final RegistryApi registry;

	private final JdbcClient jdbc;

	private final SurveillanceDemoData demo;

	SurveillanceApi(CaseReports cases, SentinelCounts sentinel, DetectionRun detection, SignalResponse response,
			ReferenceData reference, DetectionConfig config, RegistryApi registry, JdbcClient jdbc,
			SurveillanceDemoData demo) {
		this.cases = cases;
		this.sentinel = sentinel;
		this.detection = detection;
		this.response = response;
		this.reference = reference;
		this.config = config;
		this.registry = registry;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	public List<Disease> diseases() {
		return reference.diseases();
	}

	public List<NamedCode> sentinelSources() {
		return reference.sources();
	}

	public List<NamedCode> syndromes() {
		return reference.syndromes();
	}

	public String seriesName(String stream, String subject) {
		return reference.seriesName(stream, subject);
	}

	// case report cards

	public CaseCard report(CaseCardInput card, RhipPrincipal who) {
		return cases.report(card, who);
	}

	public Optional<CaseCard> draftFromDiagnosis(String icd10, CaseCardInput patient, RhipPrincipal who) {
		return cases.draftFromDiagnosis(icd10, patient, who);
	}

	public CaseCard confirm(String cardNo, RhipPrincipal who) {
		return cases.confirm(cardNo, who);
	}

	public CaseCard revise(String cardNo, CaseCardInput card, String reason, RhipPrincipal who) {
		return cases.revise(cardNo, card, reason, who);
	}

	public CaseCard deleteCard(String cardNo, String reason, RhipPrincipal who) {
		return cases.delete(cardNo, reason, who);
	}

	public CaseCard card(String cardNo, RhipPrincipal who) {
		return cases.card(cardNo, who);
	}

	public List<CardVersion> cardHistory(String cardNo, RhipPrincipal who) {
		return cases.history(cardNo, who);
	}

	public List<CaseCard> cards(String orgUnit, LocalDate from, LocalDate to, Optional<String> disease,
			Optional<String> status, RhipPrincipal who) {
		return cases.list(orgUnit, from, to, disease, status, who);
	}

	// sentinel counts

	public LoadResult storeCounts(List<SentinelCount> counts, RhipPrincipal who) {
		return sentinel.store(counts, who);
	}

	public LoadResult loadCounts(Reader csv, RhipPrincipal who) throws IOException {
		return sentinel.load(csv, who);
	}

	// detection, signals, alerts

	public DetectionResult detect(String region, LocalDate from, LocalDate to, RhipPrincipal who) {
		if (who.role() != org.rhip.security.Role.ADMIN && who.role() != org.rhip.security.Role.EPIDEMIOLOGIST) {
			throw new Forbidden("role", "only an epidemiologist or an admin runs detection");
		}
		if (who.scope().isPresent() && !registry.isWithin(region, who.scope().get())) {
			throw new Forbidden("region", "district " + region + " is outside your scope");
		}
		return detection.run(region, from, to);
	}

	/**
	 * Detection over a period with chosen methods in place of the configuration (each on daily series,
	 * Farrington's on weekly; none chosen = the configured ones), for backfilling and the benchmark; {@code everySeries} also runs the
	 * disease series without cases. Not scoped: for the command line.
	 */
	public DetectionResult detectWith(String region, LocalDate from, LocalDate to, List<String> methods,
			boolean everySeries) {
		List<DetectorSpec> specs = methods.stream()
			.map(m -> new DetectorSpec(m, m.startsWith("farrington") ? Frequency.WEEKLY : Frequency.DAILY, Map.of()))
			.toList();
		specs.forEach(DetectorSpec::detector);
		return detection.run(region, from, to, specs.isEmpty() ? Optional.empty() : Optional.of(specs), Optional.empty(),
				everySeries);
	}

	/** Writes a synthetic district's cards and sentinel counts with injected outbreaks (demo, tests, bench). */
	public SimulatedDistrict simulate(String region, LocalDate from, LocalDate to, LocalDate outbreaksFrom,
			int outbreaks, long seed, double scale) {
		return demo.generate(region, from, to, outbreaksFrom, outbreaks, seed, scale);
	}

	/**
	 * For {@code demo}: once per database, a quarter-scale 天河区 — cards from 2021, sentinel counts for
	 * the last 400 days — with outbreaks in the last 120 days, and the configured detectors run over
	 * the last 60 days so the board has signals.
	 * Returns the cards written (0 when the demo data is there already).
	 */
	public int loadDemo(LocalDate today) {
		boolean present = jdbc.sql("""
				select exists (select 1 from surveillance.case_report where created_by = 'demo' and org_unit_code like '440106%')
				""").query(Boolean.class).single();
		if (present) {
			return 0;
		}
		SimulatedDistrict district = demo.generate("440106", LocalDate.of(2021, 1, 1), today.minusDays(400), today,
				today.minusDays(120), 8, 20261123L, 0.25);
		detection.run("440106", today.minusDays(60), today);
		return district.cards();
	}

	public List<SignalView> signals(String orgUnit, LocalDate from, LocalDate to, boolean openOnly, RhipPrincipal who) {
		return response.signals(orgUnit, from, to, openOnly, who);
	}

	public SignalView signal(long id, RhipPrincipal who) {
		return response.signal(id, who);
	}

	public List<SignalView.Event> timeline(long id, RhipPrincipal who) {
		return response.timeline(id, who);
	}

	public SignalView moveSignal(long id, String status, String note, RhipPrincipal who) {
		return response.transition(id, status, note, who);
	}

	public SignalView noteSignal(long id, String note, RhipPrincipal who) {
		return response.note(id, note, who);
	}

	public List<AlertView> alerts(String orgUnit, LocalDate from, LocalDate to, RhipPrincipal who) {
		return response.alerts(orgUnit, from, to, who);
	}

	public List<Notification> notifications(RhipPrincipal who) {
		return response.notifications(who, 50);
	}

	public void markRead(long notification, RhipPrincipal who) {
		response.markRead(notification, who);
	}

	/** The epidemic curve of one series in an org unit's subtree, with the configured daily detectors. */
	public EpidemicCurve curve(String stream, String subject, String orgUnit, LocalDate from, LocalDate to,
			RhipPrincipal who) {
		if (!stream.equals("cases") && !stream.equals("sentinel")) {
			throw new InvalidInput("curve.stream", "stream", "stream must be cases or sentinel");
		}
		if (stream.equals("cases") && reference.disease(subject).isEmpty()) {
			throw new InvalidInput("curve.subject", "subject", "unknown disease '" + subject + "'");
		}
		if (to.isBefore(from) || from.isBefore(to.minusYears(3))) {
			throw new InvalidInput("curve.period", "from", "the period must run forwards and span at most three years");
		}
		var place = registry.orgUnit(orgUnit);
		if (who.scope().isPresent() && !registry.isWithin(orgUnit, who.scope().get())) {
			throw new Forbidden("orgUnit", "org unit " + orgUnit + " is outside your scope");
		}
		boolean classA = stream.equals("cases") && reference.disease(subject).flatMap(d -> d.listingOn(to))
			.map(Disease.Listing::classAMeasures).orElse(false);
		List<DetectorSpec> specs = (stream.equals("cases") ? config.forDisease(subject, classA) : config.forSentinel())
			.stream().filter(s -> s.frequency() == Frequency.DAILY).toList();
		int years = specs.stream().mapToInt(DetectorSpec::yearsBack).max().orElse(0);
		LocalDate loadFrom = from.minusDays(365L * years + 120);
		CountSeries series = detection.dailySeries(new SeriesKey(stream, subject, orgUnit), loadFrom, to);
		int offset = series.indexOf(from);
		List<Integer> counts = new ArrayList<>();
		List<Integer> sums = new ArrayList<>();
		for (int t = offset; t < series.size(); t++) {
			counts.add(series.count(t));
			int sum = 0;
			for (int d = Math.max(0, t - 6); d <= t; d++) {
				sum += series.count(d);
			}
			sums.add(sum);
		}
		Map<String, List<Double>> thresholds = new LinkedHashMap<>();
		for (DetectorSpec spec : specs) {
			Detections found = spec.detector().detect(series);
			List<Double> line = new ArrayList<>();
			for (int t = offset; t < series.size(); t++) {
				line.add(found.hasThreshold(t) ? Math.round(found.thresholds()[t] * 100) / 100.0 : null);
			}
			thresholds.put(spec.method(), line);
		}
		Map<String, List<LocalDate>> alarmDays = new LinkedHashMap<>();
		jdbc.sql("""
				select a.method, a.day from surveillance.alarm a join surveillance.signal s on s.id = a.signal_id
				where s.stream = :stream and s.subject = :subject and s.org_unit_code = :unit and a.day between :from and :to
				order by a.method, a.day
				""")
			.param("stream", stream).param("subject", subject).param("unit", orgUnit).param("from", from).param("to", to)
			.query(rs -> {
				alarmDays.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
			});
		return new EpidemicCurve(stream, subject, reference.seriesName(stream, subject), orgUnit, place.name(), from,
				counts, sums, thresholds, alarmDays);
	}

}
