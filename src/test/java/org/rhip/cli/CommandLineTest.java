package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The command line as a user runs it, in-process, on a fresh data directory of its own: every
 * command works on an empty database, prints clean output, and exits 0, 1 or 2.
 */
class CommandLineTest {

	private static final Path DATA_DIR = dataDir();

	@Test
	void evaluatePrintsOneJsonObjectWithEveryRowOfThePlan() {
		CommandRun result = CommandRun.of("--data-dir", DATA_DIR.toString(), "evaluate", "--plan", "dongli-2021-2025", "--year",
				"2020", "--format", "json");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("{").contains("\"plan\" : \"dongli-2021-2025\"").contains("\"year\" : 2020");
		assertThat(result.out().split("\"code\" :", -1)).hasSize(14 + 1);
		// the printed oddity stays as printed
		assertThat(result.out()).contains("\"baseline\" : \"01:00.7\"");
	}

	@Test
	void usageErrorsExitWithTwoAndOneLine() {
		CommandRun unknownPlan = CommandRun.of("--data-dir", DATA_DIR.toString(), "evaluate", "--plan", "nowhere", "--year", "2020");
		assertThat(unknownPlan.code()).isEqualTo(2);
		assertThat(unknownPlan.err().strip()).startsWith("rhip: no plan with id nowhere").doesNotContain("\n");

		CommandRun noOut = CommandRun.of("evaluate", "--plan", "tianhe-2021-2025", "--year", "2023", "--format", "xlsx");
		assertThat(noOut.code()).isEqualTo(2);
		assertThat(noOut.err()).contains("--out");

		CommandRun missing = CommandRun.of("evaluate", "--year", "2023");
		assertThat(missing.code()).isEqualTo(2);
	}

	@Test
	void aTokenIsPrintedOnce() {
		CommandRun result = CommandRun.of("--data-dir", DATA_DIR.toString(), "token", "create", "--client", "his-gateway", "--role",
				"clerk", "--org-unit", "440106");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.out().strip()).startsWith("rhip_").hasSizeGreaterThan(40);
		CommandRun again = CommandRun.of("--data-dir", DATA_DIR.toString(), "token", "create", "--client", "his-gateway", "--role",
				"clerk", "--org-unit", "440106");
		assertThat(again.code()).isEqualTo(1);
		assertThat(again.err()).contains("has a token already");
	}

	@Test
	void reindexPrintsTheRowsOfEveryProjection() {
		CommandRun run = CommandRun.of("--data-dir", DATA_DIR.toString(), "reindex");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("table,rows").contains("resources,0").contains("record.observation,0")
			.contains("record.patient_fact,0");
		assertThat(run.err()).contains("reindexed 0 resources");
	}

	private static Path dataDir() {
		try {
			Files.createDirectories(Path.of("target"));
			return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-data-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
