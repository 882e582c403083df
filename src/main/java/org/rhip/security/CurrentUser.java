package org.rhip.security;

import java.util.Optional;

import org.rhip.security.internal.RhipUserDetails;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<RhipPrincipal> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof RhipUserDetails user) {
			return Optional.of(user.principal());
		}
		if (authentication.getPrincipal() instanceof RhipPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	public static RhipPrincipal require() {
		return get().orElseThrow(() -> new IllegalStateException("no authenticated user"));
	}

}
