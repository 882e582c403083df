package org.rhip.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.RegistryApi;
import org.rhip.security.internal.AdminLogin;
import org.rhip.security.internal.UserRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and API clients (信息安全): creating them, and finding a client by its token. */
@Service
public class SecurityApi {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final RegistryApi registry;

	private final AdminLogin adminLogin;

	SecurityApi(UserRepository users, PasswordEncoder passwords, RegistryApi registry, AdminLogin adminLogin) {
		this.users = users;
		this.passwords = passwords;
		this.registry = registry;
		this.adminLogin = adminLogin;
	}

	/** How to log in as admin, as far as this process knows, for `demo` to print. */
	public String adminLoginHint() {
		return adminLogin.passwordOrSource()
			.map(p -> p.equals("RHIP_ADMIN_PASSWORD") ? "user admin, password from RHIP_ADMIN_PASSWORD"
					: "user admin, password " + p)
			.orElse("user admin, password as printed on the first start (or set RHIP_ADMIN_PASSWORD)");
	}

	/** Enabled users of a role whose scope covers an org unit (unscoped users cover everything). */
	public List<String> usersCovering(Role role, String orgUnit) {
		return users.users()
			.stream()
			.filter(u -> u.enabled() && u.role().equals(role.key()))
			.filter(u -> u.orgUnitCode() == null || registry.isWithin(orgUnit, u.orgUnitCode()))
			.map(UserRepository.UserRow::username)
			.toList();
	}

	public List<UserRepository.UserRow> users() {
		return users.users();
	}

	@Transactional
	public void createUser(String username, String displayName, String password, Role role, String orgUnit) {
		if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) {
			throw new InvalidInput("user.username", "username", "user name must be 2–64 letters, digits, '.', '_' or '-'");
		}
		if (users.exists(username)) {
			throw new InvalidInput("user.exists", "username", "user " + username + " exists already");
		}
		if (password == null || password.length() < 10) {
			throw new InvalidInput("user.password", "password", "the password must have at least 10 characters");
		}
		checkScope(role, orgUnit);
		users.insert(username, displayName == null || displayName.isBlank() ? username : displayName,
				passwords.encode(password), role, orgUnit);
	}

	/**
	 * Creates an API client and returns its bearer token. The token is shown once: only its SHA-256
	 * hash is stored (it is 256 random bits, so a fast hash is enough to make the stored value useless).
	 */
	public String createToken(String client, Role role, String orgUnit) {
		return createToken(client, role, orgUnit, null);
	}

	/**
	 * An API client of one institution: it writes only that institution's records, and its scope is
	 * the institution's org unit's district unless another is given.
	 */
	@Transactional
	public String createToken(String client, Role role, String orgUnit, String institution) {
		if (client == null || !client.matches("[A-Za-z0-9_.-]{2,64}")) {
			throw new InvalidInput("token.client", "client", "client name must be 2–64 letters, digits, '.', '_' or '-'");
		}
		if (users.clientExists(client)) {
			throw new InvalidInput("token.client-exists", "client", "client " + client + " has a token already");
		}
		if (institution != null) {
			var inst = registry.findInstitution(institution)
				.orElseThrow(() -> new InvalidInput("token.institution", "institution", "unknown institution " + institution));
			if (orgUnit == null) {
				orgUnit = registry.regionOf(inst.orgUnitCode()).map(r -> r.code()).orElse(inst.orgUnitCode());
			}
		}
		checkScope(role, orgUnit);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "rhip_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		users.insertClient(client, hash(token), role, orgUnit, institution);
		return token;
	}

	public Optional<RhipPrincipal> clientForToken(String token) {
		return users.clientByTokenHash(hash(token));
	}

	private void checkScope(Role role, String orgUnit) {
		if (orgUnit != null && registry.findOrgUnit(orgUnit).isEmpty()) {
			throw new InvalidInput("user.org-unit", "orgUnit", "unknown org unit " + orgUnit);
		}
		if ((role == Role.CLERK || role == Role.DOCTOR) && orgUnit == null) {
			throw new InvalidInput("user.clerk-scope", "orgUnit", "a data clerk needs the org unit they enter data for");
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
