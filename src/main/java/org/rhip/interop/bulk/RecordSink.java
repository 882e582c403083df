package org.rhip.interop.bulk;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.problem.NotFound;
import org.rhip.record.RecordApi;

import org.springframework.stereotype.Component;

/**
 * Imports go to the record store: {@link RecordApi#storeAll} joins the batch's transaction. Jobs run
 * without a signed-in user (the command line, the import queue's thread), so a Patient read back to
 * be changed comes unmasked and the store checks institutions against the job's own.
 */
@Component
class RecordSink implements ResourceSink {

	private final RecordApi records;

	RecordSink(RecordApi records) {
		this.records = records;
	}

	@Override
	public List<Outcome> storeAll(List<Resource> resources, String institutionCode) {
		return records.storeAll(resources, institutionCode)
			.stream()
			.map(o -> new Outcome(o.index(), o.resourceType(), o.id(), o.outcome(), o.errorPath(), o.errorMessage()))
			.toList();
	}

	@Override
	public Optional<Resource> read(String type, String id) {
		try {
			return Optional.of(records.read(type, id));
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

}
