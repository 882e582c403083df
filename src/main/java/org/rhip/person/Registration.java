package org.rhip.person;

import org.rhip.platform.problem.InvalidInput;

/** One source record of a bulk registration: the link, or why the record was refused (never both). */
public record Registration(LinkResult link, InvalidInput error) {

	public boolean ok() {
		return error == null;
	}

}
