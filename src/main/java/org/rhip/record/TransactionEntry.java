package org.rhip.record;

import org.hl7.fhir.r4.model.Resource;

/**
 * One entry of a FHIR transaction or batch: {@code POST} (create; with {@code ifNoneExist} a
 * conditional create), {@code PUT Type/id} (update or create with that id) or {@code DELETE Type/id}.
 * {@code fullUrl} (often {@code urn:uuid:…}) is what other entries refer to it by.
 */
public record TransactionEntry(String fullUrl, String method, String url, String ifNoneExist, Resource resource) {
}
