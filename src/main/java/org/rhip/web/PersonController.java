package org.rhip.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.care.CareApi;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.person.PersonQuery;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.record.RecordApi;
import org.rhip.security.AuditTrail;
import org.rhip.security.CurrentUser;
import org.rhip.security.Masking;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 居民档案 in the console: finding a person (masked results) and a person's page with their identity,
 * their public-health programs (公卫服务), their record timeline and blood-pressure and glucose
 * charts, the source records that linked to
 * them, the linkage history, unmasking with a reason, merge and
 * unmerge, and for administrators who read the record. Scope and audit are the person module's.
 *
 * <p>The search is a POST so that identifiers never travel in a URL (history, logs, the language
 * links of the page), and the typed identifiers are not written back into the form. Identifiers
 * shown in full after unmasking are in that one response only: no redirect, nothing in the session.
 */
@Controller
class PersonController {

	/** Results shown at most; one more is asked for to know there are more. */
	static final int RESULTS = 50;

	/** Audit entries shown on the page of a person. */
	static final int AUDIT_ROWS = 200;

	/** The typed search, as written back into the form (no identifier). */
	public record SearchForm(String birthDate, String criteria) {
	}

	private final PersonApi persons;

	private final PersonPages pages;

	private final AuditTrail audit;

	private final RecordApi records;

	private final CareApi care;

	private final CarePages carePages;

	PersonController(PersonApi persons, PersonPages pages, AuditTrail audit, RecordApi records, CareApi care,
			CarePages carePages) {
		this.persons = persons;
		this.pages = pages;
		this.audit = audit;
		this.records = records;
		this.care = care;
		this.carePages = carePages;
	}

	// search

	@GetMapping("/persons")
	String searchForm(Model model) {
		model.addAttribute("form", new SearchForm("", ""));
		model.addAttribute("errors", Map.of());
		model.addAttribute("searched", false);
		return "persons";
	}

