package org.rhip.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.rhip.indicator.IndicatorApi;
import org.rhip.security.SecurityApi;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Serves the five plans with demo values for the years after their baselines.")
final class DemoCommand implements Runnable {

	@ParentCommand
	RhipCommand parent;

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
	int port;

	@Override
	public void run() {
		long started = System.nanoTime();
		ConfigurableApplicationContext context = Launcher.start(parent, true,
				Map.of("server.port", String.valueOf(port)));
		int values = context.getBean(IndicatorApi.class).loadDemo();
		int cards = context.getBean(SurveillanceApi.class).loadDemo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
		String login = context.getBean(SecurityApi.class).adminLoginHint();
		long millis = (System.nanoTime() - started) / 1_000_000;
		var out = EvaluateCommand.utf8Out();
		out.println();
		out.println("  RHIP demo is running: http://localhost:" + port + "/");
		out.println("  Login: " + login);
		out.println("  " + context.getBean(IndicatorApi.class).plans().size() + " plans, " + values
				+ " demo values" + (cards > 0 ? ", " + cards + " surveillance report cards" : "") + "; started in " + millis
				+ " ms. Stop with Ctrl-C.");
		out.println();
		ServeCommand.waitUntilClosed(context);
	}

}
