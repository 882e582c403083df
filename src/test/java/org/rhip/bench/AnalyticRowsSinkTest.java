package org.rhip.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.bench.AnalyticRowsSink.Table;
import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.support.IntegrationTest;
import org.rhip.synthetic.SyntheticDistrict;
import org.rhip.synthetic.model.DistrictModel;
import org.rhip.synthetic.model.Region;
import org.rhip.synthetic.model.Settings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's direct rows are the rows of the real path: a tiny 廉江市 (440983, a region no other
 * test generates; scale 0.0004, about 400 residents) is generated twice with one seed — as FHIR,
 * imported through the bulk import into the record store, and through {@link AnalyticRowsSink}
 * COPYed into empty copies of the tables — and every row of the person index and of the five
 * projections is the same in both, persons compared through their Patient.
 */
class AnalyticRowsSinkTest extends IntegrationTest {

	static final String REGION = "440983";

	@Autowired
	ImportApi imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path dir;

	@Test
	void sinkRowsEqualTheImportedProjections() throws Exception {
		Path fhir = dir.resolve("fhir");
		SyntheticDistrict.Result result = SyntheticDistrict
			.generate(new SyntheticDistrict.Request(REGION, 0.0004, 2016, 2025, 11, 0.5, fhir, 2));
		List<Path> ndjson = result.files().keySet().stream().filter(n -> n.endsWith(".ndjson")).map(fhir::resolve).toList();
		ImportJob job = imports.importFiles(ndjson, Optional.empty(), Optional.empty(), 2000);
		assertThat(job.status()).isEqualTo(ImportStatus.DONE);
		assertThat(job.rejected()).isZero();

		jdbc.sql("drop schema if exists sinkcmp cascade").update();
		jdbc.sql("create schema sinkcmp").update();
		for (Table t : Table.values()) {
			jdbc.sql("create table sinkcmp." + t.local() + " (like " + t.tableName() + " including defaults)").update();
		}
		DistrictModel model = new DistrictModel(Region.load(REGION).orElseThrow(),
				new Settings(REGION, 0.0004, 2016, 2025, 11, 0.5, 2));
		try (AnalyticRowsSink sink = AnalyticRowsSink.copyInto(dataSource, t -> "sinkcmp." + t.local(), 1)) {
			model.run(sink);
		}

		assertThat(count("select count(*) from record.patient_fact where patient_id like '440983-p%'")).as("patients")
			.isEqualTo(result.residents() + result.births());
		String mine = "patient_id like '440983-p%'";
		for (Table t : List.of(Table.PATIENT_FACT, Table.ENCOUNTER, Table.DIAGNOSIS, Table.OBSERVATION, Table.IMMUNIZATION)) {
			String columns = Arrays.stream(t.columns().split(",")).map(String::strip).filter(c -> !c.equals("person_id"))
				.collect(Collectors.joining(", "));
			String real = "select " + columns + " from " + t.tableName() + " where " + mine;
			String sink = "select " + columns + " from sinkcmp." + t.local();
			assertThat(count("select count(*) from (" + sink + ") s")).as(t + " rows").isPositive();
			assertThat(count("select count(*) from (" + real + " except all " + sink + ") x")).as(t + " only imported").isZero();
			assertThat(count("select count(*) from (" + sink + " except all " + real + ") x")).as(t + " only in the sink").isZero();
			// the person of each row is the person of its Patient
			assertThat(count("select count(*) from sinkcmp." + t.local() + " r join sinkcmp.patient_fact p on p.patient_id = r.patient_id"
					+ " where r.person_id is distinct from p.person_id")).as(t + " persons").isZero();
		}
		String person = "select f.patient_id, p.sex, p.birth_date, p.death_date, p.org_unit_code, p.status from %s p"
				+ " join %s f on f.person_id = p.id";
		String real = person.formatted("person.person", "record.patient_fact") + " where f." + mine;
		String sink = person.formatted("sinkcmp.person", "sinkcmp.patient_fact");
		assertThat(count("select count(*) from (" + sink + ") s")).isEqualTo(result.residents() + result.births());
		assertThat(count("select count(*) from (" + real + " except all " + sink + ") x")).as("persons only imported").isZero();
		assertThat(count("select count(*) from (" + sink + " except all " + real + ") x")).as("persons only in the sink").isZero();
		assertThat(count("select count(*) from sinkcmp.observation where code = '69453-9'")).isEqualTo(result.deaths());
		jdbc.sql("drop schema sinkcmp cascade").update();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
