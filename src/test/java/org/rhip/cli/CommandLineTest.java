package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rhip.RhipApplication;

/**
 * The command line as a user runs it, in-process, on a fresh data directory of its own: every
 * command works on an empty database, prints clean output, and exits 0, 1 or 2.
 */
class CommandLineTest {

	private static final Path DATA_DIR = dataDir();

	@Test
	void evaluatePrintsOneJsonObjectWithEveryRowOfThePlan() {
		Result result = run("--data-dir", DATA_DIR.toString(), "evaluate", "--plan", "dongli-2021-2025", "--year",
				"2020", "--format", "json");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("{").contains("\"plan\" : \"dongli-2021-2025\"").contains("\"year\" : 2020");
		assertThat(result.out().split("\"code\" :", -1)).hasSize(14 + 1);
		// the printed oddity stays as printed
		assertThat(result.out()).contains("\"baseline\" : \"01:00.7\"");
	}

	@Test
	void usageErrorsExitWithTwoAndOneLine() {
		Result unknownPlan = run("--data-dir", DATA_DIR.toString(), "evaluate", "--plan", "nowhere", "--year", "2020");
		assertThat(unknownPlan.code()).isEqualTo(2);
		assertThat(unknownPlan.err().strip()).startsWith("rhip: no plan with id nowhere").doesNotContain("\n");

		Result noOut = run("evaluate", "--plan", "tianhe-2021-2025", "--year", "2023", "--format", "xlsx");
		assertThat(noOut.code()).isEqualTo(2);
		assertThat(noOut.err()).contains("--out");

		Result missing = run("evaluate", "--year", "2023");
		assertThat(missing.code()).isEqualTo(2);
	}

	@Test
	void aTokenIsPrintedOnce() {
		Result result = run("--data-dir", DATA_DIR.toString(), "token", "create", "--client", "his-gateway", "--role",
				"clerk", "--org-unit", "440106");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.out().strip()).startsWith("rhip_").hasSizeGreaterThan(40);
		Result again = run("--data-dir", DATA_DIR.toString(), "token", "create", "--client", "his-gateway", "--role",
				"clerk", "--org-unit", "440106");
		assertThat(again.code()).isEqualTo(1);
		assertThat(again.err()).contains("has a token already");
	}

	record Result(int code, String out, String err) {
	}

	private static synchronized Result run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int code = RhipCommand.run(RhipApplication.class, args);
			return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
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
