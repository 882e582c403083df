package org.rhip.record;

import java.time.Instant;

import org.hl7.fhir.r4.model.Resource;

/**
 * A single write: the resource as now stored (with meta.versionId and lastUpdated), and whether it
 * was {@code created}, {@code updated} or {@code unchanged} (the same content, or a conditional create
 * that found its match).
 */
public record WriteResult(String type, String id, int versionId, Instant lastUpdated, String outcome,
		Resource resource) {

	public boolean created() {
		return StoreOutcome.CREATED.equals(outcome);
	}

}
