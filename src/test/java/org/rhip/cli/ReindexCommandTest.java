package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code rhip reindex} on a fresh data directory: every projection table listed, nothing to rebuild. */
class ReindexCommandTest {

	@Test
	void reindexPrintsTheRowsOfEveryProjection() throws IOException {
		Files.createDirectories(Path.of("target"));
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-reindex-");
		CommandRun run = CommandRun.of("--data-dir", data.toString(), "reindex");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("table,rows").contains("resources,0").contains("record.observation,0")
			.contains("record.patient_fact,0");
		assertThat(run.err()).contains("reindexed 0 resources");
	}

}
