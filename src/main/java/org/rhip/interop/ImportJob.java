package org.rhip.interop;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An import job as its owner sees it: status, counts, progress. {@code read} counts the records read
 * (resources, and rejected lines or rows); each ends up created, updated, unchanged or rejected.
 * Progress is in bytes of the files as stored (compressed bytes for {@code .gz}). Of the running time,
 * {@code parseWaitMillis} went waiting for parsed batches and {@code storeMillis} into the record store.
 */
public record ImportJob(long id, String createdBy, String via, String institution, ImportStatus status,
		Optional<String> message, long read, long created, long updated, long unchanged, long rejected, long bytesDone,
		long bytesTotal, long parseWaitMillis, long storeMillis, List<File> files, OffsetDateTime createdAt, Optional<OffsetDateTime> startedAt,
		Optional<OffsetDateTime> finishedAt) {

	/** One file of a job: its name, format, how far it is committed (line, or entry of a Bundle) and its state. */
	public record File(int no, String name, String format, String status, long linesDone, long bytesDone, long bytesTotal) {
	}

	/** Progress in percent, 0–100 (100 when done). */
	public int percent() {
		if (status == ImportStatus.DONE) {
			return 100;
		}
		return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesDone * 100 / bytesTotal);
	}

}
