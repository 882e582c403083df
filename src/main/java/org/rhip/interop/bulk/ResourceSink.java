package org.rhip.interop.bulk;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Resource;

/**
 * Where imported resources go: the record store. It validates, links Patients, resolves references
 * (within the batch and against the store) and writes the good ones in the caller's transaction;
 * one outcome per input, in input order. The same content sent again is {@code unchanged}.
 */
public interface ResourceSink {

	List<Outcome> storeAll(List<Resource> resources, String institutionCode);

	/** The current version of a stored resource, if there is one. */
	Optional<Resource> read(String type, String id);

	/** What became of resource {@code index} of a batch: created, updated, unchanged or rejected (with path and reason). */
	record Outcome(int index, String resourceType, String id, String outcome, String errorPath, String errorMessage) {

		public boolean rejected() {
			return "rejected".equals(outcome);
		}

	}

}