	@PostMapping("/persons")
	String search(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String birthDate, Model model,
			Locale locale, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate birth = null;
		if (birthDate != null && !birthDate.isBlank()) {
			birth = SurveillancePages.parseDate(birthDate).orElse(null);
			if (birth == null) {
				errors.put("birthDate", pages.label("persons.bad-date", locale));
			}
		}
		PersonQuery query = new PersonQuery(blankToNull(idNumber), blankToNull(name), blankToNull(phone), birth);
		if (errors.isEmpty() && query.isEmpty()) {
			errors.put("q", pages.label("problem.person.query", locale));
		}
		List<Person> found = List.of();
		if (errors.isEmpty()) {
			try {
				found = persons.search(query, RESULTS + 1);
			}
			catch (InvalidInput ex) {
				errors.put(ex.field(), pages.problem(ex, locale));
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("form", new SearchForm(birthDate == null ? "" : birthDate.strip(), criteria(query, locale)));
		model.addAttribute("errors", errors);
		model.addAttribute("searched", errors.isEmpty());
		model.addAttribute("results", found.stream().limit(RESULTS).map(p -> pages.row(p, locale)).toList());
		model.addAttribute("truncated", found.size() > RESULTS);
		return "persons";
	}

	/** What was searched for, identifiers masked: 身份证号 440983********1234 · 姓名 王*英. */
	private String criteria(PersonQuery q, Locale locale) {
		StringBuilder out = new StringBuilder();
		append(out, pages.label("persons.id-number", locale), q.idNumber() == null ? null : Masking.idNumber(q.idNumber().strip()));
		append(out, pages.label("persons.name", locale), q.name() == null ? null : Masking.name(q.name()));
		append(out, pages.label("persons.phone", locale), q.phone() == null ? null : Masking.phone(q.phone()));
		append(out, pages.label("persons.birth-date", locale), PersonPages.longDate(q.birthDate(), locale));
		return out.toString();
	}

	private static void append(StringBuilder out, String label, String value) {
		if (value != null && !value.isBlank()) {
			out.append(out.isEmpty() ? "" : " · ").append(label).append(' ').append(value);
		}
	}

	// a person

	@GetMapping("/persons/{id:\\d+}")
	String person(@PathVariable long id, Model model, Locale locale) {
		fill(model, persons.person(id, "person page"), null, locale);
		return "person";
	}

	@PostMapping("/persons/{id:\\d+}/unmask")
	String unmask(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
			HttpServletResponse response) {
		Person person;
		try {
			person = persons.unmasked(id, reason);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("unmaskError", pages.problem(ex, locale));
			fill(model, persons.person(id, "person page"), null, locale);
			return "person";
		}
		// identifiers in full: this response only, never cached
		response.setHeader("Cache-Control", "no-store");
		fill(model, person, reason.strip(), locale);
		return "person";
	}

	@PostMapping("/persons/{id:\\d+}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) String merged,
			@RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		String error;
		String field;
		try {
			long other = parseId(merged);
			persons.merge(id, other, reason);
			redirect.addFlashAttribute("mergedPerson", other);
			return "redirect:/persons/" + id;
		}
		catch (InvalidInput ex) {
			field = "reason".equals(ex.field()) ? "reason" : "merged";
			error = pages.problem(ex, locale);
		}
		catch (NotFound ex) {
			field = "merged";
			error = pages.label("problem.person.merge-unknown", new Object[] { merged.strip() }, ex.getMessage(), locale);
		}
		catch (Forbidden ex) {
			if (!"person".equals(ex.field())) {
				throw ex;
			}
			field = "merged";
			error = pages.label("problem.person.merge-outside", new Object[] { merged.strip() }, ex.getMessage(), locale);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("mergeError", error);
		model.addAttribute("mergeErrorField", field);
		model.addAttribute("mergeTyped", merged == null ? "" : merged.strip());
		model.addAttribute("mergeReasonTyped", reason == null ? "" : reason.strip());
		fill(model, persons.person(id, "person page"), null, locale);
		return "person";
	}

	@PostMapping("/persons/{id:\\d+}/unmerge")
	String unmerge(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			persons.unmerge(id, reason);
			redirect.addFlashAttribute("unmerged", true);
			return "redirect:/persons/" + id;
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("unmergeError", pages.problem(ex, locale));
			fill(model, persons.person(id, "person page"), null, locale);
			return "person";
		}
	}

	private void fill(Model model, Person person, String unmaskReason, Locale locale) {
		RhipPrincipal me = CurrentUser.require();
		model.addAttribute("person", pages.row(person, locale));
		model.addAttribute("unmaskReason", unmaskReason);
		model.addAttribute("sources", persons.sources(person.id()).stream().map(s -> pages.source(s, locale)).toList());
		model.addAttribute("programs", carePages.programs(care.programs(person.id()), locale));
		model.addAttribute("timeline", pages.timeline(records.timeline(person.id()), locale));
		model.addAttribute("history", persons.history(person.id()).stream()
			.map(e -> pages.history(e, person.id(), locale))
			.toList());
		model.addAttribute("mayUnmask", me.role().mayUnmask());
		model.addAttribute("mayWrite", me.role().mayWriteRecords());
		boolean admin = me.role() == Role.ADMIN;
		model.addAttribute("showAudit", admin);
		model.addAttribute("audit", admin
				? audit.forPerson(person.id(), AUDIT_ROWS).stream().map(e -> pages.audit(e, locale)).toList() : List.of());
		if (!model.containsAttribute("mergeTyped")) {
			model.addAttribute("mergeTyped", "");
			model.addAttribute("mergeReasonTyped", "");
		}
	}

	private static long parseId(String text) {
		Optional<Long> id = Optional.ofNullable(text).map(String::strip).filter(t -> t.matches("\\d{1,18}")).map(Long::valueOf);
		return id.orElseThrow(() -> new InvalidInput("person.merged", "merged", "name the person to merge by their number"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
