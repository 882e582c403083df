package org.rhip.record;

/**
 * What became of one resource of a bulk write, in input order: {@code created}, {@code updated},
 * {@code unchanged} (the same content again: no new version) or {@code rejected}, with the FHIR
 * element path and the reason.
 */
public record StoreOutcome(int index, String resourceType, String id, String outcome, String errorPath,
		String errorMessage) {

	public static final String CREATED = "created";

	public static final String UPDATED = "updated";

	public static final String UNCHANGED = "unchanged";

	public static final String REJECTED = "rejected";

	public boolean rejected() {
		return REJECTED.equals(outcome);
	}

}
