package org.rhip.interop.bulk;

/**
 * A record that was not imported: where it was, what it was (as far as known), the element or
 * column at fault and why. Never carries a value of the record (no names, ID numbers, dates).
 */
public record Rejection(long line, String resourceType, String id, String path, String reason) implements Parsed {

	/** A rejection at the same place for a different reason (the reason is cut to 500 characters). */
	public static Rejection of(long line, String resourceType, String id, String path, String reason) {
		String text = reason == null ? "rejected" : reason.length() > 500 ? reason.substring(0, 500) : reason;
		return new Rejection(line, resourceType, id, path, text);
	}

}
