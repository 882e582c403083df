package org.rhip.person;

import java.util.List;

/**
 * Event: a merge was undone. The records that came with the FHIR Patient resources
 * {@code patientIds} belong to {@code restored} again instead of {@code survivor}.
 */
public record PersonUnmerged(long restored, long survivor, List<String> patientIds) {
}
