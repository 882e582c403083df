package org.rhip.interop.bulk;

import java.io.IOException;

/** A file that cannot be imported at all (not a Bundle, a CSV header without a required column): reported, and the next file goes on. */
final class FileProblem extends IOException {

	private final String path;

	FileProblem(String path, String message) {
		super(message);
		this.path = path;
	}

	FileProblem(String message) {
		this(null, message);
	}

	String path() {
		return path;
	}

}
