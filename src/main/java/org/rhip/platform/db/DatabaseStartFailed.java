package org.rhip.platform.db;

/** The database could not be started or reached; the message says why in one line. */
public class DatabaseStartFailed extends RuntimeException {

	public DatabaseStartFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
