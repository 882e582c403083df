package org.rhip.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.surveillance.DetectionResult;
import org.rhip.surveillance.SimulatedDistrict;
import org.rhip.surveillance.SurveillanceApi;
import org.rhip.surveillance.detect.CountSeries;
import org.rhip.surveillance.detect.Detections;
import org.rhip.surveillance.detect.Detector;
import org.rhip.surveillance.detect.DetectorParams;
import org.rhip.surveillance.detect.Detectors;
import org.rhip.surveillance.detect.ParameterProblem;
import org.rhip.surveillance.detect.SeriesCsv;
import org.rhip.surveillance.detect.SeriesProblem;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "surveil", mixinStandardHelpOptions = true, description = "Infectious-disease surveillance.",
		subcommands = { SurveilCommand.Detect.class, SurveilCommand.Simulate.class, SurveilCommand.Run.class })
final class SurveilCommand implements Runnable {

	@ParentCommand
	RhipCommand parent;

	@Override
	public void run() {
		throw new UsageProblem("say what to do: surveil detect --input FILE --method M [--param NAME=VALUE]... [--out FILE]");
	}

	/** A pure computation over one CSV series: starts neither Spring nor the database. */
	@Command(name = "detect", mixinStandardHelpOptions = true,
			description = "Runs an aberration-detection method over a count series (CSV date,count or year,week,count) "
					+ "and writes date,count,threshold,alarm.")
	static final class Detect implements Callable<Integer> {

		@Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV with header date,count or year,week,count.")
		Path input;

		@Option(names = "--method", required = true, paramLabel = "M",
				description = "fixed, mpm, ears-c1, ears-c2, ears-c3, cusum (and farrington where available).")
		String method;

		@Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the method; repeatable.")
		Map<String, String> params = new LinkedHashMap<>();

		@Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
		Path out;

		@Override
		public Integer call() throws IOException {
			Detector detector = detector();
			CountSeries series = read();
			Detections detections = detector.detect(series);
			byte[] bytes = SeriesCsv.write(series, detections).getBytes(StandardCharsets.UTF_8);
			if (out != null) {
				Files.write(out, bytes);
			}
			else {
				OutputStream stdout = System.out;
				stdout.write(bytes);
				stdout.flush();
			}
			return 0;
		}

		private Detector detector() {
			try {
				return Detectors.create(method, DetectorParams.of(params));
			}
			catch (ParameterProblem ex) {
				String what = ex.getMessage().substring("parameter ".length());
				throw new UsageProblem((ex.parameter().equals("method") && !params.containsKey("method") ? "--" : "--param ")
						+ what);
			}
		}

