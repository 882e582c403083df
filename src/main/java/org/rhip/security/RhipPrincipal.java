package org.rhip.security;

import java.util.Optional;

/**
 * Who is calling: a console user or an API client, with the org unit below which they may enter
 * data (empty: the whole platform) and, for an API client of a hospital or CHC, the institution whose
 * records it writes.
 */
public record RhipPrincipal(String name, Role role, Optional<String> scope, boolean apiClient,
		Optional<String> institution) {

	public RhipPrincipal(String name, Role role, Optional<String> scope, boolean apiClient) {
		this(name, role, scope, apiClient, Optional.empty());
	}

	public boolean mayEnterData() {
		return role == Role.ADMIN || role == Role.CLERK;
	}

}
