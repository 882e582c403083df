package org.rhip.interop.bulk;

import org.hl7.fhir.r4.model.Resource;

/** One record read from a file, at its 1-based line (entry of a Bundle, row of a CSV file): a resource or why it was rejected. */
sealed interface Parsed permits Parsed.Ok, Parsed.Item, Rejection {

	long line();

	/** A resource to store. */
	record Ok(long line, Resource resource) implements Parsed {
	}

	/** A row that is no FHIR resource (a family-doctor team or contract) for the care module. */
	record Item(long line, FamilyDoctorRows.Item item) implements Parsed {
	}

}
