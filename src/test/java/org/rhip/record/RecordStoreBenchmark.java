package org.rhip.record;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The bulk write benchmark of the issue (run on its own: bench/record-store.sh, or
 * {@code mvn test -Dtest=RecordStoreBenchmark -Drhip.bench.resources=1000000}). Synthea-like records
 * of 光明区 (5 % Patients) go through {@link RecordApi#storeAll} in batches; then the same rows — read
 * back from every table the write filled — are COPYed raw into empty copies of those tables (same
 * indexes), which is the ceiling: the store should reach 25 % of it and 20,000 resources/s.
 * Prints resources/s, the ratio, and where the time went (the write path's debug log).
 */
@TestPropertySource(properties = "logging.level.org.rhip.record.store.RecordWriter=DEBUG")
class RecordStoreBenchmark extends IntegrationTest {

	static final List<String> TABLES = List.of("resource", "resource_history", "resource_identifier", "encounter",
			"diagnosis", "encounter_diagnosis", "observation", "immunization", "medication", "procedure", "report",
			"allergy", "patient_fact");

	static final List<String> PROJECTIONS = TABLES.subList(3, TABLES.size());

	@Autowired
	RecordApi records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void bulkWrite() throws Exception {
		int total = Integer.getInteger("rhip.bench.resources", 100_000);
		int batch = Integer.getInteger("rhip.bench.batch", 10_000);
		int personsPerBatch = batch / 20;
		SyntheticRecords generator = new SyntheticRecords(42, "440311-H001");
		long storeNanos = 0;
		long patientNanos = 0;
		int patients = 0;
		int stored = 0;
		int rejected = 0;
		while (stored < total) {
			List<Resource> resources = generator.persons(Math.min(personsPerBatch, (total - stored) / 20));
			// as bulk NDJSON comes: the Patients (Patient.ndjson) before the records that refer to them
			List<Resource> persons = resources.stream().filter(r -> r instanceof org.hl7.fhir.r4.model.Patient).toList();
			List<Resource> clinical = resources.stream().filter(r -> !(r instanceof org.hl7.fhir.r4.model.Patient)).toList();
			long start = System.nanoTime();
			rejected += (int) records.storeAll(persons, "440311-H001").stream().filter(StoreOutcome::rejected).count();
			long middle = System.nanoTime();
			rejected += (int) records.storeAll(clinical, "440311-H001").stream().filter(StoreOutcome::rejected).count();
			long end = System.nanoTime();
			System.out.printf("bench: batch wall %d ms (Patients %d ms)%n", (end - start) / 1_000_000, (middle - start) / 1_000_000);
			patientNanos += middle - start;
			storeNanos += end - start;
			patients += persons.size();
			stored += resources.size();
			if (stored % (batch * 10) == 0 || stored >= total) {
				System.out.printf("bench: %,d resources stored, %.0f resources/s so far (clinical alone %.0f/s, Patients %.0f/s)%n",
						stored, stored / (storeNanos / 1e9), (stored - patients) / ((storeNanos - patientNanos) / 1e9),
						patients / (patientNanos / 1e9));
			}
		}
		System.out.printf("bench: Patients: %,d in %.1f s = %,.0f/s (person index linkage); clinical resources: %,d in %.1f s = %,.0f/s%n",
				patients, patientNanos / 1e9, patients / (patientNanos / 1e9), stored - patients,
				(storeNanos - patientNanos) / 1e9, (stored - patients) / ((storeNanos - patientNanos) / 1e9));
		double storeSeconds = storeNanos / 1e9;
		Map<String, Double> raw = rawCopy();
		double rawSeconds = raw.values().stream().mapToDouble(Double::doubleValue).sum();
		double projectionSeconds = PROJECTIONS.stream().mapToDouble(t -> raw.getOrDefault(t, 0.0)).sum();
		System.out.printf("bench: storeAll %,d resources (%d rejected) in %.1f s = %,.0f resources/s (batches of %,d)%n",
				stored, rejected, storeSeconds, stored / storeSeconds, batch);
		System.out.printf("bench: raw COPY of the same rows into empty copies of all %d tables: %.1f s = %,.0f resources/s; "
				+ "storeAll reaches %.0f %% of it%n", TABLES.size(), rawSeconds, stored / rawSeconds,
				100 * rawSeconds / storeSeconds);
		System.out.printf("bench: raw COPY of the projection rows alone: %.1f s%n", projectionSeconds);
		raw.forEach((table, seconds) -> System.out.printf("bench:   %-20s %6.1f s%n", table, seconds));
	}

	/** Exports each table to a file, then times COPYing the files into empty copies of the tables. */
	private Map<String, Double> rawCopy() throws Exception {
		jdbc.sql("drop schema if exists bench cascade").update();
		jdbc.sql("create schema bench").update();
		Path dir = Files.createTempDirectory(Path.of("target"), "bench-copy-");
		for (String table : TABLES) {
			jdbc.sql("create table bench." + table + " (like record." + table + " including all)").update();
			try (var connection = dataSource.getConnection();
					OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(table)))) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy record." + table + " to stdout", out);
			}
		}
		Map<String, Double> seconds = new LinkedHashMap<>();
		List<String> order = new ArrayList<>(TABLES);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (String table : order) {
				long start = System.nanoTime();
				try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(table)))) {
					connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench." + table + " from stdin", in);
				}
				seconds.put(table, (System.nanoTime() - start) / 1e9);
			}
			long start = System.nanoTime();
			connection.commit();
			seconds.merge("resource", (System.nanoTime() - start) / 1e9, Double::sum);
		}
		for (String table : TABLES) {
			Files.deleteIfExists(dir.resolve(table));
		}
		Files.deleteIfExists(dir);
		jdbc.sql("drop schema bench cascade").update();
		return seconds;
	}

}
