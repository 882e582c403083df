package org.rhip.care.vital;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class NcdCauseTest {

	@Test
	void theFourIcd10RangesWithTheirEdges() {
		Map<String, NcdCause> expected = Map.ofEntries(Map.entry("I00", NcdCause.CARDIOVASCULAR),
				Map.entry("I21.9", NcdCause.CARDIOVASCULAR), Map.entry("I99", NcdCause.CARDIOVASCULAR),
				Map.entry("c34", NcdCause.CANCER), Map.entry("C00", NcdCause.CANCER), Map.entry("C97", NcdCause.CANCER),
				Map.entry("E10", NcdCause.DIABETES), Map.entry("E11", NcdCause.DIABETES), Map.entry("E14.9", NcdCause.DIABETES),
				Map.entry("J30", NcdCause.CHRONIC_RESPIRATORY), Map.entry("J45.909", NcdCause.CHRONIC_RESPIRATORY),
				Map.entry(" j44.1 ", NcdCause.CHRONIC_RESPIRATORY), Map.entry("J98", NcdCause.CHRONIC_RESPIRATORY));
		expected.forEach((code, cause) -> assertThat(NcdCause.of(code)).as(code).contains(cause));
	}

	@Test
	void neighboursOfTheRangesAndNonsenseAreNotMajorNcds() {
		for (String code : List.of("C98", "D00", "E09", "E15", "J29", "J00", "J18.9", "J99", "H99", "A15", "X59", "", "I",
				"I2", "C7A", "34", "R99")) {
			assertThat(NcdCause.isMajorNcd(code)).as(code).isFalse();
		}
		assertThat(NcdCause.isMajorNcd(null)).isFalse();
		assertThat(NcdCause.isMajorNcd("I10")).isTrue();
	}

	@Test
	void theSqlConditionAgreesWithTheJavaRule() {
		assertThat(NcdCause.sqlCondition("d.cause")).startsWith("upper(trim(d.cause)) ~ '^(").endsWith(".*'");
		// the pattern matches the whole code (DuckDB's ~ is a full match, PostgreSQL's a search: with the
		// anchor and the trailing .* both mean the same), as Java's matches() does
		Pattern sql = Pattern.compile(NcdCause.sqlPattern() + ".*");
		for (char letter = 'A'; letter <= 'Z'; letter++) {
			for (int n = 0; n < 100; n++) {
				String code = String.format(Locale.ROOT, "%c%02d.1", letter, n);
				assertThat(sql.matcher(code).matches()).as(code).isEqualTo(NcdCause.isMajorNcd(code));
			}
		}
	}

}
