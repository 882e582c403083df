package org.rhip.record.store;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.check.ResourceChecker;
import org.rhip.record.patient.PatientMapper;
import org.rhip.record.projection.Rows;
import org.rhip.record.projection.SearchFields;

/** One resource on its way through a write: what it is, what was found out about it, what to store. */
final class Item {

	final int index;

	final Resource resource;

	final String type;

	String id;

	/** What other entries of a transaction call it ({@code urn:uuid:…}), if anything. */
	final String fullUrl;

	/** {@code identifier=system|value} of a conditional create. */
	final String ifNoneExist;

	/** Refused: an {@code InvalidResource} or a {@code Forbidden}; nothing is stored. */
	RuntimeException error;

	ResourceChecker.Inspection inspection;

	PatientMapper.Mapped patient;

	String institution;

	String patientId;

	Long personId;

	ResourceRows.Existing existing;

	/** Batch items this one refers to: if one is refused, so is this one. */
	final List<Item> dependsOn = new ArrayList<>(2);

	final List<String> dependsOnPaths = new ArrayList<>(2);

	/** The content as received after references were resolved, its hash, and what is stored. */
	String json;

	String hash;

	String storedJson;

	byte[] contentEnc;

	String outcome;

	int version;

	SearchFields search;

	Rows rows;

	/** A conditional create that found its match: nothing is written, the match is the answer. */
	boolean matched;

	Item(int index, Resource resource, String id, String fullUrl, String ifNoneExist) {
		this.index = index;
		this.resource = resource;
		this.type = resource.fhirType();
		this.id = id;
		this.fullUrl = fullUrl;
		this.ifNoneExist = ifNoneExist;
	}

	String key() {
		return type + "/" + id;
	}

	boolean ok() {
		return error == null;
	}

	boolean writes() {
		return error == null && !matched && ("created".equals(outcome) || "updated".equals(outcome));
	}

}
