package org.rhip.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.indicator.IndicatorApi;
import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportJob;
import org.rhip.platform.db.DatabaseProperties;
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
		long records = demoRecords(context);
		String login = context.getBean(SecurityApi.class).adminLoginHint();
		long millis = (System.nanoTime() - started) / 1_000_000;
		var out = EvaluateCommand.utf8Out();
		out.println();
		out.println("  RHIP demo is running: http://localhost:" + port + "/");
		out.println("  Login: " + login);
		out.println("  " + context.getBean(IndicatorApi.class).plans().size() + " plans, " + values
				+ " demo values" + (cards > 0 ? ", " + cards + " surveillance report cards" : "")
				+ (records > 0 ? ", " + records + " FHIR resources of 1,000 residents of 天河区" : "") + "; started in " + millis
				+ " ms. Stop with Ctrl-C.");
		out.println();
		ServeCommand.waitUntilClosed(context);
	}

	/**
	 * 1,000 synthetic residents of 天河区 with their encounters, diagnoses, measurements, vaccinations and
	 * prescriptions at one hospital, imported like any NDJSON file (the import benchmark's generator);
	 * a second start finds them unchanged.
	 */
	private static long demoRecords(ConfigurableApplicationContext context) {
		ImportApi imports = context.getBean(ImportApi.class);
		try {
			Path dir = context.getBean(DatabaseProperties.class).dataDir().resolve("demo-records");
			List<Path> files = imports.writeBenchData(dir, 20_000, "440106", "440106-H001", 2025L);
			ImportJob job = imports.importFiles(files, Optional.empty(), Optional.of("440106-H001"), ImportApi.BATCH);
			return job.created() + job.updated() + job.unchanged();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
