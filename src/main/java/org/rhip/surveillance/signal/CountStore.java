package org.rhip.surveillance.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Daily counts of every series of a district, read in two queries that return one row per series
 * and stored org unit (the Java side adds a street's communities into the street). Cases count by report
 * day (China time): that is when the platform learns of them, as in the national alert system.
 * Active cards only; a card marked a duplicate of another does not count.
 */
@Repository
class CountStore {

	private final JdbcClient jdbc;

	CountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Daily counts, index 0 = {@code from}, per (stream, subject, org unit as stored). */
	Map<SeriesKey, int[]> daily(List<String> orgUnits, LocalDate from, LocalDate to, String onlySubject) {
		int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
		Map<SeriesKey, int[]> series = new HashMap<>();
		String[] units = orgUnits.toArray(String[]::new);
		// the two streams are read at once, on two connections: the sentinel query on a pooled
		// connection of its own (it reads committed counts; the run writes only signals)
		java.util.concurrent.CompletableFuture<Map<SeriesKey, int[]>> sentinel = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> {
				Map<SeriesKey, int[]> read = new HashMap<>();
				jdbc.sql("""
						select source_code || '/' || syndrome_code, org_unit_code, array_agg(day - :from::date), array_agg(count)
						from surveillance.sentinel_count
						where org_unit_code = any(:units) and day between :from and :to
						  and (:subject::text is null or source_code || '/' || syndrome_code = :subject)
						group by 1, 2
						""")
					.param("units", units).param("from", from).param("to", to).param("subject", onlySubject)
					.query(rs -> {
						add(read, new SeriesKey("sentinel", rs.getString(1), rs.getString(2)), days, rs.getArray(3),
								rs.getArray(4));
					});
				return read;
			});
		// years of a district's cards are aggregated in memory, not spilled to disk
		jdbc.sql("set local work_mem = '64MB'").update();
		// one row per series with its days and counts as arrays: a few hundred rows instead of ~10^6
		jdbc.sql("""
				select subject, org_unit_code, array_agg(day_index) days, array_agg(n) counts from (
				  select disease_code subject, org_unit_code, report_day - :from::date as day_index, count(*)::int n
				  from surveillance.case_report
				  where status = 'active' and duplicate_of is null and org_unit_code = any(:units)
				    and report_day between :from and :to
				    and (:subject::text is null or disease_code = :subject)
				  group by 1, 2, 3) d
				group by 1, 2
				""")
			.param("units", units).param("from", from).param("to", to).param("subject", onlySubject)
			.query(rs -> {
				add(series, new SeriesKey("cases", rs.getString(1), rs.getString(2)), days, rs.getArray(3), rs.getArray(4));
			});
		series.putAll(sentinel.join());
		return series;
	}

	private static void add(Map<SeriesKey, int[]> series, SeriesKey key, int days, java.sql.Array dayIndexes,
			java.sql.Array counts) throws java.sql.SQLException {
		Integer[] index = (Integer[]) dayIndexes.getArray();
		Integer[] n = (Integer[]) counts.getArray();
		int[] values = series.computeIfAbsent(key, k -> new int[days]);
		for (int i = 0; i < index.length; i++) {
			values[index[i]] += n[i];
		}
	}

}
