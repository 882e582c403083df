package org.rhip.surveillance;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A message to a user in the console about a signal. */
public record Notification(long id, long signalId, String message, OffsetDateTime createdAt,
		Optional<OffsetDateTime> readAt) {
}
