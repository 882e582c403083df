package org.rhip.surveillance.signal;

/**
 * One watched series: case reports of a disease, or sentinel counts of {@code source/syndrome}, in a
 * street (or town) or a whole district.
 */
public record SeriesKey(String stream, String subject, String orgUnit) {

	/** The independent source a signal of this series comes from: case reports, or the sentinel source. */
	public String source() {
		return stream.equals("cases") ? "cases" : subject.substring(0, subject.indexOf('/'));
	}

}