		private CountSeries read() {
			try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
				return SeriesCsv.read(reader);
			}
			catch (SeriesProblem ex) {
				throw new IllegalArgumentException(input + " line " + (ex.point() + 1) + ": " + ex.getMessage());
			}
			catch (NoSuchFileException ex) {
				throw new IllegalArgumentException("cannot read " + input + ": no such file");
			}
			catch (java.io.UncheckedIOException | IOException ex) {
				Throwable cause = ex instanceof java.io.UncheckedIOException ? ex.getCause() : ex;
				throw new IllegalArgumentException("cannot read " + input + ": "
						+ (cause instanceof CharacterCodingException ? "not UTF-8 text" : cause.getMessage()));
			}
		}

	}

	/** Writes a synthetic district's surveillance data, with outbreaks injected, into the database. */
	@Command(name = "simulate", mixinStandardHelpOptions = true,
			description = "Writes synthetic case reports and sentinel counts for a district's streets, with outbreaks "
					+ "injected in the last year, and prints the injected outbreaks as CSV.")
	static final class Simulate implements Callable<Integer> {

		@ParentCommand
		SurveilCommand surveil;

		@Mixin
		DistrictPeriod period;

		@Option(names = "--outbreaks", defaultValue = "16", description = "Outbreaks to inject (default ${DEFAULT-VALUE}).")
		int outbreaks;

		@Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
		long seed;

		@Option(names = "--scale", defaultValue = "1.0", description = "Multiplies every rate (default ${DEFAULT-VALUE}).")
		double scale;

		@Override
		public Integer call() {
			if (period.to.isBefore(period.from.plusYears(1))) {
				throw new UsageProblem("--from and --to must span at least a year (outbreaks go into the last one)");
			}
			try (ConfigurableApplicationContext context = Launcher.start(surveil.parent, false, Map.of())) {
				SimulatedDistrict district = context.getBean(SurveillanceApi.class)
					.simulate(period.region, period.from, period.to, period.to.minusYears(1).plusDays(1), outbreaks, seed,
						scale);
				var out = EvaluateCommand.utf8Out();
				out.println("stream,subject,street,start,end,extra");
				district.outbreaks()
					.forEach(o -> out.println(String.join(",", o.stream(), o.subject(), o.street(), o.start().toString(),
							o.end().toString(), String.valueOf(o.extraCount()))));
				System.err.println("rhip: wrote " + district.cards() + " cards and " + district.counts()
						+ " sentinel counts for " + period.region);
			}
			return 0;
		}

	}

	/** Runs detection over stored counts for a period, as the morning job does, and reports per method. */
	@Command(name = "run", mixinStandardHelpOptions = true,
			description = "Runs the detectors over a district's stored counts for a period and stores the signals.")
	static final class Run implements Callable<Integer> {

		@ParentCommand
		SurveilCommand surveil;

		@Mixin
		DistrictPeriod period;

		@Option(names = "--methods", paramLabel = "M,M|all", split = ",",
				description = "Run these methods on every series instead of the configured ones; 'all' runs every method.")
		List<String> methods;

		@Option(names = "--every-series", description = "Also run the disease series without any case.")
		boolean everySeries;

		@Override
		public Integer call() {
			if (methods != null && !methods.equals(List.of("all"))) {
				methods.stream()
					.filter(m -> !Detectors.METHODS.contains(m))
					.findFirst()
					.ifPresent(m -> {
						throw new UsageProblem("--methods: unknown method '" + m + "' (methods: "
								+ String.join(", ", Detectors.METHODS) + ", or all)");
					});
			}
			if (period.to.isBefore(period.from)) {
				throw new UsageProblem("--to is before --from");
			}
			try (ConfigurableApplicationContext context = Launcher.start(surveil.parent, false, Map.of())) {
				SurveillanceApi surveillance = context.getBean(SurveillanceApi.class);
				long start = System.nanoTime();
				DetectionResult result;
				try {
					if (methods == null) {
						result = surveillance.detectWith(period.region, period.from, period.to, List.of(), everySeries);
					}
					else {
						List<String> chosen = methods.equals(List.of("all")) ? Detectors.METHODS : methods;
						result = surveillance.detectWith(period.region, period.from, period.to, chosen, everySeries);
					}
				}
				catch (ParameterProblem ex) {
					throw new UsageProblem("--methods: " + ex.getMessage());
				}
				long millis = (System.nanoTime() - start) / 1_000_000;
				var out = EvaluateCommand.utf8Out();
				out.printf("region %s, %s..%s: %d series, %d new alarms, %d new signals, %d signals extended, %d alerts%n",
						result.region(), result.from(), result.to(), result.series(), result.newAlarms(), result.newSignals(),
						result.extendedSignals(), result.alerts());
				out.println("method,detect_cpu_ms,alarms");
				result.nanosByMethod().forEach((m, nanos) -> out.printf("%s,%.1f,%d%n", m, nanos / 1e6,
						result.alarmsByMethod().getOrDefault(m, 0)));
				out.printf("read_ms,%.1f,%ndetect_ms,%.1f,%nstore_ms,%.1f,%ntotal_ms,%d,%n", result.readNanos() / 1e6,
						result.detectNanos() / 1e6, result.storeNanos() / 1e6, millis);
			}
			return 0;
		}

	}

	/** The district and days a command works on. */
	static final class DistrictPeriod {

		@Option(names = "--region", required = true, paramLabel = "CODE", description = "District code, e.g. 440106.")
		String region;

		@Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, yyyy-mm-dd.")
		LocalDate from;

		@Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, yyyy-mm-dd.")
		LocalDate to;

	}

}
