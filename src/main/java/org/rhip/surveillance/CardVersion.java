package org.rhip.surveillance;

import java.time.OffsetDateTime;

/** One version of a report card: what was done, by whom, when and why, and the card as it then was. */
public record CardVersion(int version, String action, String actor, OffsetDateTime at, String reason, String snapshot) {
}
