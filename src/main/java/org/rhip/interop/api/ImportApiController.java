package org.rhip.interop.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportFormat;
import org.rhip.interop.ImportJob;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of bulk import: upload files (multipart, or one file as the raw body), then poll the job
 * at its {@code Location} and fetch the error report. Imports run asynchronously, one at a time.
 */
@RestController
@RequestMapping("/api/imports")
class ImportApiController {

	/** A job as the API shows it. */
	record JobView(long id, String status, int percent, String institution, String createdBy, long read, long created,
			long updated, long unchanged, long rejected, long bytesDone, long bytesTotal, long parseWaitMillis,
			long storeMillis, List<ImportJob.File> files,
			String message, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String errors) {

		static JobView of(ImportJob job) {
			return new JobView(job.id(), job.status().key(), job.percent(), job.institution(), job.createdBy(), job.read(),
					job.created(), job.updated(), job.unchanged(), job.rejected(), job.bytesDone(), job.bytesTotal(),
					job.parseWaitMillis(), job.storeMillis(), job.files(), job.message().orElse(null), job.createdAt(), job.startedAt().orElse(null),
					job.finishedAt().orElse(null), "/api/imports/" + job.id() + "/errors");
		}

	}

	private final ImportApi imports;

	ImportApiController(ImportApi imports) {
		this.imports = imports;
	}

	/** Files as {@code multipart/form-data}, each a part named {@code file}. */
	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<JobView> upload(@RequestPart("file") List<MultipartFile> files,
			@RequestParam Optional<String> format, @RequestParam Optional<String> template,
			@RequestParam Optional<String> institution) {
		List<ImportApi.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			uploads.add(new ImportApi.Upload(Optional.ofNullable(file.getOriginalFilename()).orElse("upload"),
					Optional.ofNullable(file.getContentType()).filter(t -> !t.equals("application/octet-stream")),
					file::getInputStream));
		}
		return accepted(imports.submit(uploads, format(format, template), institution, CurrentUser.require()));
	}

	/**
	 * One file as the body: {@code application/fhir+ndjson}, {@code application/fhir+json} (a Bundle)
	 * or {@code text/csv} with {@code ?template=}; {@code Content-Encoding: gzip} is kept compressed.
	 */
	@PostMapping(consumes = { "application/fhir+ndjson", "application/ndjson", "application/x-ndjson",
			"application/fhir+json", "application/json", "text/csv" })
	ResponseEntity<JobView> body(HttpServletRequest request, @RequestParam Optional<String> format,
			@RequestParam Optional<String> template, @RequestParam Optional<String> institution) {
		String type = request.getContentType();
		Optional<ImportFormat> chosen = format(format, template);
		if (chosen.isEmpty() && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
			throw new InvalidInput("import.template", "template",
					"a CSV body needs ?template=patients|encounters|observations|immunizations|diagnoses|births|deaths");
		}
		String extension = chosen.map(f -> f.csv() ? ".csv" : f == ImportFormat.NDJSON ? ".ndjson" : ".json")
			.orElse(type.contains("ndjson") ? ".ndjson" : ".json");
		boolean gzip = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"));
		ImportApi.Upload upload = new ImportApi.Upload("body" + extension + (gzip ? ".gz" : ""), Optional.of(type),
				request::getInputStream);
		return accepted(imports.submit(List.of(upload), chosen, institution, CurrentUser.require()));
	}

	@GetMapping
	List<JobView> jobs(@RequestParam(defaultValue = "20") int limit) {
		return imports.jobs(CurrentUser.require(), limit).stream().map(JobView::of).toList();
	}

	@GetMapping("/{id}")
	JobView job(@PathVariable long id) {
		return JobView.of(imports.job(id, CurrentUser.require()));
	}

	/** The error report as a CSV download (UTF-8 with a byte-order mark, so Excel shows the Chinese). */
	@GetMapping("/{id}/errors")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		imports.job(id, CurrentUser.require());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		imports.errors(id, CurrentUser.require(), out);
		out.flush();
	}

	@DeleteMapping("/{id}")
	JobView cancel(@PathVariable long id) {
		return JobView.of(imports.cancel(id, CurrentUser.require()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(ImportApi.Busy ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		detail.setType(URI.create("urn:rhip:problem:import.busy"));
		detail.setProperty("code", "import.busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60").body(detail);
	}

	private static ResponseEntity<JobView> accepted(ImportJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(JobView.of(job));
	}

	private static Optional<ImportFormat> format(Optional<String> format, Optional<String> template) {
		if (format.isPresent()) {
			return Optional.of(ImportFormat.of(format.get()).orElseThrow(() -> new InvalidInput("import.format", "format",
					"format must be ndjson, bundle or csv-<template>, not '" + format.get() + "'")));
		}
		return template.map(t -> ImportFormat.of(t).filter(ImportFormat::csv).orElseThrow(() -> new InvalidInput(
				"import.template", "template",
				"template must be patients, encounters, observations, immunizations, diagnoses, births or deaths")));
	}

}
