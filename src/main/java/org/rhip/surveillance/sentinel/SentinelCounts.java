package org.rhip.surveillance.sentinel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rhip.platform.problem.Forbidden;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;
import org.rhip.surveillance.LoadResult;
import org.rhip.surveillance.SentinelCount;
import org.rhip.surveillance.reference.ReferenceData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily sentinel and syndromic counts (哨点监测), by API and CSV file. Each row is checked on its own:
 * good rows are stored, bad ones are listed with their line and reason. A row for a key already
 * stored replaces the count, so sending a day again corrects it rather than doubling it.
 */
@Service
public class SentinelCounts {

	/** The CSV header; Chinese headers are accepted in the same order. */
	public static final String HEADER = "date,source,syndrome,orgUnit,count";

	private static final Set<String> CHINESE_HEADER = Set.of("日期,来源,症状,区划,数量", "日期,哨点来源,症候群,区划代码,数量");

	private static final Set<String> PLACES = Set.of("district", "county_city", "street", "town", "community", "village");

	private final JdbcClient jdbc;

	private final ReferenceData reference;

	private final RegistryApi registry;

	private final Clock clock;

	SentinelCounts(JdbcClient jdbc, ReferenceData reference, RegistryApi registry, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.reference = reference;
		this.registry = registry;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/** Stores the good counts of a list; item i (1-based) is reported as line i. */
	@Transactional
	public LoadResult store(List<SentinelCount> counts, RhipPrincipal who) {
		requireNotAnalyst(who);
		List<SentinelCount> good = new ArrayList<>();
		List<LoadResult.Rejected> rejected = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			SentinelCount c = counts.get(i);
			Optional<LoadResult.Rejected> problem = check(i + 1, c, who);
			problem.ifPresentOrElse(rejected::add, () -> good.add(c));
		}
		upsert(good);
		return new LoadResult(good.size(), rejected);
	}

	/** Reads a CSV file ({@value #HEADER}) and stores its good rows. */
	@Transactional
	public LoadResult load(Reader csv, RhipPrincipal who) throws IOException {
		requireNotAnalyst(who);
		BufferedReader in = new BufferedReader(csv);
		String header = in.readLine();
		if (header == null) {
			return new LoadResult(0, List.of(new LoadResult.Rejected(1, "header", "the file is empty")));
		}
		String normalized = header.replace("\uFEFF", "").replace(" ", "").strip();
		if (!normalized.equals(HEADER) && !CHINESE_HEADER.contains(normalized)) {
			return new LoadResult(0, List.of(new LoadResult.Rejected(1, "header", "the header must be " + HEADER)));
		}
		List<SentinelCount> good = new ArrayList<>();
		List<LoadResult.Rejected> rejected = new ArrayList<>();
		String line;
		int number = 1;
		while ((line = in.readLine()) != null) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split(",", -1);
			if (f.length != 5) {
				rejected.add(new LoadResult.Rejected(number, "row", "expected 5 fields, found " + f.length));
				continue;
			}
			LocalDate day;
			try {
				day = LocalDate.parse(f[0].strip());
			}
			catch (DateTimeParseException ex) {
				rejected.add(new LoadResult.Rejected(number, "date", "not a date yyyy-mm-dd: '" + f[0].strip() + "'"));
				continue;
			}
			int count;
			try {
				count = Integer.parseInt(f[4].strip());
			}
			catch (NumberFormatException ex) {
				rejected.add(new LoadResult.Rejected(number, "count", "count must be a whole number ≥ 0, not '"
						+ f[4].strip() + "'"));
				continue;
			}
			SentinelCount c = new SentinelCount(f[1].strip(), f[2].strip(), f[3].strip(), day, count);
			Optional<LoadResult.Rejected> problem = check(number, c, who);
			problem.ifPresentOrElse(rejected::add, () -> good.add(c));
		}
		upsert(good);
		return new LoadResult(good.size(), rejected);
	}

	private Optional<LoadResult.Rejected> check(int line, SentinelCount c, RhipPrincipal who) {
		if (c.source() == null || reference.source(c.source()).isEmpty()) {
			return reject(line, "source", "unknown sentinel source '" + c.source() + "'");
		}
		if (c.syndrome() == null || reference.syndrome(c.syndrome()).isEmpty()) {
			return reject(line, "syndrome", "unknown syndrome '" + c.syndrome() + "'");
		}
		if (c.day() == null) {
			return reject(line, "date", "the date is required");
		}
		if (c.day().isAfter(LocalDate.now(clock))) {
			return reject(line, "date", "the date " + c.day() + " is in the future");
		}
		if (c.count() < 0) {
			return reject(line, "count", "count must be a whole number ≥ 0, not " + c.count());
		}
		Optional<OrgUnit> place = Optional.ofNullable(c.orgUnit()).flatMap(registry::findOrgUnit);
		if (place.isEmpty()) {
			return reject(line, "orgUnit", "unknown org unit '" + c.orgUnit() + "'");
		}
		if (!PLACES.contains(place.get().kind()) || registry.regionOf(place.get().code()).isEmpty()) {
			return reject(line, "orgUnit", "org unit " + c.orgUnit() + " is not in one of the platform's districts");
		}
		if (who.scope().isPresent() && !registry.isWithin(place.get().code(), who.scope().get())) {
			return reject(line, "orgUnit", "org unit " + c.orgUnit() + " is outside your scope");
		}
		return Optional.empty();
	}

	private static Optional<LoadResult.Rejected> reject(int line, String field, String reason) {
		return Optional.of(new LoadResult.Rejected(line, field, reason));
	}

	private void upsert(List<SentinelCount> counts) {
		for (SentinelCount c : counts) {
			jdbc.sql("""
					insert into surveillance.sentinel_count (source_code, syndrome_code, org_unit_code, day, count)
					values (:source, :syndrome, :orgUnit, :day, :count)
					on conflict (source_code, syndrome_code, org_unit_code, day)
					do update set count = excluded.count, received_at = now()
					""")
				.param("source", c.source()).param("syndrome", c.syndrome()).param("orgUnit", c.orgUnit())
				.param("day", c.day()).param("count", c.count())
				.update();
		}
	}

	private static void requireNotAnalyst(RhipPrincipal who) {
		if (who.role() == org.rhip.security.Role.ANALYST) {
			throw new Forbidden("role", "an analyst reads and does not send counts");
		}
	}

}
