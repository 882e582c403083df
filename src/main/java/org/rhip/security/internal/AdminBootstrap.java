package org.rhip.security.internal;

import java.security.SecureRandom;

import org.rhip.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No default password: on the first start of the server the admin account is created with a
 * generated password, printed once on standard output; {@code RHIP_ADMIN_PASSWORD} sets it instead
 * (and resets it on every start, for automated set-ups).
 */
@Component
@Order(5)
@ConditionalOnWebApplication
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	static final String ADMIN = "admin";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AdminLogin login;

	private final Environment environment;

	AdminBootstrap(UserRepository users, PasswordEncoder passwords, AdminLogin login, Environment environment) {
		this.users = users;
		this.passwords = passwords;
		this.login = login;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// the property rhip.admin-password is the environment variable RHIP_ADMIN_PASSWORD
		String configured = environment.getProperty("rhip.admin-password");
		if (users.exists(ADMIN)) {
			if (configured != null && !configured.isBlank()) {
				users.setPassword(ADMIN, passwords.encode(configured));
				login.set("RHIP_ADMIN_PASSWORD");
			}
			return;
		}
		String password = configured != null && !configured.isBlank() ? configured : generate();
		users.insert(ADMIN, "系统管理员", passwords.encode(password), Role.ADMIN, null);
		log.info("Created the admin account");
		if (configured != null && !configured.isBlank()) {
			login.set("RHIP_ADMIN_PASSWORD");
		}
		else {
			login.set(password);
			System.out.println();
			System.out.println("  RHIP admin account created. User: admin  Password: " + password);
			System.out.println("  The password is shown only this once; keep it safe.");
			System.out.println();
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
