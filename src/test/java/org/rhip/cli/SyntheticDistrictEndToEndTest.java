package org.rhip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end test, as a statistician of the commission would run it, on a database of its
 * own: generate a synthetic Tianhe at 2 % scale, import every file it wrote, evaluate the Tianhe plan
 * for 2020 — the vital statistics and the programs' rows now come from the records, with plausible
 * values near the plan's printed 2020 baselines.
 */
class SyntheticDistrictEndToEndTest {

	@TempDir
	Path dir;

	@Test
	void aGeneratedDistrictImportedEvaluatesFromItsRecords() throws IOException {
		Path out = dir.resolve("tianhe");
		Path data = dir.resolve("data");
		CommandRun generated = CommandRun.of("generate", "--region", "440106", "--scale", "0.02", "--out", out.toString());
		assertThat(generated.code()).as(generated.err()).isZero();
		List<String> files = new ArrayList<>();
		try (Stream<Path> listed = Files.list(out)) {
			listed.map(Path::toString).filter(f -> f.endsWith(".ndjson") || f.endsWith(".csv")).sorted().forEach(files::add);
		}
		assertThat(files).isNotEmpty();
		List<String> importArgs = new ArrayList<>(List.of("--data-dir", data.toString(), "import"));
		importArgs.addAll(files);
		importArgs.addAll(List.of("--errors", dir.resolve("errors.csv").toString()));
		CommandRun imported = CommandRun.of(importArgs.toArray(String[]::new));
		assertThat(imported.code()).as(imported.err()).isZero();
		assertThat(imported.out()).as("nothing the generator wrote is refused").doesNotContain("rejected record(s)");

		CommandRun evaluated = CommandRun.of("--data-dir", data.toString(), "evaluate", "--plan", "tianhe-2021-2025", "--year",
				"2020", "--format", "json");
		assertThat(evaluated.code()).as(evaluated.err()).isZero();
		Map<String, JsonNode> rows = new HashMap<>();
		for (JsonNode row : JsonMapper.builder().build().readTree(evaluated.out()).get("indicators")) {
			rows.put(row.get("detail").get(0).get("indicator").asString(), row);
		}
		// plausible: around Tianhe's printed 2020 baselines, wide enough for a 2 % sample (about 430 births)
		assertFromRecords(rows, "LIFE_EXPECTANCY", 79, 86); // printed 82.7
		assertFromRecords(rows, "INFANT_MORTALITY", 0, 8); // printed 1.49 ‰
		assertFromRecords(rows, "UNDER5_MORTALITY", 0, 10); // printed 2.18 ‰
		assertFromRecords(rows, "MATERNAL_MORTALITY", 0, 250); // printed 22.96 per 100,000
		assertFromRecords(rows, "PREMATURE_NCD_MORTALITY", 4, 13); // printed 8.15 %
		assertFromRecords(rows, "NIP_COVERAGE", 93, 100); // printed 99 %
		assertFromRecords(rows, "ELDERLY_HEALTH_MGMT", 60, 85); // printed ≥70 %
	}

	private static void assertFromRecords(Map<String, JsonNode> rows, String indicator, double min, double max) {
		JsonNode row = rows.get(indicator);
		assertThat(row).as(indicator + " is a row of the Tianhe plan").isNotNull();
		assertThat(row.get("source").asString()).as(indicator + " source").isEqualTo("records");
		JsonNode detail = row.get("detail").get(0);
		assertThat(detail.get("denominator").isNull()).as(indicator + " keeps its denominator").isFalse();
		assertThat(detail.get("value").asDouble()).as(indicator + " value").isBetween(min, max);
	}

}
