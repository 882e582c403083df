package org.rhip.indicator.report;

import org.rhip.indicator.Status;

/** The fill of a status cell, the same in both reports (RGB hex, as Office writes it). */
final class StatusColour {

	/** A light red for the whole row of a binding indicator that is off track. */
	static final String FLAGGED_ROW = "FDE9E7";

	/** The header rows of the tables. */
	static final String HEADER = "D9E1F2";

	private StatusColour() {
	}

	static String fill(Status status) {
		return switch (status) {
			case ACHIEVED -> "C6EFCE";
			case ON_TRACK -> "DDEBF7";
			case AT_RISK -> "FFEB9C";
			case OFF_TRACK -> "FFC7CE";
			case NO_DATA -> "E7E6E6";
		};
	}

}
