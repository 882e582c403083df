package org.rhip.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rhip.surveillance.detect.CountSeries;
import org.rhip.surveillance.detect.Detections;
import org.rhip.surveillance.detect.Detector;
import org.rhip.surveillance.detect.DetectorParams;
import org.rhip.surveillance.detect.Detectors;
import org.rhip.surveillance.detect.ParameterProblem;
import org.rhip.surveillance.detect.SeriesCsv;
import org.rhip.surveillance.detect.SeriesProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "surveil", mixinStandardHelpOptions = true, description = "Infectious-disease surveillance.",
		subcommands = SurveilCommand.Detect.class)
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

}
