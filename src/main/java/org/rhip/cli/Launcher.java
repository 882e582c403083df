package org.rhip.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context a command needs: the web server, or just the services. */
final class Launcher {

	private Launcher() {
	}

	static ConfigurableApplicationContext start(RhipCommand root, boolean web, Map<String, String> properties) {
		GlobalOptions global = root.global;
		SpringApplication application = new SpringApplication(root.application);
		application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(web);
		List<String> args = new ArrayList<>();
		args.add("--rhip.db.data-dir=" + global.dataDir);
		if (global.dbUrl != null && !global.dbUrl.isBlank()) {
			args.add("--rhip.db.url=" + global.dbUrl);
			putEnv(args, "RHIP_DB_USER", "rhip.db.user");
			putEnv(args, "RHIP_DB_PASSWORD", "rhip.db.password");
		}
		if (!web) {
			args.add("--logging.level.root=ERROR");
			args.add("--logging.level.org.rhip=ERROR");
			// a failure is reported in one line by RhipCommand, not as a logged stack trace
			args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
		}
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

	private static void putEnv(List<String> args, String env, String property) {
		String value = System.getenv(env);
		if (value != null) {
			args.add("--" + property + "=" + value);
		}
	}

}
