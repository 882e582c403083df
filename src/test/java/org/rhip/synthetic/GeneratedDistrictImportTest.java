package org.rhip.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tiny generated district (scale 0.001, about 2,200 residents and 60,000 records) imported through
 * the real bulk import into the record store: nothing is rejected, and the births and deaths the
 * generator wrote are what the record store's vital-event views show.
 */
class GeneratedDistrictImportTest extends IntegrationTest {

	@Autowired
	ImportApi imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void everyGeneratedRecordIsAcceptedByTheRecordStore() throws IOException {
		SyntheticDistrict.Result result = SyntheticDistrict
			.generate(new SyntheticDistrict.Request("440106", 0.001, 2016, 2025, 7, 0.5, dir, 2));
		List<Path> ndjson = result.files().keySet().stream().filter(name -> name.endsWith(".ndjson")).map(dir::resolve).toList();
		long records = result.files().entrySet().stream().filter(f -> f.getKey().endsWith(".ndjson"))
			.mapToLong(java.util.Map.Entry::getValue).sum();

		ImportJob job = imports.importFiles(ndjson, Optional.empty(), Optional.empty(), 2000);

		assertThat(job.status()).isEqualTo(ImportStatus.DONE);
		assertThat(job.rejected()).as("rejected").isZero();
		assertThat(job.read()).isEqualTo(records);
		assertThat(job.created() + job.unchanged()).isEqualTo(records);
		long births = jdbc.sql("select count(*) from record.birth where patient_id like '440106-p%-b%'").query(Long.class).single();
		assertThat(births).isEqualTo(result.births());
		long deaths = jdbc.sql("select count(*) from record.death where patient_id like '440106-p%' and underlying_cause is not null"
				+ " and place is not null").query(Long.class).single();
		assertThat(deaths).isEqualTo(result.deaths());
	}

}
