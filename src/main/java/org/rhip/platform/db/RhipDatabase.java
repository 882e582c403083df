package org.rhip.platform.db;

import java.util.Optional;

/** The PostgreSQL the application talks to, and the embedded server behind it if we started one. */
public final class RhipDatabase implements AutoCloseable {

	private final String url;

	private final String user;

	private final String password;

	private final Optional<EmbeddedPostgres> embedded;

	private RhipDatabase(String url, String user, String password, Optional<EmbeddedPostgres> embedded) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
	}

	public static RhipDatabase open(DatabaseProperties properties) {
		if (properties.external()) {
			String url = properties.url().startsWith("jdbc:") ? properties.url() : "jdbc:" + properties.url();
			return new RhipDatabase(url, properties.user(), properties.password(), Optional.empty());
		}
		EmbeddedPostgres server = EmbeddedPostgres.start(properties.dataDir().toAbsolutePath().normalize());
		return new RhipDatabase(server.jdbcUrl(), server.user(), server.password(), Optional.of(server));
	}

	public String url() {
		return url;
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	public boolean embedded() {
		return embedded.isPresent();
	}

	@Override
	public void close() {
		embedded.ifPresent(EmbeddedPostgres::close);
	}

}
