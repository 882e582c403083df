package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} usage errors: exit code 2 and one line, before anything starts. */
class ImportCommandTest {

	@TempDir
	Path dir;

	@Test
	void nothingToImportIsAUsageError() {
		CommandRun run = CommandRun.of("import");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("rhip: say what to import").doesNotContain("\n");
	}

	@Test
	void anUnknownFormatIsAUsageError() throws IOException {
		Path file = Files.writeString(dir.resolve("a.ndjson"), "");
		CommandRun run = CommandRun.of("import", file.toString(), "--format", "xml");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("--format must be ndjson, bundle or csv-<template>, not 'xml'");
	}

	@Test
	void aMissingFileOrAnUnknownKindOfFileIsAUsageError() throws IOException {
		assertThat(CommandRun.of("import", dir.resolve("nowhere.ndjson").toString()).err()).contains("no such file");
		Path odd = Files.writeString(dir.resolve("data.xml"), "<x/>");
		CommandRun run = CommandRun.of("import", odd.toString());
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("cannot tell the format of data.xml");
	}

	@Test
	void aCsvFileNeedsTheInstitution() throws IOException {
		Path csv = Files.writeString(dir.resolve("patients.csv"), "姓名\n");
		CommandRun run = CommandRun.of("import", csv.toString());
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("--institution");
	}

	@Test
	void resumeTakesNoFiles() throws IOException {
		Path file = Files.writeString(dir.resolve("a.ndjson"), "");
		assertThat(CommandRun.of("import", "--resume", "3", file.toString()).code()).isEqualTo(2);
	}

}
