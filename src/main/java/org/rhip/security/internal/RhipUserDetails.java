package org.rhip.security.internal;

import java.util.Collection;
import java.util.List;

import org.rhip.security.RhipPrincipal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A console user as Spring Security sees it. */
public record RhipUserDetails(RhipPrincipal principal, String passwordHash, boolean enabled) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return principal.name();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

}
