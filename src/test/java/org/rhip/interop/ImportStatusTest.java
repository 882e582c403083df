package org.rhip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportStatusTest {

	@Test
	void aFailedOrCrashedJobMayRunAgainAndAFinishedOneNot() {
		assertThat(ImportStatus.FAILED.mayMoveTo(ImportStatus.RUNNING)).isTrue();
		assertThat(ImportStatus.RUNNING.mayMoveTo(ImportStatus.RUNNING)).as("resumed after its process died").isTrue();
		assertThat(ImportStatus.DONE.next()).isEmpty();
		assertThat(ImportStatus.CANCELLED.next()).isEmpty();
	}

	@Test
	void aQueuedJobMayFailBeforeItRuns() {
		assertThat(ImportStatus.QUEUED.next()).containsExactlyInAnyOrder(ImportStatus.RUNNING, ImportStatus.FAILED,
				ImportStatus.CANCELLED);
		assertThat(ImportStatus.QUEUED.mayMoveTo(ImportStatus.DONE)).isFalse();
	}

	@Test
	void formatsAreKnownByKeyTemplateAndFileName() {
		assertThat(ImportFormat.of("csv-births")).contains(ImportFormat.CSV_BIRTHS);
		assertThat(ImportFormat.of("births")).contains(ImportFormat.CSV_BIRTHS);
		assertThat(ImportFormat.ofFileName("Observation.000.ndjson.gz")).contains(ImportFormat.NDJSON);
		assertThat(ImportFormat.ofFileName("synthea/Zhang_San.json")).contains(ImportFormat.BUNDLE);
		assertThat(ImportFormat.ofFileName("2025年接种.csv")).contains(ImportFormat.CSV_IMMUNIZATIONS);
		assertThat(ImportFormat.ofFileName("export.csv")).isEmpty();
	}

}
