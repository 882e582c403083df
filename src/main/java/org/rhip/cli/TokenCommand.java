package org.rhip.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.security.Role;
import org.rhip.security.SecurityApi;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", mixinStandardHelpOptions = true, description = "API client tokens.",
		subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {

	@ParentCommand
	RhipCommand parent;

	@Override
	public void run() {
		throw new UsageProblem("say what to do with tokens: token create --client NAME --role ROLE [--org-unit CODE] [--institution CODE]");
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Creates an API client and prints its token once (only a hash is stored).")
	static final class Create implements Callable<Integer> {

		@ParentCommand
		TokenCommand token;

		@Option(names = "--client", required = true, paramLabel = "NAME", description = "Client name.")
		String client;

		@Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst, clerk, epidemiologist or doctor.")
		String role;

		@Option(names = "--org-unit", paramLabel = "CODE", description = "Org unit the client may write for (clerk).")
		String orgUnit;

		@Option(names = "--institution", paramLabel = "CODE",
				description = "Institution whose records the client writes (a hospital's or CHC's system).")
		String institution;

		@Override
		public Integer call() {
			Role r = Role.of(role).orElseThrow(() -> new UsageProblem(
					"--role must be admin, analyst, clerk, epidemiologist or doctor, not '" + role + "'"));
			try (ConfigurableApplicationContext context = Launcher.start(token.parent, false, Map.of())) {
				String secret = context.getBean(SecurityApi.class).createToken(client, r, orgUnit, institution);
				EvaluateCommand.utf8Out().println(secret);
			}
			return 0;
		}

	}

}
