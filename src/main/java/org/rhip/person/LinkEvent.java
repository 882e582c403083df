package org.rhip.person;

import java.time.OffsetDateTime;

/** One step of a person's linkage history: created, a record linked, merged, unmerged, reviewed. */
public record LinkEvent(long id, OffsetDateTime at, String actor, String kind, long personId, Long otherPersonId,
		Long sourceRecordId, Double score, String reason) {
}
