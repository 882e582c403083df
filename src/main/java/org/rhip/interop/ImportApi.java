package org.rhip.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rhip.interop.bulk.ImportJobs;
import org.rhip.interop.bulk.ImportQueue;
import org.rhip.interop.bulk.ImportRunner;
import org.rhip.interop.bulk.Uploads;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.Institution;
import org.rhip.registry.RegistryApi;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.stereotype.Service;

/**
 * Bulk import (批量导入): FHIR NDJSON, Bundle JSON and CSV template files into the record store, as a
 * job with progress, counts and an error report of what was rejected. The command line runs a job
 * in its own process; the JSON API queues uploads and runs them one at a time.
 */
@Service
public class ImportApi {

	/** Default resources (lines) per committed batch. */
	public static final int BATCH = 2_000;

	/** An uploaded file: its name as sent, its media type (may be empty), and its content. */
	public record Upload(String name, Optional<String> mediaType, Content content) {
	}

	/** Opens an upload's bytes once. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

	private final ImportJobs jobs;

	private final ImportRunner runner;

	private final ImportQueue queue;

	private final Uploads uploads;

	private final RegistryApi registry;

	ImportApi(ImportJobs jobs, ImportRunner runner, ImportQueue queue, Uploads uploads, RegistryApi registry) {
		this.jobs = jobs;
		this.runner = runner;
		this.queue = queue;
		this.uploads = uploads;
		this.registry = registry;
	}

	// the command line: files read where they are, the job run in this process

	/**
	 * Imports files where they lie, in this process, and returns the job as it ended. The format is
	 * the one given, or what each file's name says ({@link ImportFormat#ofFileName}).
	 */
	public ImportJob importFiles(List<Path> files, Optional<ImportFormat> format, Optional<String> institution,
			int batchSize) {
		institution.ifPresent(this::institution);
		checkBatch(batchSize);
		List<ImportFormat> formats = new ArrayList<>();
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new InvalidInput("import.file", file.toString(), "no such file: " + file);
			}
			ImportFormat f = format.or(() -> ImportFormat.ofFileName(file.getFileName().toString()))
				.orElseThrow(() -> new InvalidInput("import.format", file.toString(), "cannot tell the format of "
						+ file.getFileName() + " from its name; give --format (ndjson, bundle, csv-patients, …)"));
			if (f.needsInstitution() && institution.isEmpty()) {
				throw new InvalidInput("import.institution", "institution",
						"CSV files need the institution they come from: give --institution CODE");
			}
			formats.add(f);
		}
		long id = jobs.create("cli", "cli", institution.orElse(null), false, batchSize);
		for (int i = 0; i < files.size(); i++) {
			Path file = files.get(i).toAbsolutePath();
			jobs.addFile(id, i + 1, file.getFileName().toString(), file.toString(), formats.get(i).key(), size(file));
		}
		return runner.run(id);
	}

	/** Resumes a job that failed or whose process died, from its last committed batch. */
	public ImportJob resume(long jobId) {
		ImportJob job = jobs.job(jobId).orElseThrow(() -> notFound(jobId));
		if (job.status() == ImportStatus.DONE || job.status() == ImportStatus.CANCELLED) {
			throw new InvalidInput("import.finished", "job", "import job " + jobId + " is " + job.status().key()
					+ " and cannot be resumed");
		}
		return runner.run(jobId);
	}

	// the JSON API: uploads stored under the data directory, jobs queued

	/**
	 * Accepts uploads for import and queues the job. The institution is the caller's own (an API client
	 * of a hospital or CHC), or the one asked for by a user who may write records within its scope.
	 */
	public ImportJob submit(List<Upload> files, Optional<ImportFormat> format, Optional<String> institution,
			RhipPrincipal who) {
		if (!who.role().mayWriteRecords()) {
			throw new Forbidden("role", "role " + who.role().key() + " may not import records");
		}
		String code = institutionOf(who, institution);
		if (files.isEmpty()) {
			throw new InvalidInput("import.no-file", "file", "send at least one file");
		}
		List<ImportFormat> formats = new ArrayList<>();
		for (Upload upload : files) {
			formats.add(format.or(() -> upload.mediaType().flatMap(ImportApi::ofMediaType))
				.or(() -> ImportFormat.ofFileName(upload.name()))
				.orElseThrow(() -> new InvalidInput("import.format", "template", "cannot tell the format of '"
						+ Uploads.safeName(upload.name()) + "': send application/fhir+ndjson, application/fhir+json, "
						+ "or text/csv with ?template=patients|encounters|observations|immunizations|diagnoses|births|deaths"
						+ "|family-doctor-teams|family-doctor-contracts")));
		}
		if (!queue.hasRoom()) {
			throw new Busy();
		}
		long id = jobs.create(who.name(), "api", code, who.institution().isPresent(), BATCH);
		try {
			for (int i = 0; i < files.size(); i++) {
				Upload upload = files.get(i);
				String name = Uploads.safeName(upload.name());
				Path stored;
				try (InputStream in = upload.content().open()) {
					stored = uploads.store(id, i + 1, name, in);
				}
				jobs.addFile(id, i + 1, name, stored.toString(), formats.get(i).key(), size(stored));
			}
		}
		catch (IOException ex) {
			jobs.move(id, ImportStatus.FAILED, "the upload could not be stored: " + ex.getMessage());
			uploads.delete(id);
			throw new java.io.UncheckedIOException(ex);
		}
		queue.enqueue(id);
		return jobs.job(id).orElseThrow();
	}

	/** A job of the caller's (any job for an admin). */
	public ImportJob job(long id, RhipPrincipal who) {
		ImportJob job = jobs.job(id).orElseThrow(() -> notFound(id));
		if (who.role() != Role.ADMIN && !job.createdBy().equals(who.name())) {
			throw notFound(id);
		}
		return job;
	}

	/** The newest jobs the caller started. */
	public List<ImportJob> jobs(RhipPrincipal who, int limit) {
		return jobs.jobs(Optional.of(who.name()), Math.min(Math.max(limit, 1), 200));
	}

	/** Cancels a queued or running job (a running one stops after its current batch). */
	public ImportJob cancel(long id, RhipPrincipal who) {
		ImportJob job = job(id, who);
		if (!jobs.move(id, ImportStatus.CANCELLED, "cancelled by " + who.name())) {
			throw new InvalidInput("import.finished", "job", "import job " + id + " is " + job.status().key());
		}
		if (job.status() != ImportStatus.RUNNING) {
			uploads.delete(id);
		}
		return jobs.job(id).orElseThrow();
	}

	/** The error report of a job: {@code file,line,resource,id,path,reason}, one line per rejected record. */
	public void errors(long id, RhipPrincipal who, Writer out) throws IOException {
		job(id, who);
		jobs.writeRejections(id, out);
	}

	/** The error report for the command line. */
	public void errors(long id, Writer out) throws IOException {
		jobs.job(id).orElseThrow(() -> notFound(id));
		jobs.writeRejections(id, out);
	}

	/**
	 * Writes the synthetic NDJSON set of the import benchmark ({@link org.rhip.interop.bulk.BenchData}):
	 * patients living in the streets of {@code region}, seen at {@code institution} (the one the set is
	 * then imported for). Returns the files in import order.
	 */
	public List<Path> writeBenchData(Path dir, int resources, String region, String institution, long seed)
			throws IOException {
		registry.orgUnit(region);
		institution(institution);
		List<String> streets = registry.children(region).stream().map(org.rhip.registry.OrgUnit::code).toList();
		return org.rhip.interop.bulk.BenchData.write(dir, resources, region.substring(0, 6),
				streets.isEmpty() ? List.of(region) : streets, List.of(institution), seed);
	}

	private String institutionOf(RhipPrincipal who, Optional<String> asked) {
		if (who.institution().isPresent()) {
			if (asked.isPresent() && !asked.get().equals(who.institution().get())) {
				throw new Forbidden("institution", "this client imports only for institution " + who.institution().get());
			}
			return who.institution().get();
		}
		String code = asked.orElseThrow(() -> new InvalidInput("import.institution", "institution",
				"say which institution the records come from (?institution=CODE)"));
		Institution institution = institution(code);
		if (who.scope().isPresent() && !registry.isWithin(institution.orgUnitCode(), who.scope().get())) {
			throw new Forbidden("institution", "institution " + code + " is outside your scope");
		}
		return code;
	}

	private Institution institution(String code) {
		return registry.findInstitution(code).orElseThrow(() -> new InvalidInput("import.institution", "institution",
				"no institution with code " + code + " in the registry"));
	}

	static Optional<ImportFormat> ofMediaType(String mediaType) {
		String m = mediaType.toLowerCase(java.util.Locale.ROOT);
		if (m.startsWith("application/fhir+ndjson") || m.startsWith("application/ndjson") || m.startsWith("application/x-ndjson")) {
			return Optional.of(ImportFormat.NDJSON);
		}
		if (m.startsWith("application/fhir+json") || m.startsWith("application/json")) {
			return Optional.of(ImportFormat.BUNDLE);
		}
		return Optional.empty();
	}

	private static void checkBatch(int batchSize) {
		if (batchSize < 1 || batchSize > 100_000) {
			throw new InvalidInput("import.batch", "batch", "the batch size must be between 1 and 100000");
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidInput("import.file", file.toString(), "no such file: " + file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static NotFound notFound(long id) {
		return new NotFound("import.not-found", "no import job " + id);
	}

	/** The import queue is full: try again later (HTTP 503). */
	public static final class Busy extends RuntimeException {

		Busy() {
			super("too many imports are waiting; try again later");
		}

	}

}
