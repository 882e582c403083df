package org.rhip.record;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

/**
 * One page of a search: the resources the caller may see, and how many match in all (before the
 * scope filter, which hides persons outside the caller's org unit page by page).
 */
public record RecordPage(List<Resource> resources, int total) {
}
