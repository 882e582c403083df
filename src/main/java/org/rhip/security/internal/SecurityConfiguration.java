package org.rhip.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Default deny: the console needs a login (form, session, CSRF tokens on every form); the JSON API
 * and the FHIR endpoint take a session or a bearer token; only the login page, static files, the
 * health check, the API description and the FHIR CapabilityStatement are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(12);
	}

	@Bean
	UserDetailsService userDetailsService(UserRepository users) {
		return username -> users.user(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		RequestMatcher fhir = request -> request.getRequestURI().equals(request.getContextPath() + "/fhir")
				|| request.getRequestURI().startsWith(request.getContextPath() + "/fhir/");
		RequestMatcher bearerRequest = request -> {
			String header = request.getHeader("Authorization");
			return header != null && header.startsWith("Bearer ");
		};
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
			.requestMatchers("/admin/**", "/api/users/**", "/api/persons/*/audit").hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/**").authenticated()
			.requestMatchers("/api/plans", "/api/registry/**", "/registry/**").hasRole("ADMIN")
			// finer rules (who may report, who responds to signals) are checked in the surveillance module
			.requestMatchers("/api/surveillance/**", "/surveillance/**").hasAnyRole("ADMIN", "CLERK", "EPIDEMIOLOGIST")
			// the console's person search is a POST (identifiers stay out of URLs); every role may search
			.requestMatchers(HttpMethod.POST, "/persons").authenticated()
			// registration, merge, review and unmasking: who may is checked in the person module
			.requestMatchers("/api/persons/**", "/persons/**").hasAnyRole("ADMIN", "CLERK", "DOCTOR", "EPIDEMIOLOGIST")
			// bulk import: roles that write records (mayWriteRecords); which institution is checked in interop
			.requestMatchers("/api/imports", "/api/imports/**", "/imports", "/imports/**").hasAnyRole("ADMIN", "CLERK", "DOCTOR")
			// services done, reminders, family-doctor teams and contracts: roles that write records; which
			// person, team and resident is checked in the care module
			.requestMatchers("/api/care/services", "/api/care/vaccinations", "/api/care/reminders", "/care/services",
					"/care/reminders", "/api/care/teams", "/api/care/teams/**", "/api/care/contracts", "/api/care/contracts/**")
			.hasAnyRole("ADMIN", "CLERK", "DOCTOR")
			.requestMatchers("/api/**", "/entry/**").hasAnyRole("ADMIN", "CLERK")
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// bearer-token calls carry no session cookie, so they need no CSRF token
			.csrf(csrf -> csrf.ignoringRequestMatchers(bearerRequest))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				// a FHIR client gets a 401 with an OperationOutcome, never a redirect to the login page
				.defaultAuthenticationEntryPointFor((request, response, e) -> {
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
					response.setContentType("application/fhir+json");
					response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
							+ "\"code\":\"login\",\"diagnostics\":\"a bearer token (Authorization: Bearer ...) or a console session is required\"}]}");
				}, fhir))
			.addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")));
		return http.build();
	}

}
