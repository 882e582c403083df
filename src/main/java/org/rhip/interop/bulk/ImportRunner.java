package org.rhip.interop.bulk;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.hl7.fhir.r4.model.Resource;
import org.rhip.interop.ImportFormat;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.registry.RegistryApi;
import org.rhip.security.IdentifierHash;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import job: reads its files batch by batch and commits each batch in one transaction —
 * the resources through the record store, the rejections, the counts and the file's committed line
 * together — so after a crash nothing half-written is visible and the job resumes after the last
 * committed batch. One process runs a job at a time (a PostgreSQL advisory lock held while it runs).
 */
@Component
public class ImportRunner {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final ImportJobs jobs;

	private final ObjectProvider<ResourceSink> sinks;

	private final TransactionTemplate tx;

	private final DataSource dataSource;

	private final RegistryApi registry;

	private final IdentifierHash hash;

	private final Uploads uploads;

	private final CareSink care;

	ImportRunner(ImportJobs jobs, ObjectProvider<ResourceSink> sinks, TransactionTemplate tx, DataSource dataSource,
			RegistryApi registry, IdentifierHash hash, Uploads uploads, CareSink care) {
		this.jobs = jobs;
		this.sinks = sinks;
		this.tx = tx;
		this.dataSource = dataSource;
		this.registry = registry;
		this.hash = hash;
		this.uploads = uploads;
		this.care = care;
	}

	/** Runs (or resumes) a job to its end; returns it as it ended. */
	public ImportJob run(long jobId) {
		return run(jobId, () -> false);
	}

	/**
	 * Runs a job until it ends or {@code stop} says so between two batches (the server is stopping:
	 * the job stays running and resumes on the next start).
	 */
	public ImportJob run(long jobId, BooleanSupplier stop) {
		Optional<ResourceSink> sink = Optional.ofNullable(sinks.getIfAvailable());
		if (sink.isEmpty()) {
			jobs.move(jobId, ImportStatus.FAILED, "this build has no record store to import into");
			return jobs.job(jobId).orElseThrow();
		}
		return run(jobId, sink.get(), stop);
	}

