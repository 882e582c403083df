package org.rhip.record;

import java.time.Instant;

import org.hl7.fhir.r4.model.Resource;

/** One version of a resource; a deleted version has no resource. */
public record StoredVersion(String type, String id, int versionId, Instant lastUpdated, boolean deleted,
		Resource resource) {
}
