package org.rhip.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportFormat;
import org.rhip.interop.ImportJob;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 数据导入 in the console: upload FHIR NDJSON, a Bundle or CSV template files for an institution, the
 * user's import jobs, and a job's page whose progress bar {@code static/js/imports.js} polls from
 * {@code /api/imports/{id}}, with the counts and the error report to download. The import itself is
 * the interop module's: it checks the role, the institution against the user's scope and the files.
 */
@Controller
class ImportController {

	/** Jobs listed at most. */
	static final int JOBS = 50;

	/** A choice in a select. */
	public record Option(String value, String label) {
	}

	/** The institutions of a district, as an optgroup. */
	public record OptionGroup(String label, List<Option> options) {
	}

	/** A job as the list and the job page show it. */
	public record JobRow(long id, String status, String statusLabel, boolean finished, int percent, String institution,
			String createdAt, String startedAt, String finishedAt, long read, long created, long updated, long unchanged,
			long rejected, String rate, String message, List<FileRow> files) {
	}

	/** One file of a job. */
	public record FileRow(int no, String name, String format, String status, long lines) {
	}

	private final ImportApi imports;

	private final RegistryApi registry;

	private final MessageSource messages;

	ImportController(ImportApi imports, RegistryApi registry, MessageSource messages) {
		this.imports = imports;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/imports")
	String imports(Model model, Locale locale) {
		fill(model, requireWriter(), Map.of(), "", "", locale);
		return "imports";
	}

	@PostMapping("/imports")
	String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String format, @RequestParam(required = false) String institution, Model model,
			Locale locale, HttpServletResponse response) {
		RhipPrincipal me = requireWriter();
		Map<String, String> errors = new LinkedHashMap<>();
		List<ImportApi.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				uploads.add(new ImportApi.Upload(Optional.ofNullable(file.getOriginalFilename()).orElse("upload"),
						Optional.ofNullable(file.getContentType()).filter(t -> !t.equals("application/octet-stream")),
						file::getInputStream));
			}
		}
		Optional<ImportFormat> chosen = Optional.ofNullable(format).filter(f -> !f.isBlank()).flatMap(ImportFormat::of);
		if (format != null && !format.isBlank() && chosen.isEmpty()) {
			errors.put("format", label("problem.import.format", locale));
		}
		String asked = institution == null ? "" : institution.strip();
		if (errors.isEmpty()) {
			try {
				ImportJob job = imports.submit(uploads, chosen, Optional.of(asked).filter(i -> !i.isEmpty()), me);
				return "redirect:/imports/" + job.id();
			}
			catch (InvalidInput ex) {
				errors.put(field(ex.field()), messages.getMessage("problem." + ex.code(), null, ex.getMessage(), locale));
			}
			catch (Forbidden ex) {
				if (!"institution".equals(ex.field())) {
					throw ex;
				}
				errors.put("institution", label("problem.import.institution-outside", locale));
			}
			catch (ImportApi.Busy ex) {
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				errors.put("file", label("problem.import.busy", locale));
				fill(model, me, errors, chosen.map(ImportFormat::key).orElse(""), asked, locale);
				return "imports";
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fill(model, me, errors, chosen.map(ImportFormat::key).orElse(format == null ? "" : format), asked, locale);
		return "imports";
	}

	@GetMapping("/imports/{id:\\d+}")
	String job(@PathVariable long id, Model model, Locale locale) {
		RhipPrincipal me = requireWriter();
		model.addAttribute("job", row(imports.job(id, me), locale));
		model.addAttribute("statuses", statusLabels(locale));
		return "import";
	}

	private void fill(Model model, RhipPrincipal me, Map<String, String> errors, String format, String institution,
			Locale locale) {
		model.addAttribute("errors", errors);
		model.addAttribute("format", format);
		model.addAttribute("institution", institution);
		model.addAttribute("formats", formats(locale));
		model.addAttribute("institutions", institutions(me, locale));
		model.addAttribute("ownInstitution", me.institution().orElse(null));
		model.addAttribute("jobs", imports.jobs(me, JOBS).stream().map(j -> row(j, locale)).toList());
	}

	/** A field the interop module names, as the form's field: files are the {@code file} input. */
	private static String field(String field) {
		return switch (field == null ? "" : field) {
			case "institution", "format" -> field;
			case "template" -> "format";
			default -> "file";
		};
	}

	private List<Option> formats(Locale locale) {
		List<Option> options = new ArrayList<>();
		options.add(new Option("", label("import.format.auto", locale)));
		for (ImportFormat f : ImportFormat.values()) {
			options.add(new Option(f.key(), label("import.format." + f.key(), locale)));
		}
		return options;
	}

	/** The institutions the user may import for: those within their scope, by district. */
	private List<OptionGroup> institutions(RhipPrincipal me, Locale locale) {
		List<OrgUnit> regions = me.scope().map(s -> List.of(registry.orgUnit(s))).orElseGet(registry::regions);
		List<OptionGroup> groups = new ArrayList<>();
		for (OrgUnit region : regions) {
			List<Option> options = registry.institutionsWithin(region.code()).stream()
				.sorted(java.util.Comparator.comparing(Institution::code))
				.map(i -> new Option(i.code(), i.name() + " (" + i.code() + ")"))
				.toList();
			if (!options.isEmpty()) {
				groups.add(new OptionGroup(SurveillancePages.name(region, locale), options));
			}
		}
		return groups;
	}

	JobRow row(ImportJob job, Locale locale) {
		String institution = job.institution() == null ? ""
				: registry.findInstitution(job.institution()).map(Institution::name).orElse(job.institution());
		List<FileRow> files = job.files().stream()
			.map(f -> new FileRow(f.no(), f.name(), ImportFormat.of(f.format()).map(x -> label("import.format." + x.key(), locale))
				.orElse(f.format()), label("import.file-status." + f.status(), f.status(), locale), f.linesDone()))
			.toList();
		return new JobRow(job.id(), job.status().key(), label("import.status." + job.status().key(), locale),
				job.status().finished(), job.percent(), institution, SurveillancePages.time(job.createdAt()),
				job.startedAt().map(SurveillancePages::time).orElse(""), job.finishedAt().map(SurveillancePages::time).orElse(""),
				job.read(), job.created(), job.updated(), job.unchanged(), job.rejected(),
				rate(job), job.message().orElse(""), files);
	}

	/** Records read per second of the job's running time (empty before it ran). */
	static String rate(ImportJob job) {
		if (job.startedAt().isEmpty() || job.finishedAt().isEmpty()) {
			return "";
		}
		double seconds = Math.max(java.time.Duration.between(job.startedAt().get(), job.finishedAt().get()).toMillis(), 1) / 1000.0;
		return String.format(Locale.ROOT, "%,.0f", job.read() / seconds);
	}

	/** The words for every status, for the page's script (data-status-queued …). */
	private Map<String, String> statusLabels(Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (org.rhip.interop.ImportStatus s : org.rhip.interop.ImportStatus.values()) {
			labels.put(s.key(), label("import.status." + s.key(), locale));
		}
		return labels;
	}

	/** Importing is for roles that write records; the others see a 403 page. */
	private static RhipPrincipal requireWriter() {
		RhipPrincipal me = CurrentUser.require();
		if (!me.role().mayWriteRecords()) {
			throw new AccessDeniedException("importing is for roles that write records");
		}
		return me;
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String label(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

}
