package org.rhip.platform.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} on the current transaction's connection: many rows in one
 * round trip, for bulk writes. Rows are in COPY's text format (tab-separated, {@code \N} for null).
 */
public final class PgCopy {

	private PgCopy() {
	}

	/** Copies the rows in; returns the number of rows. Nothing is sent for no rows. */
	public static long copyIn(JdbcTemplate jdbc, String copySql, CharSequence rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return copied == null ? 0 : copied;
	}

	/** A value in COPY's text format: backslash, tab and newline escaped. */
	public static String text(String value) {
		return value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
	}

}
