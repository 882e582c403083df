package org.rhip.person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.person.index.PersonIndex;
import org.rhip.person.index.PersonMerges;
import org.rhip.person.index.PersonReads;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.RegistryApi;
import org.rhip.security.AuditTrail;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person index (全员人口, 一人一码): registering source records, finding persons, merging and
 * unmerging, the review queue. Reads are scoped to the caller's org unit and written to the audit
 * trail; identifiers come masked unless unmasked with a reason by a role that may.
 */
@Service
public class PersonApi {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final PersonIndex index;

	private final PersonReads reads;

	private final PersonMerges merges;

	private final AuditTrail audit;

	private final RegistryApi registry;

	private final JdbcClient jdbc;

	PersonApi(PersonIndex index, PersonReads reads, PersonMerges merges, AuditTrail audit, RegistryApi registry,
			JdbcClient jdbc) {
		this.index = index;
		this.reads = reads;
		this.merges = merges;
		this.audit = audit;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** Checks a source record without storing it: the normalised form, or {@link InvalidInput} naming the field. */
	public SourcePatient check(SourcePatient patient) {
		return index.check(patient, LocalDate.now(CHINA));
	}

	/**
	 * Links a source record to its person, creating the person when no one matches. Sending the same
	 * record again changes nothing but filling in what the person lacked.
	 */
	@Transactional
	public LinkResult register(SourcePatient patient) {
		requireWriter();
		SourcePatient p = check(patient);
		// one linker at a time per ID number (or source identifier): two arrivals of a new person make one person
		String lockKey = p.idNumber() != null ? "id:" + p.idNumber() : "src:" + p.system() + "|" + p.value();
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param(lockKey).query(Object.class).optional();
		return index.link(p, actor());
	}

	/**
	 * Links many source records in one transaction (bulk import): each is checked, a refused one is
	 * reported and the others go on. New persons with a resident ID number that no one else in the
	 * index could be are written in bulk; everything else takes the path of {@link #register}.
	 */
	@Transactional
	public List<Registration> registerAll(List<SourcePatient> patients) {
		requireWriter();
		LocalDate today = LocalDate.now(CHINA);
		List<SourcePatient> checked = new java.util.ArrayList<>(patients.size());
		Registration[] out = new Registration[patients.size()];
		for (int i = 0; i < patients.size(); i++) {
			try {
				checked.add(index.check(patients.get(i), today));
			}
			catch (InvalidInput ex) {
				checked.add(null);
				out[i] = new Registration(null, ex);
			}
		}
		List<LinkResult> links = index.linkAll(checked, actor());
		for (int i = 0; i < out.length; i++) {
			if (out[i] == null) {
				out[i] = new Registration(links.get(i), null);
			}
		}
		return List.of(out);
	}

	/**
	 * The active persons of many resident ID numbers at once (a file that names residents by ID number:
	 * family-doctor contracts). Valid numbers only ({@code ResidentIdNumber#value()}); unknown ones are
	 * absent. Nothing of a person is read, so nothing is audited, as with {@link #personsOfPatients}.
	 */
	public Map<String, Long> personsByIdNumber(java.util.Collection<String> idNumbers) {
		return reads.personsByIdNumber(idNumbers);
	}

	/** The person a FHIR Patient resource (or another source identifier) was linked to. */
	public Optional<Long> personOfSource(String system, String value) {
		return reads.personOfSource(system, value);
	}

	/** The persons of many FHIR Patient resources at once (bulk import); unknown ids are absent. */
	public Map<String, Long> personsOfPatients(List<String> patientIds) {
		return reads.personsOfSources("Patient", patientIds);
	}

	/** The FHIR Patient resources whose records belong to a person (after merges: all of them). */
	public List<String> patientIds(long personId) {
		return reads.patientIds(personId);
	}

	/** A person, masked, if in the caller's scope; the read is audited. */
	@Transactional
	public Person person(long personId, String what) {
		Person p = scoped(personId);
		audit.record("read", p.id(), what, null);
		return p.masked();
	}

	/**
	 * Persons by id, masked: those outside the caller's scope are left out, and the read of the rest
	 * is audited (one entry per person) — the drill-down lists behind an indicator.
	 */
	@Transactional
	public List<Person> persons(List<Long> personIds, String what) {
		Optional<String> scope = CurrentUser.get().flatMap(RhipPrincipal::scope);
		List<Person> found = personIds.stream()
			.map(reads::person)
			.flatMap(Optional::stream)
			.filter(p -> scope.isEmpty() || reads.inScope(p.id(), scopePath(scope.get())))
			.toList();
		audit.recordAll("drill_down", found.stream().map(Person::id).toList(), what, null);
		return found.stream().map(Person::masked).toList();
	}

	/** A person with identifiers in full: only for a role that may, with a reason, audited. */
	@Transactional
	public Person unmasked(long personId, String reason) {
		RhipPrincipal user = CurrentUser.require();
		if (!user.role().mayUnmask()) {
			throw new Forbidden("role", "role " + user.role().key() + " may not see identifiers in full");
		}
		if (reason == null || reason.strip().length() < 2) {
			throw new InvalidInput("person.unmask-reason", "reason", "give the reason for seeing the identifiers in full");
		}
		Person p = scoped(personId);
		audit.record("unmask", p.id(), "identifiers", reason.strip());
		return p;
	}

	/** Whether the caller may see this person (no audit entry). */
	public boolean visible(long personId) {
		Optional<String> scope = CurrentUser.get().flatMap(RhipPrincipal::scope);
		return scope.isEmpty() || reads.inScope(reads.active(personId), scopePath(scope.get()));
	}

	/** Persons matching a query within the caller's scope, masked; the search is audited. */
	@Transactional
	public List<Person> search(PersonQuery query, int limit) {
		List<Long> ids = reads.search(query, callerScopePath(), Math.min(Math.max(limit, 1), 200));
		audit.recordAll("search", ids, "person search", null);
		return ids.stream().map(id -> reads.person(id).orElseThrow().masked()).toList();
	}

	public List<LinkEvent> history(long personId) {
		scoped(personId);
		return reads.history(personId);
	}

	/** Source records as received (masked unless {@code unmasked}), for a reviewer. */
	@Transactional
	public List<Map<String, Object>> sources(long personId) {
		scoped(personId);
		audit.record("read", personId, "source records", null);
		return reads.sourceFeatures(personId).stream().map(PersonApi::maskFeatures).toList();
	}

	@Transactional
	public void merge(long survivor, long merged, String reason) {
		requireWriter();
		requireReason(reason);
		scoped(survivor);
		scoped(merged);
		merges.merge(survivor, merged, reason.strip(), actor());
		audit.record("merge", survivor, "merged person " + merged, reason.strip());
	}

	@Transactional
	public void unmerge(long merged, String reason) {
		requireWriter();
		requireReason(reason);
		scoped(merged);
		merges.unmerge(merged, reason.strip(), actor());
		audit.record("unmerge", merged, "unmerged person " + merged, reason.strip());
	}

	public List<ReviewItem> reviewQueue(int limit) {
		return reads.reviewItems("open", callerScopePath(), limit);
	}

	public Optional<ReviewItem> reviewItem(long id) {
		return reads.reviewItem(id);
	}

	@Transactional
	public void decide(long reviewId, boolean same, String note) {
		requireWriter();
		ReviewItem item = reads.reviewItem(reviewId).orElseThrow(() -> new NotFound("review", "no review item " + reviewId));
		scoped(item.personId());
		merges.decide(reviewId, same, note, actor());
		audit.record("review", item.personId(), "review " + reviewId + (same ? " same" : " different"), note);
	}

	public LinkageModelInfo linkageModel() {
		return index.linkageModel();
	}

	/** Administrators: re-estimate the linkage weights (EM) from a sample of the index's source records. */
	@Transactional
	public LinkageModelInfo estimateLinkageModel(int sample) {
		CurrentUser.get().filter(u -> u.role() != org.rhip.security.Role.ADMIN).ifPresent(u -> {
			throw new Forbidden("role", "only an administrator re-estimates the linkage weights");
		});
		return index.estimateLinkageModel(Math.min(Math.max(sample, 1), 200_000), 20261123L);
	}

	private Person scoped(long personId) {
		Person p = reads.person(personId).orElseThrow(() -> new NotFound("person", "no person " + personId));
		if (!visible(personId)) {
			throw new Forbidden("person", "person " + personId + " is outside your org unit");
		}
		return p;
	}

	private String callerScopePath() {
		return CurrentUser.get().flatMap(RhipPrincipal::scope).map(this::scopePath).orElse(null);
	}

	private String scopePath(String orgUnit) {
		return registry.orgUnit(orgUnit).path();
	}

	/** Registering, merging and deciding reviews: roles that write records (or the system itself). */
	private static void requireWriter() {
		CurrentUser.get().filter(u -> !u.role().mayWriteRecords()).ifPresent(u -> {
			throw new Forbidden("role", "role " + u.role().key() + " may not change the person index");
		});
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.strip().length() < 2) {
			throw new InvalidInput("person.reason", "reason", "give the reason");
		}
	}

	static String actor() {
		return CurrentUser.get().map(RhipPrincipal::name).orElse("system");
	}

	private static Map<String, Object> maskFeatures(Map<String, Object> f) {
		Map<String, Object> out = new java.util.LinkedHashMap<>(f);
		out.computeIfPresent("idNumber", (k, v) -> org.rhip.security.Masking.idNumber((String) v));
		out.computeIfPresent("name", (k, v) -> org.rhip.security.Masking.name((String) v));
		out.computeIfPresent("phone", (k, v) -> org.rhip.security.Masking.phone((String) v));
		out.computeIfPresent("address", (k, v) -> "****");
		return out;
	}

}
