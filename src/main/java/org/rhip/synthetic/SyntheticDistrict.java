package org.rhip.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.synthetic.fhir.FamilyDoctorCsvWriter;
import org.rhip.synthetic.fhir.FhirNdjsonWriter;
import org.rhip.synthetic.fhir.OutputFiles;
import org.rhip.synthetic.model.DistrictModel;
import org.rhip.synthetic.model.DistrictSink;
import org.rhip.synthetic.model.LifeEvent;
import org.rhip.synthetic.model.PersonHistory;
import org.rhip.synthetic.model.Region;
import org.rhip.synthetic.model.Settings;
import org.rhip.synthetic.model.Team;

/**
 * 模拟区县 — writes a synthetic district (the {@code generate} command): the model's residents and their
 * records as FHIR NDJSON, the family-doctor teams and contracts as CSV, and a README.txt with the
 * settings and the records per file. Needs no database: the region comes from its bundled registry file.
 */
public final class SyntheticDistrict {

	/** What to write where. */
	public record Request(String region, double scale, int firstYear, int lastYear, long seed, double visitRate, Path out,
			int threads) {
	}

	/** What was written: records per file, residents (on the first day), babies born, deaths, time taken. */
	public record Result(Path dir, Map<String, Long> files, long residents, long births, long deaths, Duration took) {
	}

	/** A request that cannot be carried out as asked (a usage error). */
	public static final class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}

	}

	/** The earliest first year (the schedules and rates are written for the 2010s on). */
	static final int EARLIEST_YEAR = 2000;

	private SyntheticDistrict() {
	}

	public static Result generate(Request request) throws IOException {
		Region region = Region.load(request.region())
			.orElseThrow(() -> new BadRequest("no registry file for region '" + request.region()
					+ "' (bundled: 440106, 440203, 120110, 440311, 440983)"));
		check(request);
		long began = System.nanoTime();
		DistrictModel model;
		try {
			model = new DistrictModel(region, new Settings(region.code(), request.scale(), request.firstYear(),
					request.lastYear(), request.seed(), request.visitRate(), request.threads()));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequest(ex.getMessage());
		}
		Counter counter = new Counter();
		removeEarlierRun(request.out());
		Map<String, Long> counts;
		try (OutputFiles files = new OutputFiles(request.out());
				DistrictSink sink = new Tee(List.of(new FhirNdjsonWriter(files, region), new FamilyDoctorCsvWriter(files), counter))) {
			model.run(sink);
			sink.close();
			files.close();
			counts = files.counts();
		}
		Result result = new Result(request.out(), counts, counter.residents, counter.births, counter.deaths,
				Duration.ofNanos(System.nanoTime() - began));
		readme(request, region, model, result);
		return result;
	}

	/** Files this command writes: an earlier run's would otherwise be imported with this one's. */
	static final java.util.regex.Pattern OUTPUT = java.util.regex.Pattern
		.compile("[0-9]{2}-[a-z_]+(-[0-9]{4})?\\.(ndjson|csv)|README\\.txt");

	private static void removeEarlierRun(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> OUTPUT.matcher(f.getFileName().toString()).matches()).toList()) {
				Files.delete(file);
			}
		}
	}

	private static void check(Request request) {
		if (!(request.scale() > 0) || request.scale() > 5) {
			throw new BadRequest("--scale must be above 0 and at most 5");
		}
		int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		if (request.firstYear() < EARLIEST_YEAR || request.lastYear() < request.firstYear()) {
			throw new BadRequest("--years must be FIRST-LAST with " + EARLIEST_YEAR + " ≤ FIRST ≤ LAST");
		}
		if (request.lastYear() >= thisYear) {
			throw new BadRequest("--years must end before " + thisYear + ": records may not lie in the future");
		}
		if (!(request.visitRate() >= 0) || request.visitRate() > 20) {
			throw new BadRequest("--visit-rate must be between 0 and 20 visits per person-year");
		}
	}

	private static void readme(Request request, Region region, DistrictModel model, Result result) throws IOException {
		try (Writer out = Files.newBufferedWriter(result.dir().resolve("README.txt"), StandardCharsets.UTF_8)) {
			out.write("模拟区县 — synthetic district " + region.code() + " " + region.name() + ", written by rhip generate\n\n");
			out.write(String.format(Locale.ROOT, "region %s, scale %s, years %d-%d, seed %d, visit rate %s per person-year%n",
					region.code(), request.scale(), request.firstYear(), request.lastYear(), request.seed(), request.visitRate()));
			out.write(String.format(Locale.ROOT, "residents on %d-01-01: %d; babies born: %d; deaths: %d; teams: %d%n%n",
					request.firstYear(), result.residents(), result.births(), result.deaths(), model.teams().size()));
			out.write("records per file (CSV: rows without the header):\n");
			for (Map.Entry<String, Long> file : result.files().entrySet()) {
				out.write(String.format(Locale.ROOT, "  %-36s %,12d%n", file.getKey(), file.getValue()));
			}
			out.write("""

					Import the *.ndjson and *.csv files in name order: institutions, residents, newborns (they refer to
					their mothers), birth facts, conditions, encounters by year, observations by year (they refer to
					encounters), immunizations, deaths, then the family-doctor teams and contracts (by ID number).
					Ordinary outpatient and emergency visits and hospital stays are sampled at the visit rate above
					(real volume is about 8 outpatient visits per person-year; stays are reduced by the same factor),
					so primary-care shares are realistic but visit counts and bed days are not.
					NIP vaccination histories of children under 7 on the first day start at their birth.
					Everything is invented: no real person's data.
					""");
		}
	}

	/** Hands each event to every sink. */
	private record Tee(List<DistrictSink> sinks) implements DistrictSink {

		@Override
		public void teams(List<Team> teams) throws IOException {
			for (DistrictSink sink : sinks) {
				sink.teams(teams);
			}
		}

		@Override
		public void person(PersonHistory history) throws IOException {
			for (DistrictSink sink : sinks) {
				sink.person(history);
			}
		}

		@Override
		public void close() throws IOException {
			List<IOException> problems = new ArrayList<>();
			for (DistrictSink sink : sinks) {
				try {
					sink.close();
				}
				catch (IOException ex) {
					problems.add(ex);
				}
			}
			if (!problems.isEmpty()) {
				throw problems.get(0);
			}
		}

	}

	/** Counts residents, births and deaths for the summary. */
	private static final class Counter implements DistrictSink {

		long residents;

		long births;

		long deaths;

		@Override
		public void teams(List<Team> teams) {
			// nothing to count
		}

		@Override
		public void person(PersonHistory history) {
			residents++;
			count(history);
			births += history.children().size();
			history.children().forEach(this::count);
		}

		private void count(PersonHistory history) {
			deaths += history.events().stream().filter(LifeEvent.Died.class::isInstance).count();
		}

		@Override
		public void close() {
			// nothing to close
		}

	}

}
