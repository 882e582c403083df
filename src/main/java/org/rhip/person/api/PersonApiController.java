package org.rhip.person.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rhip.person.LinkEvent;
import org.rhip.person.LinkResult;
import org.rhip.person.LinkageModelInfo;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.person.PersonDocument;
import org.rhip.person.PersonQuery;
import org.rhip.person.ReviewItem;
import org.rhip.person.SourcePatient;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.AuditTrail;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the person index: search (masked), one person with the records that linked to them
 * and the linkage history, unmasking with a reason, registration, merge, unmerge and the review
 * queue. Scope and audit are applied in {@link PersonApi}.
 */
@RestController
@RequestMapping("/api/persons")
class PersonApiController {

	/** A registration as a registration desk or a CHC system sends it. */
	record Registration(String system, String value, String institution, String idNumber, List<PersonDocument> documents,
			String name, String sex, LocalDate birthDate, String phone, String orgUnitCode, String address,
			Boolean household, Boolean resident, LocalDate deathDate) {
	}

	record Reason(String reason) {
	}

	record Merge(Long merged, String reason) {
	}

	record Decision(String decision, String note) {
	}

	record PersonDetail(Person person, List<Map<String, Object>> sources, List<LinkEvent> history) {
	}

	private final PersonApi persons;

	private final AuditTrail audit;

	PersonApiController(PersonApi persons, AuditTrail audit) {
		this.persons = persons;
		this.audit = audit;
	}

	@GetMapping
	List<Person> search(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			@RequestParam(defaultValue = "50") int limit) {
		return persons.search(new PersonQuery(idNumber, name, phone, birthDate), limit);
	}

	@GetMapping("/{id}")
	PersonDetail person(@PathVariable long id) {
		return new PersonDetail(persons.person(id, "person"), persons.sources(id), persons.history(id));
	}

	@PostMapping("/{id}/unmask")
	Person unmask(@PathVariable long id, @RequestBody Reason reason) {
		return persons.unmasked(id, reason.reason());
	}

	@PostMapping
	LinkResult register(@RequestBody Registration r) {
		return persons.register(new SourcePatient(r.system(), r.value(), r.institution(), List.of(), r.idNumber(),
				r.documents(), r.name(), r.sex(), r.birthDate(), r.phone(), r.orgUnitCode(), r.address(), r.household(),
				r.resident(), r.deathDate()));
	}

	@PostMapping("/{survivor}/merge")
	Map<String, Object> merge(@PathVariable long survivor, @RequestBody Merge merge) {
		if (merge.merged() == null) {
			throw new InvalidInput("person.merged", "merged", "name the person to merge");
		}
		persons.merge(survivor, merge.merged(), merge.reason());
		return Map.of("survivor", survivor, "merged", merge.merged());
	}

	@PostMapping("/{id}/unmerge")
	Map<String, Object> unmerge(@PathVariable long id, @RequestBody Reason reason) {
		persons.unmerge(id, reason.reason());
		return Map.of("restored", id);
	}

	@GetMapping("/review")
	List<ReviewItem> reviewQueue(@RequestParam(defaultValue = "100") int limit) {
		return persons.reviewQueue(limit);
	}

	@PostMapping("/review/{id}")
	Map<String, Object> decide(@PathVariable long id, @RequestBody Decision decision) {
		if (!"same".equals(decision.decision()) && !"different".equals(decision.decision())) {
			throw new InvalidInput("review.decision", "decision", "decision must be same or different");
		}
		persons.decide(id, "same".equals(decision.decision()), decision.note());
		return Map.of("id", id, "decision", decision.decision());
	}

	@GetMapping("/linkage-model")
	LinkageModelInfo linkageModel() {
		return persons.linkageModel();
	}

	@PostMapping("/linkage-model")
	LinkageModelInfo estimateLinkageModel(@RequestParam(defaultValue = "100000") int sample) {
		return persons.estimateLinkageModel(sample);
	}

	/** Who read this person's record, when and why (administrators; the read itself is audited too). */
	@GetMapping("/{id}/audit")
	List<AuditTrail.Entry> audit(@PathVariable long id) {
		persons.person(id, "audit trail");
		return audit.forPerson(id, 500);
	}

}
