package org.rhip.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportFormat;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Imports FHIR NDJSON, Bundle JSON or CSV template files into the record store; prints the "
				+ "counts and writes an error report of the rejected records (docs/import.md).",
		subcommands = ImportCommand.GenerateBench.class)
final class ImportCommand implements Callable<Integer> {

	@ParentCommand
	RhipCommand parent;

	@Parameters(paramLabel = "FILE", arity = "0..*",
			description = "Files to import, in order (*.ndjson, *.json Bundles, *.csv; .gz accepted).")
	List<Path> files = List.of();

	@Option(names = "--institution", paramLabel = "CODE", description = "Institution the records come from (required for CSV of records; family-doctor files name their teams' own).")
	String institution;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "ndjson, bundle or csv-patients|csv-encounters|csv-observations|csv-immunizations|csv-diagnoses|"
					+ "csv-births|csv-deaths|csv-family-doctor-teams|csv-family-doctor-contracts (default: by file name).")
	String format;

	@Option(names = "--batch", paramLabel = "N", defaultValue = "" + ImportApi.BATCH,
			description = "Resources (lines) per committed batch (default ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--resume", paramLabel = "JOB", description = "Resume job JOB from its last committed batch.")
	Long resume;

	@Option(names = "--errors", paramLabel = "FILE",
			description = "Where to write the error report (default import-JOB-errors.csv, when records were rejected).")
	Path errors;

	@Override
	public Integer call() throws IOException {
		if (resume == null && files.isEmpty()) {
			throw new UsageProblem("say what to import: import FILE... [--institution CODE] [--format F], or import --resume JOB");
		}
		if (resume != null && !files.isEmpty()) {
			throw new UsageProblem("--resume takes no files: the job knows its files");
		}
		if (batch < 1 || batch > 100_000) {
			throw new UsageProblem("--batch must be between 1 and 100000");
		}
		Optional<ImportFormat> chosen = Optional.ofNullable(format).map(f -> ImportFormat.of(f)
			.orElseThrow(() -> new UsageProblem("--format must be ndjson, bundle or csv-<template>, not '" + f + "'")));
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new UsageProblem("no such file: " + file);
			}
			Optional<ImportFormat> f = chosen.or(() -> ImportFormat.ofFileName(file.getFileName().toString()));
			if (f.isEmpty()) {
				throw new UsageProblem("cannot tell the format of " + file.getFileName()
						+ " from its name; give --format (ndjson, bundle, csv-patients, …)");
			}
			if (f.get().needsInstitution() && institution == null) {
				throw new UsageProblem("CSV files need the institution they come from: give --institution CODE");
			}
		}
		try (ConfigurableApplicationContext context = Launcher.start(parent, false, Map.of())) {
			ImportApi imports = context.getBean(ImportApi.class);
			ImportJob job;
			try {
				job = resume != null ? imports.resume(resume)
						: imports.importFiles(files, chosen, Optional.ofNullable(institution), batch);
			}
			catch (InvalidInput | NotFound ex) {
				throw new UsageProblem(ex.getMessage());
			}
			PrintStream out = EvaluateCommand.utf8Out();
			report(job, out);
			if (job.rejected() > 0) {
				Path report = errors != null ? errors : Path.of("import-" + job.id() + "-errors.csv");
				try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
					writer.write('\uFEFF');
					imports.errors(job.id(), writer);
				}
				out.println("  " + job.rejected() + " rejected record(s): error report in " + report);
			}
			if (job.status() != ImportStatus.DONE) {
				throw new IllegalStateException("import job " + job.id() + " " + job.status().key()
						+ job.message().map(m -> ": " + m).orElse("")
						+ (job.status() == ImportStatus.CANCELLED ? "" : "; resume it with: import --resume " + job.id()));
			}
		}
		return 0;
	}

	private static void report(ImportJob job, PrintStream out) {
		double seconds = job.startedAt().flatMap(s -> job.finishedAt().map(f -> java.time.Duration.between(s, f).toMillis() / 1000.0))
			.orElse(0.0);
		out.printf("import job %d: %s%n", job.id(), job.status().key());
		for (ImportJob.File f : job.files()) {
			out.printf("  %-40s %-18s %s, %d lines%n", f.name(), f.format(), f.status(), f.linesDone());
		}
		out.printf("  read %d, created %d, updated %d, unchanged %d, rejected %d%n", job.read(), job.created(),
				job.updated(), job.unchanged(), job.rejected());
		out.printf("  %.1f s, %.0f resources/s (waiting for parsing %.1f s, in the record store %.1f s)%n", seconds,
				seconds > 0 ? job.read() / seconds : 0.0, job.parseWaitMillis() / 1000.0, job.storeMillis() / 1000.0);
	}

	/** Writes the synthetic NDJSON set of bench/import-ndjson.sh (not in the public command table). */
	@Command(name = "generate-bench", hidden = true, mixinStandardHelpOptions = true,
			description = "Writes N synthetic FHIR resources as NDJSON for the import benchmark.")
	static final class GenerateBench implements Callable<Integer> {

		@ParentCommand
		ImportCommand command;

		@Option(names = "--resources", defaultValue = "1000000", description = "Resources to write (default ${DEFAULT-VALUE}).")
		int resources;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the NDJSON files.")
		Path out;

		@Option(names = "--region", defaultValue = "440106", description = "District the patients live in (default ${DEFAULT-VALUE}).")
		String region;

		@Option(names = "--institution", defaultValue = "440106-H001",
				description = "Institution the encounters are at, to import the set for (default ${DEFAULT-VALUE}).")
		String institution;

		@Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
		long seed;

		@Override
		public Integer call() throws IOException {
			if (resources < 20) {
				throw new UsageProblem("--resources must be at least 20");
			}
			try (ConfigurableApplicationContext context = Launcher.start(command.parent, false, Map.of())) {
				List<Path> written;
				try {
					written = context.getBean(ImportApi.class).writeBenchData(out, resources, region, institution, seed);
				}
				catch (InvalidInput | NotFound ex) {
					throw new UsageProblem(ex.getMessage());
				}
				PrintStream stdout = EvaluateCommand.utf8Out();
				written.forEach(stdout::println);
			}
			return 0;
		}

	}

}
