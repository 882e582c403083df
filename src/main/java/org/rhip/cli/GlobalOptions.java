package org.rhip.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command takes: where the data lives. */
public final class GlobalOptions {

	@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:RHIP_DATA_DIR:-./rhip-data}",
			description = "Directory of the embedded database (default ${DEFAULT-VALUE}; env RHIP_DATA_DIR).")
	Path dataDir;

	@Option(names = "--db-url", paramLabel = "URL", defaultValue = "${env:RHIP_DB_URL}",
			description = "JDBC URL of an external PostgreSQL instead of the embedded one (env RHIP_DB_URL; "
					+ "user and password from RHIP_DB_USER and RHIP_DB_PASSWORD).")
	String dbUrl;

}
