package org.rhip.platform.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	RhipDatabase rhipDatabase(DatabaseProperties properties) {
		return RhipDatabase.open(properties);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(RhipDatabase database) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		if (database.user() != null) {
			config.setUsername(database.user());
		}
		if (database.password() != null) {
			config.setPassword(database.password());
		}
		config.setMaximumPoolSize(8);
		config.setPoolName("rhip");
		return new HikariDataSource(config);
	}

}
