package org.rhip.person;

import java.time.OffsetDateTime;

/**
 * A possible duplicate to decide: the record filed under {@code personId} may be {@code candidateId}.
 * {@code weights} is the per-field comparison (level and weight, no values) as JSON.
 */
public record ReviewItem(long id, long personId, long candidateId, double score, String weights, String status,
		OffsetDateTime createdAt, String decidedBy, OffsetDateTime decidedAt, String note) {
}
