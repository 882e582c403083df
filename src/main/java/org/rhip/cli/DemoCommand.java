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
				+ (records > 0 ? ", " + records + " records of a synthetic 天河区 at " + DEMO_SCALE + " scale" : "") + "; started in " + millis
				+ " ms. Stop with Ctrl-C.");
		out.println();
		ServeCommand.waitUntilClosed(context);
	}

	/** The demo's share of Tianhe's 2,241,826 residents: about 6,700 people and 200,000 records. */
	static final double DEMO_SCALE = 0.003;

	/**
	 * A small synthetic 天河区 (the {@code generate} command's district at {@value #DEMO_SCALE} scale):
	 * residents, births, deaths, chronic disease and its follow-ups, vaccinations, pregnancies, checks,
	 * visits and family-doctor contracts, imported like any set of files, so that the programs, the
	 * worklists and the record-based indicators have data. The files are the same for the same seed, so a
	 * second start finds the records unchanged.
	 */
	private static long demoRecords(ConfigurableApplicationContext context) {
		ImportApi imports = context.getBean(ImportApi.class);
		try {
			Path dir = context.getBean(DatabaseProperties.class).dataDir().resolve("demo-district");
			var result = org.rhip.synthetic.SyntheticDistrict.generate(new org.rhip.synthetic.SyntheticDistrict.Request("440106",
					DEMO_SCALE, 2016, 2025, 42L, 0.5, dir, Math.max(1, Runtime.getRuntime().availableProcessors())));
			List<Path> files = result.files().keySet().stream().sorted().map(dir::resolve).toList();
			ImportJob job = imports.importFiles(files, Optional.empty(), Optional.empty(), ImportApi.BATCH);
			return job.created() + job.updated() + job.unchanged();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
