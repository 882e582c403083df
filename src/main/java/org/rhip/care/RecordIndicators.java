package org.rhip.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rhip.care.indicator.IndicatorEngine;
import org.rhip.care.IndicatorValue;
import org.rhip.care.indicator.MemberQuery;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.RecordApi;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicators of the plans computed from person-level records (the indicator engine's
 * {@code records} source): values per org unit and year with numerator and denominator, kept in
 * {@code care.indicator_value} and recomputed for a region when its records have changed since (in the
 * background once there are values to serve), and the people behind each value (masked, scoped,
 * audited).
 */
@Service
public class RecordIndicators {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final IndicatorEngine engine;

	private final RecordApi records;

	private final RegistryApi registry;

	private final PersonApi persons;

	private final JdbcClient jdbc;

	private final int firstYear;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final java.util.Set<String> recomputing = ConcurrentHashMap.newKeySet();

	private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "care-indicators");
		t.setDaemon(true);
		return t;
	});

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordIndicators.class);

	RecordIndicators(IndicatorEngine engine, RecordApi records, RegistryApi registry, PersonApi persons, JdbcClient jdbc,
			@Value("${rhip.care.first-year:2016}") int firstYear) {
		this.engine = engine;
		this.records = records;
		this.registry = registry;
		this.persons = persons;
		this.jdbc = jdbc;
		this.firstYear = firstYear;
	}

	/** The codes of the indicators computed from records. */
	public List<String> indicators() {
		return engine.indicators();
	}

	/** The value of an indicator for an org unit and year, computing the region first if its values are stale. */
	public Optional<IndicatorValue> value(String indicator, String orgUnitCode, int year) {
		if (!engine.indicators().contains(indicator) || !fresh(orgUnitCode)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select indicator, org_unit_code, year, numerator, denominator, value from care.indicator_value
				where indicator = ? and org_unit_code = ? and year = ?
				""").params(indicator, orgUnitCode, year).query(IndicatorValue.class).optional();
	}

	/** An indicator's values for an org unit and its children (a district and its streets), for a year. */
	public List<IndicatorValue> values(String indicator, String orgUnitCode, int year) {
		if (!fresh(orgUnitCode)) {
			return List.of();
		}
		List<String> units = new java.util.ArrayList<>(List.of(orgUnitCode));
		registry.children(orgUnitCode).forEach(c -> units.add(c.code()));
		return jdbc.sql("""
				select indicator, org_unit_code, year, numerator, denominator, value from care.indicator_value
				where indicator = :indicator and org_unit_code = any(cast(:units as text[])) and year = :year
				order by org_unit_code
				""").param("indicator", indicator).param("units", org.rhip.care.indicator.SqlArrays.text(units)).param("year", year)
			.query(IndicatorValue.class).list();
	}

	/** An indicator's values for an org unit over the years. */
	public List<IndicatorValue> series(String indicator, String orgUnitCode) {
		if (!fresh(orgUnitCode)) {
			return List.of();
		}
		return jdbc.sql("""
				select indicator, org_unit_code, year, numerator, denominator, value from care.indicator_value
				where indicator = ? and org_unit_code = ? order by year
				""").params(indicator, orgUnitCode).query(IndicatorValue.class).list();
	}

	/** Recomputes a region's values now, whatever their age. */
	public IndicatorComputation refresh(String regionCode) {
		OrgUnit region = registry.regionOf(regionCode)
			.orElseThrow(() -> new InvalidInput("care.region", "region", "no region " + regionCode + " in the registry"));
		synchronized (locks.computeIfAbsent(region.code(), k -> new Object())) {
			return engine.compute(region.code(), firstYear, LocalDate.now(CHINA).getYear(), records.lastChange().orElse(null));
		}
	}

	/**
	 * Whether the region of an org unit has values from records: the first time they are computed while
	 * the caller waits; later, when the records have changed since, the values at hand are served and a
	 * recomputation starts in the background (one per region at a time), so that no page waits for a
	 * district's ten years to be counted again. False when there are no records at all.
	 */
	private boolean fresh(String orgUnitCode) {
		Optional<OrgUnit> region = registry.regionOf(orgUnitCode);
		Optional<Instant> changed = records.lastChange();
		if (region.isEmpty() || changed.isEmpty()) {
			return false;
		}
		String code = region.get().code();
		Optional<Instant[]> last = engine.lastComputation(code);
		if (last.isEmpty()) {
			synchronized (locks.computeIfAbsent(code, k -> new Object())) {
				if (engine.lastComputation(code).isEmpty()) {
					engine.compute(code, firstYear, LocalDate.now(CHINA).getYear(), changed.get());
				}
			}
		}
		else if (last.get()[1] == null || last.get()[1].isBefore(changed.get())) {
			recomputeLater(code);
		}
		return true;
	}

	private void recomputeLater(String region) {
		if (!recomputing.add(region)) {
			return;
		}
		background.execute(() -> {
			try {
				// again while records arrived during the computation, so that the last write is always counted
				while (true) {
					synchronized (locks.computeIfAbsent(region, k -> new Object())) {
						Optional<Instant> changed = records.lastChange();
						Optional<Instant[]> last = engine.lastComputation(region);
						if (changed.isEmpty()
								|| last.isPresent() && last.get()[1] != null && !last.get()[1].isBefore(changed.get())) {
							break;
						}
						engine.compute(region, firstYear, LocalDate.now(CHINA).getYear(), changed.get());
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Recomputing the record-based indicators of region {} failed", region, ex);
			}
			finally {
				recomputing.remove(region);
			}
		});
	}

	/** Waits until no background recomputation is running (tests, and the command line before it exits). */
	public void awaitRecomputation(java.time.Duration atMost) throws InterruptedException {
		long until = System.nanoTime() + atMost.toNanos();
		while (!recomputing.isEmpty() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

	/** Which people of a value to list. */
	public enum Part {
		NUMERATOR, DENOMINATOR
	}

	/** A page of the people behind a value, and how many there are. */
	public record Members(String indicator, String orgUnitCode, int year, Part part, long total, List<Person> persons) {
	}

	/**
	 * The people in the numerator or the denominator of a value: masked, only those in the caller's
	 * scope, each read audited.
	 */
	public Members members(String indicator, String orgUnitCode, int year, Part part, int offset, int limit) {
		MemberQuery q = engine.memberQuery(indicator)
			.orElseThrow(() -> new InvalidInput("care.indicator", "indicator", "indicator " + indicator + " is not computed from records"));
		fresh(orgUnitCode); // the program queries read care.service_year, which a computation builds
		List<String> units = new org.rhip.care.indicator.OrgUnitTree(registry,
				registry.regionOf(orgUnitCode).map(OrgUnit::code).orElseThrow(() -> new InvalidInput("care.org-unit",
						"orgUnit", "no org unit " + orgUnitCode + " in the registry")))
			.subtree(orgUnitCode);
		String which = part == Part.NUMERATOR ? "m.numerator" : q.numeratorWithinDenominator() ? "true" : "m.denominator";
		String from = "from (" + q.sql() + ") m where m.year = :year and m.org_unit_code = any(cast(:units as text[])) and "
				+ which;
		Map<String, Object> params = new java.util.HashMap<>(engineParameters(orgUnitCode, year));
		params.put("units", org.rhip.care.indicator.SqlArrays.text(units));
		params.put("year", year);
		long total = jdbc.sql("select count(distinct m.person_id) " + from).params(params).query(Long.class).single();
		params.put("offset", Math.max(offset, 0));
		params.put("limit", Math.min(Math.max(limit, 1), 200));
		List<Long> ids = jdbc.sql("select distinct m.person_id " + from + " order by m.person_id offset :offset limit :limit")
			.params(params)
			.query(Long.class)
			.list();
		return new Members(indicator, orgUnitCode, year, part, total,
				persons.persons(ids, "indicator " + indicator + " " + orgUnitCode + " " + year + " " + part.name().toLowerCase()));
	}

	private Map<String, Object> engineParameters(String orgUnitCode, int year) {
		String region = registry.regionOf(orgUnitCode).map(OrgUnit::code).orElse(orgUnitCode);
		return engine.parameters(region, year, year);
	}

}
