package org.rhip.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rhip.synthetic.SyntheticDistrict;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic district as import files: a pure computation, no Spring, no database. */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Writes a synthetic district (模拟区县) as files for import: residents with Chinese names and valid "
				+ "ID numbers in the region's streets, and their records (births, deaths with causes, chronic disease and "
				+ "follow-ups, child, maternal and elderly care, vaccinations, visits) as FHIR NDJSON; family-doctor teams "
				+ "and contracts as CSV; README.txt with the records per file. Deterministic for a seed.",
				"Ordinary visits and hospital stays are sampled at --visit-rate outpatient visits per person-year "
						+ "(real volume is about 8), so their counts and bed days are reduced by that factor." })
final class GenerateCommand implements Callable<Integer> {

	private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");

	@Option(names = "--region", required = true, paramLabel = "CODE", description = "Region code with a registry file, e.g. 440106.")
	String region;

	@Option(names = "--scale", defaultValue = "1.0", paramLabel = "F",
			description = "Share of the registry's 2020 population alive on 2020-07-01 (default ${DEFAULT-VALUE}: 440106 has 2,241,826).")
	double scale;

	@Option(names = "--years", defaultValue = "2016-2025", paramLabel = "FIRST-LAST",
			description = "Period of the records; the population is drawn as of FIRST-01-01 (default ${DEFAULT-VALUE}).")
	String years;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the files (created if missing).")
	Path out;

	@Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--visit-rate", defaultValue = "0.5", paramLabel = "R",
			description = "Ordinary outpatient visits per person-year; stays reduced alike (default ${DEFAULT-VALUE}).")
	double visitRate;

	@Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors); the output does not depend on it.")
	Integer threads;

	@Override
	public Integer call() throws IOException {
		Matcher m = YEARS.matcher(years.strip());
		if (!m.matches()) {
			throw new UsageProblem("--years must look like 2016-2025, not '" + years + "'");
		}
		int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
		if (workers < 1 || workers > 64) {
			throw new UsageProblem("--threads must be between 1 and 64");
		}
		SyntheticDistrict.Result result;
		try {
			result = SyntheticDistrict.generate(new SyntheticDistrict.Request(region, scale, Integer.parseInt(m.group(1)),
					Integer.parseInt(m.group(2)), seed, visitRate, out, workers));
		}
		catch (SyntheticDistrict.BadRequest ex) {
			throw new UsageProblem(ex.getMessage());
		}
		PrintStream stdout = EvaluateCommand.utf8Out();
		long total = 0;
		for (Map.Entry<String, Long> file : result.files().entrySet()) {
			stdout.printf(Locale.ROOT, "%-36s %,12d%n", file.getKey(), file.getValue());
			total += file.getValue();
		}
		stdout.printf(Locale.ROOT, "%d residents, %d births, %d deaths, %,d records in %s (%.1f s)%n", result.residents(),
				result.births(), result.deaths(), total, result.dir(), result.took().toMillis() / 1000.0);
		return 0;
	}

}
