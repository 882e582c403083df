package org.rhip.security.api;

import java.util.List;
import java.util.Map;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.security.internal.UserRepository;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of console users; admin only (SecurityConfiguration). Password hashes never leave. */
@RestController
@RequestMapping("/api/users")
class UserApiController {

	record NewUser(String username, String displayName, String password, String role, String orgUnit) {
	}

	private final SecurityApi security;

	UserApiController(SecurityApi security) {
		this.security = security;
	}

	@GetMapping
	List<UserRepository.UserRow> users() {
		return security.users();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewUser user) {
		Role role = Role.of(user.role() == null ? "" : user.role())
			.orElseThrow(() -> new InvalidInput("user.role", "role", "role must be admin, analyst, clerk or epidemiologist"));
		security.createUser(user.username(), user.displayName(), user.password(), role,
				user.orgUnit() == null || user.orgUnit().isBlank() ? null : user.orgUnit());
		return Map.of("username", user.username(), "role", role.key());
	}

}
