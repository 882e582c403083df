package org.rhip.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: an external PostgreSQL when {@code url} is set ({@code --db-url},
 * {@code RHIP_DB_URL}), otherwise the embedded server with its cluster under {@code dataDir}.
 */
@ConfigurationProperties("rhip.db")
public record DatabaseProperties(String url, String user, String password,
		@DefaultValue("./rhip-data") Path dataDir) {

	public boolean external() {
		return url != null && !url.isBlank();
	}

}