	/** Runs a job into the given store (tests pass one that fails on purpose). */
	ImportJob run(long jobId, ResourceSink sink, BooleanSupplier stop) {
		try (Connection lock = dataSource.getConnection()) {
			if (!advisoryLock(lock, "select pg_try_advisory_lock(hashtextextended(?, 0))", jobId)) {
				throw new JobBusy(jobId);
			}
			try {
				if (!jobs.move(jobId, ImportStatus.RUNNING, null)) {
					return jobs.job(jobId).orElseThrow();
				}
				ImportStatus end = readAll(jobId, sink, stop);
				if (end != ImportStatus.RUNNING) {
					jobs.move(jobId, end, null);
				}
			}
			catch (RuntimeException | IOException ex) {
				jobs.move(jobId, ImportStatus.FAILED, oneLine(ex));
			}
			finally {
				advisoryLock(lock, "select pg_advisory_unlock(hashtextextended(?, 0))", jobId);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the database to run import job " + jobId, ex);
		}
		ImportJob job = jobs.job(jobId).orElseThrow();
		if (job.status() == ImportStatus.DONE || job.status() == ImportStatus.CANCELLED) {
			uploads.delete(jobId);
		}
		return job;
	}

	/** Reads every file not yet done; the status the job ends in (RUNNING: stopped, to resume). */
	private ImportStatus readAll(long jobId, ResourceSink sink, BooleanSupplier stop) throws IOException {
		ImportJobs.Settings settings = jobs.settings(jobId);
		ExecutorService parsers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
			Thread t = new Thread(r, "rhip-import-parse-" + THREADS.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		try {
			for (ImportJobs.JobFile file : jobs.files(jobId)) {
				if (file.status().equals("done") || file.status().equals("refused")) {
					continue;
				}
				jobs.fileStatus(jobId, file.no(), "reading");
				try (BatchSource source = open(file, settings, parsers, sink)) {
					long line = file.linesDone();
					Optional<Batch> batch;
					long waitStart = System.nanoTime();
					while ((batch = source.next()).isPresent()) {
						long waited = System.nanoTime() - waitStart;
						if (stop.getAsBoolean()) {
							return ImportStatus.RUNNING;
						}
						if (jobs.status(jobId) == ImportStatus.CANCELLED) {
							return ImportStatus.CANCELLED;
						}
						commit(jobId, file.no(), line, batch.get(), settings, sink, waited);
						line = batch.get().lastLine();
						waitStart = System.nanoTime();
					}
				}
				catch (FileProblem ex) {
					tx.executeWithoutResult(s -> jobs.refuse(jobId, file.no(),
							Rejection.of(0, null, null, ex.path(), ex.getMessage())));
					continue;
				}
				catch (NoSuchFileException ex) {
					tx.executeWithoutResult(s -> jobs.refuse(jobId, file.no(),
							Rejection.of(0, null, null, null, "the file is not there (any more)")));
					continue;
				}
				jobs.fileStatus(jobId, file.no(), "done");
			}
			return ImportStatus.DONE;
		}
		finally {
			parsers.shutdownNow();
		}
	}

	private BatchSource open(ImportJobs.JobFile file, ImportJobs.Settings settings, ExecutorService parsers, ResourceSink sink)
			throws IOException {
		Path path = Path.of(file.path());
		String name = path.getFileName().toString();
		ImportFormat format = ImportFormat.of(file.format())
			.orElseThrow(() -> new FileProblem("format", "unknown format " + file.format()));
		int size = settings.batchSize();
		if (format == ImportFormat.NDJSON) {
			return new NdjsonSource(path, name, size, file.linesDone(), parsers);
		}
		if (format == ImportFormat.BUNDLE) {
			return new BundleSource(path, name, size, file.linesDone(), parsers);
		}
		CsvTemplate template = CsvTemplate.of(format.template()).orElseThrow();
		if (settings.institution() == null && template.needsInstitution()) {
			throw new FileProblem("institution", "a CSV file needs the institution it comes from (--institution)");
		}
		CsvContext context = new CsvContext(settings.institution(), LocalDate.now(CHINA), settings.institutionOnly(),
				new RegistryLookups(registry, jobs, sink), hash::hash);
		return new CsvSource(path, name, template, context, size, file.linesDone(), parsers);
	}

	/** One batch, one transaction: resources, rejections, CSV patient keys, counts and the committed line. */
	private void commit(long jobId, int fileNo, long previousLine, Batch batch, ImportJobs.Settings settings,
			ResourceSink sink, long parseWaitNanos) {
		String institution = settings.institution();
		tx.executeWithoutResult(status -> {
			List<Resource> resources = new ArrayList<>();
			List<Long> lines = new ArrayList<>();
			List<Parsed.Item> items = new ArrayList<>();
			List<Rejection> rejected = new ArrayList<>();
			for (Parsed item : batch.items()) {
				if (item instanceof Parsed.Ok ok) {
					resources.add(ok.resource());
					lines.add(ok.line());
				}
				else if (item instanceof Parsed.Item row) {
					items.add(row);
				}
				else {
					rejected.add((Rejection) item);
				}
			}
			long created = 0;
			long updated = 0;
			long unchanged = 0;
			// family-doctor rows go to the care module, which checks and writes them one by one
			List<ResourceSink.Outcome> rows = care.store(items.stream().map(Parsed.Item::item).toList(), settings);
			for (ResourceSink.Outcome o : rows) {
				switch (o.outcome()) {
					case "created" -> created++;
					case "updated" -> updated++;
					case "unchanged" -> unchanged++;
					default -> rejected.add(Rejection.of(items.get(o.index()).line(), o.resourceType(), null, o.errorPath(),
							o.errorMessage()));
				}
			}
			List<String[]> patientKeys = new ArrayList<>();
			long storeStart = System.nanoTime();
			if (!resources.isEmpty()) {
				List<ResourceSink.Outcome> outcomes = storeInRounds(sink, resources, institution);
				for (ResourceSink.Outcome o : outcomes) {
					int i = o.index();
					Resource resource = resources.get(i);
					switch (o.outcome()) {
						case "created" -> created++;
						case "updated" -> updated++;
						case "unchanged" -> unchanged++;
						default -> rejected.add(Rejection.of(lines.get(i),
								o.resourceType() != null ? o.resourceType() : resource.fhirType(),
								o.id() != null ? o.id() : resource.getIdElement().getIdPart(), o.errorPath(), o.errorMessage()));
					}
					if (!o.rejected() && resource.getUserData(CsvContext.PATIENT_KEYS) instanceof List<?> keys) {
						String id = o.id() != null ? o.id() : resource.getIdElement().getIdPart();
						for (Object key : keys) {
							String[] k = (String[]) key;
							patientKeys.add(new String[] { k[0], k[1], id });
						}
					}
				}
			}
			long storeNanos = System.nanoTime() - storeStart;
			jobs.rememberPatients(institution, patientKeys);
			rejected.sort(java.util.Comparator.comparingLong(Rejection::line));
			jobs.reject(jobId, fileNo, rejected);
			ImportJobs.Counts counts = new ImportJobs.Counts(batch.items().size(), created, updated, unchanged,
					rejected.size(), parseWaitNanos / 1_000_000, storeNanos / 1_000_000);
			if (!jobs.advance(jobId, fileNo, previousLine, batch.lastLine(), batch.bytesRead(), counts)) {
				throw new JobBusy(jobId);
			}
		});
	}

	/**
	 * Stores a batch with as few calls as possible such that no call holds the same resource twice (a
	 * file may send a resource again): a later copy goes in a later call, in the same transaction.
	 * The outcomes come back in the batch's order.
	 */
	static List<ResourceSink.Outcome> storeInRounds(ResourceSink sink, List<Resource> resources, String institution) {
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		int[] round = new int[resources.size()];
		int rounds = 1;
		for (int i = 0; i < resources.size(); i++) {
			Resource r = resources.get(i);
			round[i] = seen.merge(r.fhirType() + "/" + r.getIdElement().getIdPart(), 0, (a, b) -> a + 1);
			rounds = Math.max(rounds, round[i] + 1);
		}
		ResourceSink.Outcome[] outcomes = new ResourceSink.Outcome[resources.size()];
		for (int r = 0; r < rounds; r++) {
			List<Integer> indices = new ArrayList<>();
			for (int i = 0; i < resources.size(); i++) {
				if (round[i] == r) {
					indices.add(i);
				}
			}
			List<Resource> part = rounds == 1 ? resources : indices.stream().map(resources::get).toList();
			List<ResourceSink.Outcome> stored = sink.storeAll(part, institution);
			if (stored.size() != part.size()) {
				throw new IllegalStateException("the record store answered " + stored.size() + " outcomes for "
						+ part.size() + " resources");
			}
			for (ResourceSink.Outcome o : stored) {
				int i = indices.get(o.index());
				outcomes[i] = new ResourceSink.Outcome(i, o.resourceType(), o.id(), o.outcome(), o.errorPath(), o.errorMessage());
			}
		}
		return List.of(outcomes);
	}

	private static boolean advisoryLock(Connection connection, String sql, long jobId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, "interop.import:" + jobId);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** An exception in one line, for the job's message: never a record's content (database details are cut). */
	static String oneLine(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof JobBusy)) {
			cause = cause.getCause();
		}
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
				: cause.getClass().getSimpleName() + ": " + cause.getMessage();
		String first = message.lines().findFirst().orElse("").strip();
		return first.length() > 300 ? first.substring(0, 300) : first;
	}

	/** Another process runs the job right now. */
	public static final class JobBusy extends RuntimeException {

		JobBusy(long jobId) {
			super("import job " + jobId + " is being run by another process");
		}

	}

}
