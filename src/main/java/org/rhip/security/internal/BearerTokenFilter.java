package org.rhip.security.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rhip.security.RhipPrincipal;
import org.rhip.security.SecurityApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API clients by {@code Authorization: Bearer <token>}; a wrong token is a 401, never a fallback. */
@Component
@ConditionalOnWebApplication
class BearerTokenFilter extends OncePerRequestFilter {

	private final SecurityApi security;

	BearerTokenFilter(SecurityApi security) {
		this.security = security;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.startsWith("Bearer ")) {
			var client = security.clientForToken(header.substring(7).strip());
			if (client.isEmpty()) {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"unknown or revoked token\"}");
				return;
			}
			RhipPrincipal principal = client.get();
			var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		chain.doFilter(request, response);
	}

}
