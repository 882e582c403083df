package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} as a user runs it: no database, files and a summary on success, exit 2 with one line on a usage error. */
class GenerateCommandTest {

	@TempDir
	Path dir;

	@Test
	void writesTheFilesAndPrintsTheRecordsPerFile() throws IOException {
		Path out = dir.resolve("district");
		CommandRun run = CommandRun.of("generate", "--region", "440203", "--scale", "0.001", "--years", "2019-2021", "--out",
				out.toString(), "--seed", "5", "--threads", "1");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).contains("10-patients.ndjson").contains("20-encounters-2021.ndjson")
			.contains("91-family_doctor_contracts.csv").containsPattern("\\d+ residents, \\d+ births, \\d+ deaths");
		assertThat(out.resolve("README.txt")).exists();
		assertThat(Files.readString(out.resolve("10-patients.ndjson"))).contains("\"value\":\"440203").contains("武江区");
		assertThat(out.resolve("20-encounters-2022.ndjson")).doesNotExist();

		// a second run replaces the first one's files, and leaves other files alone
		Files.writeString(out.resolve("notes.txt"), "mine");
		CommandRun again = CommandRun.of("generate", "--region", "440203", "--scale", "0.001", "--years", "2019-2020", "--out",
				out.toString(), "--seed", "5");
		assertThat(again.code()).as(again.err()).isZero();
		assertThat(out.resolve("20-encounters-2021.ndjson")).doesNotExist();
		assertThat(out.resolve("20-encounters-2020.ndjson")).exists();
		assertThat(out.resolve("notes.txt")).hasContent("mine");
	}

	@Test
	void usageErrorsExitWithTwoAndOneLine() {
		String out = dir.resolve("x").toString();
		CommandRun unknown = CommandRun.of("generate", "--region", "999999", "--out", out);
		assertThat(unknown.code()).isEqualTo(2);
		assertThat(unknown.err().strip()).startsWith("rhip: no registry file for region '999999'").doesNotContain("\n");

		CommandRun future = CommandRun.of("generate", "--region", "440106", "--years", "2020-2030", "--out", out);
		assertThat(future.code()).isEqualTo(2);
		assertThat(future.err()).contains("--years must end before");

		CommandRun malformed = CommandRun.of("generate", "--region", "440106", "--years", "2020", "--out", out);
		assertThat(malformed.code()).isEqualTo(2);
		assertThat(malformed.err()).contains("--years must look like 2016-2025");

		CommandRun scale = CommandRun.of("generate", "--region", "440106", "--scale", "0", "--out", out);
		assertThat(scale.code()).isEqualTo(2);
		assertThat(scale.err()).contains("--scale");

		CommandRun missing = CommandRun.of("generate", "--region", "440106");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("--out");
	}

}
