package org.rhip.interop;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an import job is: queued, running, then done, failed or cancelled. A failed job, or one
 * left running by a process that died, runs again from its last committed batch (resume).
 */
public enum ImportStatus {

	QUEUED, RUNNING, DONE, FAILED, CANCELLED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ImportStatus of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

	/** The statuses a job may move to from this one. */
	public Set<ImportStatus> next() {
		return switch (this) {
			case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
			// RUNNING → RUNNING: a job whose process died is resumed
			case RUNNING -> EnumSet.of(RUNNING, DONE, FAILED, CANCELLED);
			case FAILED -> EnumSet.of(QUEUED, RUNNING, CANCELLED);
			case DONE, CANCELLED -> EnumSet.noneOf(ImportStatus.class);
		};
	}

	public boolean mayMoveTo(ImportStatus next) {
		return next().contains(next);
	}

	public boolean finished() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

}
