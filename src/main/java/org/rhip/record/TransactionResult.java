package org.rhip.record;

import java.time.Instant;

import org.hl7.fhir.r4.model.Resource;

/**
 * The response to one transaction or batch entry: HTTP status, {@code Type/id/_history/n}, and the
 * resource stored; for a failed batch entry the problem instead.
 */
public record TransactionResult(int status, String location, Integer versionId, Instant lastUpdated,
		Resource resource, InvalidResourceProblem problem) {

	/** Why a batch entry failed: HTTP status, element path, message. */
	public record InvalidResourceProblem(int status, String path, String message) {
	}

}
