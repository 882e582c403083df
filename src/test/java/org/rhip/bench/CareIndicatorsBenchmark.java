package org.rhip.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.rhip.bench.AnalyticRowsSink.Table;
import org.rhip.care.IndicatorComputation;
import org.rhip.care.IndicatorValue;
import org.rhip.care.RecordIndicators;
import org.rhip.care.indicator.IndicatorEngine;
import org.rhip.care.indicator.OrgUnitTree;
import org.rhip.registry.RegistryApi;
import org.rhip.support.IntegrationTest;
import org.rhip.synthetic.model.DistrictModel;
import org.rhip.synthetic.model.Region;
import org.rhip.synthetic.model.Settings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The performance benchmark of issue 4 (run on its own: bench/care-indicators.sh, or
 * {@code mvn test -Dtest=CareIndicatorsBenchmark -Drhip.bench.scale=1.0}). Tianhe (440106) at the
 * scale, 2016–2025, goes straight into the person index and the record projections
 * ({@link AnalyticRowsSink}: importing 68 million FHIR resources would take hours); then every
 * record-based indicator for all years and org units is computed and stored by
 * {@link RecordIndicators#refresh} (timed), and computed again by the same SQL on DuckDB over the
 * tables exported to Parquet (timed); both must give the same values. Prints {@code bench:} lines.
 */
class CareIndicatorsBenchmark extends IntegrationTest {

	static final String REGION = "440106";

	/** What the indicator SQL reads, exported to Parquet for DuckDB. */
	static final List<String> RELATIONS = List.of("person.population", "record.patient_fact", "record.encounter",
			"record.diagnosis", "record.observation", "record.immunization", "record.birth", "record.death", "care.contract");

	static final MathContext SIX = new MathContext(6);

	@Autowired
	RecordIndicators indicators;

	@Autowired
	IndicatorEngine engine;

	@Autowired
	RegistryApi registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void computeEveryIndicator() throws Exception {
		double scale = Double.parseDouble(System.getProperty("rhip.bench.scale", "1.0"));
		int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
		Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-care-");

		long rows = load(scale, lastYear);
		String workMem = System.getProperty("rhip.bench.work-mem", "");
		if (!workMem.isBlank()) {
			// the embedded server runs with PostgreSQL's default 4MB: the indicators' sorts and hashes spill
			jdbc.sql("alter system set work_mem = '" + workMem.replace("'", "") + "'").update();
			jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
			System.out.printf(Locale.ROOT, "bench: work_mem %s%n", jdbc.sql("show work_mem").query(String.class).single());
		}

		long t = System.nanoTime();
		IndicatorComputation pg = indicators.refresh(REGION);
		double pgSeconds = (System.nanoTime() - t) / 1e9;
		System.out.printf(Locale.ROOT, "bench: PostgreSQL RecordIndicators.refresh(%s) years %d-%d: %,d values in %.1f s%n", REGION,
				pg.from(), pg.to(), pg.values(), pgSeconds);
		pg.millisByIndicator().forEach((k, v) -> System.out.printf(Locale.ROOT, "bench:   pg     %-45s %8.1f s%n", k, v / 1e3));

		t = System.nanoTime();
		Map<String, Path> parquet = export(work);
		System.out.printf(Locale.ROOT, "bench: export to Parquet (setup): %.1f s%n", (System.nanoTime() - t) / 1e9);

		OrgUnitTree tree = new OrgUnitTree(registry, REGION);
		Map<String, Long> timing = new LinkedHashMap<>();
		List<IndicatorValue> duck;
		double duckSeconds;
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
			try (Statement s = duckdb.createStatement()) {
				for (String schema : List.of("person", "record", "care")) {
					s.execute("create schema " + schema);
				}
				for (String relation : RELATIONS) {
					s.execute("create view " + relation + " as select * from read_parquet('" + parquet.get(relation) + "')");
				}
			}
			JdbcClient on = JdbcClient.create(new SingleConnectionDataSource(duckdb, true));
			t = System.nanoTime();
			duck = engine.values(on, tree, pg.from(), pg.to(), timing);
			duckSeconds = (System.nanoTime() - t) / 1e9;
		}
		System.out.printf(Locale.ROOT, "bench: DuckDB IndicatorEngine.values over Parquet: %,d values in %.1f s%n", duck.size(),
				duckSeconds);
		timing.forEach((k, v) -> System.out.printf(Locale.ROOT, "bench:   duckdb %-45s %8.1f s%n", k, v / 1e3));

		compare(tree, pg.from(), pg.to(), duck);
		System.out.printf(Locale.ROOT, "bench: scale %s: %,d rows loaded; PostgreSQL %.1f s, DuckDB %.1f s, ratio PostgreSQL/DuckDB %.2f%n",
				scale, rows, pgSeconds, duckSeconds, pgSeconds / duckSeconds);
		baselines();
		for (Path p : parquet.values()) {
			Files.deleteIfExists(p);
		}
		Files.deleteIfExists(work);
	}

	/** Runs the model into the tables (indexes dropped during the COPY, rebuilt after), then ANALYZE. */
	private long load(double scale, int lastYear) throws Exception {
		long first = jdbc.sql("select coalesce(max(id), 0) + 1 from person.person").query(Long.class).single();
		List<String> indexes = jdbc.sql("""
				select format('%I.%I', schemaname, indexname) || '|' || indexdef from pg_indexes i
				where (schemaname, tablename) in (('person', 'person'), ('record', 'patient_fact'), ('record', 'encounter'),
				  ('record', 'diagnosis'), ('record', 'observation'), ('record', 'immunization'))
				  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
				""").query(String.class).list();
		for (String index : indexes) {
			jdbc.sql("drop index " + index.substring(0, index.indexOf('|'))).update();
		}
		Region region = Region.load(REGION).orElseThrow();
		DistrictModel model = new DistrictModel(region, new Settings(REGION, scale, 2016, lastYear, 42, 0.5, 2));
		long t = System.nanoTime();
		long rows = 0;
		Map<Table, Long> counts = new LinkedHashMap<>();
		try (AnalyticRowsSink sink = AnalyticRowsSink.copyInto(dataSource, Table::tableName, first)) {
			model.run(sink);
			for (Table table : Table.values()) {
				counts.put(table, sink.rows(table));
				rows += sink.rows(table);
			}
		}
		double copySeconds = (System.nanoTime() - t) / 1e9;
		t = System.nanoTime();
		for (String index : indexes) {
			jdbc.sql(index.substring(index.indexOf('|') + 1)).update();
		}
		jdbc.sql("select setval(pg_get_serial_sequence('person.person', 'id'), (select max(id) from person.person))")
			.query(Long.class).single();
		double indexSeconds = (System.nanoTime() - t) / 1e9;
		if (Boolean.getBoolean("rhip.bench.observation-patient-index")) {
			// not in the schema: the views record.birth and record.death look up observations by patient_id,
			// which without it scans every row of the code once per birth or death (quadratic)
			t = System.nanoTime();
			jdbc.sql("create index bench_observation_patient on record.observation (patient_id, code)").update();
			System.out.printf(Locale.ROOT, "bench: with the extra index record.observation (patient_id, code): built in %.1f s%n",
					(System.nanoTime() - t) / 1e9);
		}
		t = System.nanoTime();
		jdbc.sql("analyze").update();
		System.out.printf(Locale.ROOT, "bench: scale %s, %d-%d: model + COPY %,d rows in %.1f s, indexes %.1f s, ANALYZE %.1f s (setup)%n",
				scale, 2016, lastYear, rows, copySeconds, indexSeconds, (System.nanoTime() - t) / 1e9);
		counts.forEach((table, n) -> System.out.printf(Locale.ROOT, "bench:   %-22s %,12d rows%n", table.tableName(), n));
		return rows;
	}

	/** Each relation as CSV out of PostgreSQL, then into Parquet by DuckDB with the PostgreSQL column types. */
	private Map<String, Path> export(Path work) throws Exception {
		Map<String, Path> files = new LinkedHashMap<>();
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement();
				Connection pg = dataSource.getConnection()) {
			try (Statement set = pg.createStatement()) {
				set.execute("set time zone 'UTC'");
			}
			for (String relation : RELATIONS) {
				Path csv = work.resolve(relation + ".csv");
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
					pg.unwrap(PGConnection.class).getCopyAPI()
						.copyOut("copy (select * from " + relation + ") to stdout (format csv, header)", out);
				}
				String[] name = relation.split("\\.");
				List<String> columns = new ArrayList<>();
				jdbc.sql("""
						select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
						where a.attrelid = cast(:relation as regclass) and a.attnum > 0 and not a.attisdropped order by a.attnum
						""").param("relation", name[0] + "." + name[1]).query(rs -> {
					columns.add("'" + rs.getString(1) + "': '" + duckType(rs.getString(2)) + "'");
				});
				Path file = work.resolve(relation + ".parquet");
				s.execute("copy (select * from read_csv('" + csv + "', header = true, auto_detect = false, columns = {"
						+ String.join(", ", columns) + "})) to '" + file + "' (format parquet)");
				Files.delete(csv);
				files.put(relation, file);
			}
		}
		return files;
	}

	private static String duckType(String pg) {
		if (pg.startsWith("numeric")) {
			return "DECIMAL(18,6)";
		}
		return switch (pg) {
			case "bigint" -> "BIGINT";
			case "integer" -> "INTEGER";
			case "date" -> "DATE";
			case "boolean" -> "BOOLEAN";
			case "timestamp with time zone" -> "TIMESTAMPTZ";
			case "text[]" -> "VARCHAR[]";
			case "daterange" -> "VARCHAR";
			default -> "VARCHAR";
		};
	}

	/** Same indicator, org unit and year: same numerator and denominator, value to 6 significant digits. */
	private void compare(OrgUnitTree tree, int from, int to, List<IndicatorValue> duck) {
		Map<String, IndicatorValue> pg = new TreeMap<>();
		jdbc.sql("""
				select indicator, org_unit_code, year, numerator, denominator, value from care.indicator_value
				where org_unit_code = any(cast(:units as text[])) and year between :from and :to
				""").param("units", org.rhip.care.indicator.SqlArrays.text(tree.codes())).param("from", from).param("to", to)
			.query(IndicatorValue.class).list().forEach(v -> pg.put(key(v), v));
		Map<String, IndicatorValue> dk = new TreeMap<>();
		duck.forEach(v -> dk.put(key(v), v));
		List<String> differences = new ArrayList<>();
		for (String k : pg.keySet()) {
			IndicatorValue a = pg.get(k);
			IndicatorValue b = dk.get(k);
			if (b == null || a.numerator().compareTo(b.numerator()) != 0 || a.denominator().compareTo(b.denominator()) != 0
					|| a.value().round(SIX).compareTo(b.value().round(SIX)) != 0) {
				differences.add(k + ": pg " + show(a) + " duckdb " + (b == null ? "none" : show(b)));
			}
		}
		dk.keySet().stream().filter(k -> !pg.containsKey(k)).forEach(k -> differences.add(k + ": pg none duckdb " + show(dk.get(k))));
		System.out.printf(Locale.ROOT, "bench: values compared: %,d PostgreSQL, %,d DuckDB, %d differ%n", pg.size(), dk.size(),
				differences.size());
		differences.stream().limit(30).forEach(d -> System.out.println("bench:   differs " + d));
	}

	private static String key(IndicatorValue v) {
		return v.indicator() + " " + v.orgUnitCode() + " " + v.year();
	}

	private static String show(IndicatorValue v) {
		return v.numerator().toPlainString() + "/" + v.denominator().toPlainString() + " = " + v.value().round(SIX).toPlainString();
	}

	/** The district's 2020 value of each indicator beside the Tianhe plan's printed 2020 baseline. */
	private void baselines() throws Exception {
		Map<String, String> printed = new LinkedHashMap<>();
		String plan = new String(getClass().getResourceAsStream("/plans/tianhe-2021-2025.yaml").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("indicator: (\\S+)[^\\n]*\\n(?:(?!\\s*indicator:)[^\\n]*\\n)*?\\s*baseline: \"([^\"]*)\"")
			.matcher(plan);
		while (m.find()) {
			printed.put(m.group(1), m.group(2));
		}
		for (String indicator : indicators.indicators()) {
			String value = jdbc.sql("select value from care.indicator_value where indicator = ? and org_unit_code = ? and year = 2020")
				.params(indicator, REGION).query(BigDecimal.class).optional().map(v -> v.round(new MathContext(4)).toPlainString())
				.orElse("-");
			System.out.printf(Locale.ROOT, "bench: 2020 %-28s computed %10s   plan baseline %s%n", indicator, value,
					printed.getOrDefault(indicator, "(none printed)"));
		}
	}

}
