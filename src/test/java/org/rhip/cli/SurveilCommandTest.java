package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code surveil detect} as a user runs it, in-process: a pure computation over a CSV file. */
class SurveilCommandTest {

	private static final Path DIR = dir();

	@Test
	void aDailyFileGivesOneRowPerDayWithThresholdAndAlarm() throws IOException {
		Path input = file("daily.csv", "date,count\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n2024-01-04,2\n2024-01-05,9\n2024-01-06,0\n");
		Path dataDir = DIR.resolve("never-created");
		long started = System.nanoTime();
		CommandRun result = CommandRun.of("--data-dir", dataDir.toString(), "surveil", "detect", "--input", input.toString(), "--method",
				"ears-c1", "--param", "baseline=3");
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).isEqualTo("""
				date,count,threshold,alarm
				2024-01-01,1,,0
				2024-01-02,2,,0
				2024-01-03,3,,0
				2024-01-04,2,5.090232,0
				2024-01-05,9,4.11748,1
				2024-01-06,0,16.366097,0
				""");
		// no Spring, no database
		assertThat(dataDir).doesNotExist();
		assertThat(millis).isLessThan(5_000);

		Path out = DIR.resolve("daily-out.csv");
		CommandRun toFile = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "fixed", "--param", "threshold=3",
				"--out", out.toString());
		assertThat(toFile.code()).as(toFile.err()).isZero();
		assertThat(toFile.out()).isEmpty();
		assertThat(Files.readString(out)).startsWith("date,count,threshold,alarm\n2024-01-01,1,3,0\n")
				.contains("2024-01-03,3,3,1\n");
	}

	@Test
	void yearWeekInputIsWeeklyDatedByMonday() throws IOException {
		Path input = file("weeks.csv", "year,week,count\n2020,52\t,0\n2020,53,1\n2021,1,4\n2021,2,0\n");
		CommandRun result = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "fixed");
		assertThat(result.code()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo("""
				date,count,threshold,alarm
				2020-12-21,0,1,0
				2020-12-28,1,1,1
				2021-01-04,4,1,1
				2021-01-11,0,1,0
				""");
		Path mondays = file("mondays.csv", "\uFEFFdate,count\r\n2024-01-01,3\r\n2024-01-08,4\r\n\r\n");
		CommandRun weekly = CommandRun.of("surveil", "detect", "--input", mondays.toString(), "--method", "fixed");
		assertThat(weekly.code()).as(weekly.err()).isZero();
		assertThat(weekly.out()).contains("2024-01-08,4,1,1");
	}

	@Test
	void badInputExitsWithOneAndNamesLineAndField() throws IOException {
		String head = "date,count\n2024-01-01,1\n2024-01-02,2\n2024-01-03,0\n2024-01-04,1\n2024-01-05,3\n";
		assertBad(head + "2024-01-06,2.5\n", "line 7: count must be a whole number ≥ 0, not '2.5'");
		assertBad(head + "2024-01-06,-1\n", "line 7: count must be a whole number ≥ 0, not '-1'");
		assertBad(head + "2024-01-06,\n", "line 7: count must be a whole number ≥ 0, not ''");
		assertBad(head + "2024-02-30,1\n", "line 7: date must be an ISO date (YYYY-MM-DD), not '2024-02-30'");
		assertBad(head + "06/01/2024,1\n", "line 7: date must be an ISO date (YYYY-MM-DD), not '06/01/2024'");
		assertBad(head + "2024-01-04,1\n", "line 7: date 2024-01-04 is out of order (after 2024-01-05)");
		assertBad(head + "2024-01-05,1\n", "line 7: date 2024-01-05 is repeated");
		assertBad(head + "2024-01-08,1\n", "line 7: date 2024-01-08 leaves a gap: expected 2024-01-06 after 2024-01-05");
		assertBad(head + "2024-01-06,1,2\n", "line 7: expected 2 fields (date,count), found 3");
		assertBad("day,cases\n2024-01-01,1\n", "line 1: header must be date,count or year,week,count, not 'day,cases'");
		assertBad("", "line 1: no header");
		assertBad("date,count\n2024-01-02,1\n2024-01-09,1\n", "line 2: date 2024-01-02 is a Tuesday: a weekly series is dated by each week's Monday");
		assertBad("date,count\n2024-01-01,1\n2024-01-08,1\n2024-01-16,1\n", "line 4: date 2024-01-16 is a Tuesday");
		assertBad("date,count\n2024-01-01,1\n2024-01-04,1\n", "line 3: date 2024-01-04 is 3 days after 2024-01-01");
		assertBad("year,week,count\n2021,52,1\n2021,53,1\n", "line 3: week must be a week from 1 to 52 of 2021, not '53'");
		assertBad("year,week,count\n2021,5,1\n2021,7,1\n", "line 3: week 2021-W07 leaves a gap: expected 2021-W06 after 2021-W05");

		CommandRun missing = CommandRun.of("surveil", "detect", "--input", DIR.resolve("nowhere.csv").toString(), "--method", "fixed");
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err()).contains("nowhere.csv: no such file");
	}

	private static void assertBad(String content, String message) throws IOException {
		Path input = file("input.csv", content);
		CommandRun result = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "ears-c1");
		assertThat(result.code()).as(content).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err().strip()).as(content).startsWith("rhip: " + input + " " + message).doesNotContain("\n");
	}

	@Test
	void unknownMethodOrParameterExitsWithTwoNamingIt() throws IOException {
		Path input = file("ok.csv", "date,count\n2024-01-01,1\n");
		CommandRun method = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "ears-c9");
		assertThat(method.code()).isEqualTo(2);
		assertThat(method.err().strip()).startsWith("rhip: --method must be one of").contains("not 'ears-c9'")
				.doesNotContain("\n");
		CommandRun param = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "cusum", "--param", "kk=1");
		assertThat(param.code()).isEqualTo(2);
		assertThat(param.err().strip()).isEqualTo("rhip: --param kk is not a parameter of cusum (it takes k, h, m, trans, range)");
		CommandRun value = CommandRun.of("surveil", "detect", "--input", input.toString(), "--method", "mpm", "--param", "years=two");
		assertThat(value.code()).isEqualTo(2);
		assertThat(value.err().strip()).isEqualTo("rhip: --param years must be a whole number, not 'two'");
		CommandRun none = CommandRun.of("surveil");
		assertThat(none.code()).isEqualTo(2);
		assertThat(CommandRun.of("surveil", "detect", "--method", "mpm").code()).isEqualTo(2);
	}

	@Test
	void runAndSimulateCheckTheirOptionsBeforeStartingAnything() {
		CommandRun method = CommandRun.of("surveil", "run", "--region", "440106", "--from", "2025-01-01", "--to", "2025-01-31",
				"--methods", "mpm,farington");
		assertThat(method.code()).isEqualTo(2);
		assertThat(method.err().strip()).startsWith("rhip: --methods: unknown method 'farington'");
		CommandRun backwards = CommandRun.of("surveil", "run", "--region", "440106", "--from", "2025-02-01", "--to", "2025-01-31");
		assertThat(backwards.code()).isEqualTo(2);
		CommandRun short_ = CommandRun.of("surveil", "simulate", "--region", "440106", "--from", "2025-01-01", "--to", "2025-06-30");
		assertThat(short_.code()).isEqualTo(2);
		assertThat(short_.err()).contains("at least a year");
	}


	private static Path file(String name, String content) throws IOException {
		Path file = DIR.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private static Path dir() {
		try {
			Files.createDirectories(Path.of("target"));
			return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "surveil-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
