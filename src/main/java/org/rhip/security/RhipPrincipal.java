package org.rhip.security;

import java.util.Optional;

/**
 * Who is calling: a console user or an API client, with the org unit below which they may enter
 * data (empty: the whole platform).
 */
public record RhipPrincipal(String name, Role role, Optional<String> scope, boolean apiClient) {

	public boolean mayEnterData() {
		return role == Role.ADMIN || role == Role.CLERK;
	}

}
