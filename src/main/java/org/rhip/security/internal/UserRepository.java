package org.rhip.security.internal;

import java.util.List;
import java.util.Optional;

import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and API clients in the security schema. */
@Repository
public class UserRepository {

	/** A user as listed to an administrator: never the password hash. */
	public record UserRow(String username, String displayName, String role, String orgUnitCode, boolean enabled) {
	}

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RhipUserDetails> user(String username) {
		return jdbc.sql("select * from security.app_user where username = ?").param(username).query((rs, n) -> {
			RhipPrincipal principal = new RhipPrincipal(rs.getString("username"),
					Role.of(rs.getString("role")).orElseThrow(), Optional.ofNullable(rs.getString("org_unit_code")), false);
			return new RhipUserDetails(principal, rs.getString("password_hash"), rs.getBoolean("enabled"));
		}).optional();
	}

	public List<UserRow> users() {
		return jdbc.sql("select * from security.app_user order by username")
			.query((rs, n) -> new UserRow(rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
					rs.getString("org_unit_code"), rs.getBoolean("enabled")))
			.list();
	}

	public boolean exists(String username) {
		return jdbc.sql("select count(*) from security.app_user where username = ?").param(username).query(Long.class).single() > 0;
	}

	public void insert(String username, String displayName, String passwordHash, Role role, String orgUnit) {
		jdbc.sql("""
				insert into security.app_user (username, display_name, password_hash, role, org_unit_code)
				values (?, ?, ?, ?, ?)
				""").params(username, displayName, passwordHash, role.key(), orgUnit).update();
	}

	public void setPassword(String username, String passwordHash) {
		jdbc.sql("update security.app_user set password_hash = ? where username = ?").params(passwordHash, username).update();
	}

	public void insertClient(String client, String tokenHash, Role role, String orgUnit, String institution) {
		jdbc.sql("""
				insert into security.api_client (client, token_hash, role, org_unit_code, institution_code)
				values (?, ?, ?, ?, ?)
				""").params(client, tokenHash, role.key(), orgUnit, institution).update();
	}

	public boolean clientExists(String client) {
		return jdbc.sql("select count(*) from security.api_client where client = ?").param(client).query(Long.class).single() > 0;
	}

	public Optional<RhipPrincipal> clientByTokenHash(String tokenHash) {
		return jdbc.sql("select * from security.api_client where token_hash = ? and revoked_at is null")
			.param(tokenHash)
			.query((rs, n) -> new RhipPrincipal(rs.getString("client"), Role.of(rs.getString("role")).orElseThrow(),
					Optional.ofNullable(rs.getString("org_unit_code")), true,
					Optional.ofNullable(rs.getString("institution_code"))))
			.optional();
	}

}
