package org.rhip.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.record.patient.PatientPrivacy;
import org.rhip.record.projection.ProjectionReads;
import org.rhip.record.store.RecordReader;
import org.rhip.record.store.RecordWriter;
import org.rhip.record.store.Reindexer;
import org.rhip.security.AuditTrail;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinical store (电子健康档案 / 电子病历): FHIR resources written one at a time, as a transaction,
 * or in bulk; read, versions, history, search and everything about a person. Writes need a role that
 * may write records; an API client of an institution writes that institution's records only. Reads
 * see only persons in the caller's scope and are written to the audit trail; a Patient's identifiers
 * come in full to a role that may unmask them and to the institution that sent them, masked to
 * everyone else.
 */
@Service
public class RecordApi {

	private final RecordWriter writer;

	private final RecordReader reader;

	private final Reindexer reindexer;

	private final ProjectionReads projections;

	private final PersonApi persons;

	private final AuditTrail audit;

	private final FhirJson json;

	private final TransactionTemplate eachEntry;

	RecordApi(RecordWriter writer, RecordReader reader, Reindexer reindexer, ProjectionReads projections,
			PersonApi persons, AuditTrail audit, FhirJson json, PlatformTransactionManager transactions) {
		this.writer = writer;
		this.reader = reader;
		this.reindexer = reindexer;
		this.projections = projections;
		this.persons = persons;
		this.audit = audit;
		this.json = json;
		this.eachEntry = new TransactionTemplate(transactions);
		this.eachEntry.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Parses FHIR R4 JSON strictly; {@link InvalidResource} names the element. */
	public Resource parse(String text) {
		return json.parse(text);
	}

	/** Creates a resource (a new id unless it carries one); with {@code ifNoneExist}, only if none matches. */
	@Transactional
	public WriteResult create(Resource resource, String ifNoneExist) {
		return single(resource, null, ifNoneExist);
	}

	/** Creates or updates the resource with this id; the same content again is no new version. */
	@Transactional
	public WriteResult update(String type, String id, Resource resource) {
		if (!resource.fhirType().equals(type)) {
			throw InvalidResource.syntax("record.type-mismatch", "resourceType",
					"the body is a " + resource.fhirType() + ", not a " + type);
		}
		if (resource.hasIdElement() && resource.getIdElement().hasIdPart() && !resource.getIdElement().getIdPart().equals(id)) {
			throw InvalidResource.syntax("record.id-mismatch", type + ".id", "the id in the body differs from the id in the URL");
		}
		return single(resource, id, null);
	}

	private WriteResult single(Resource resource, String id, String ifNoneExist) {
		String institution = writerInstitution();
		RecordWriter.Result r;
		try {
			r = writer.write(List.of(new RecordWriter.Request(0, resource, id, null, ifNoneExist)), institution, null,
					RecordWriter.Mode.ATOMIC).get(0);
		}
		catch (RecordWriter.Rejected ex) {
			throw ex.problem();
		}
		RecordReader.Found found = reader.current(r.type(), r.id()).orElseThrow();
		return new WriteResult(r.type(), r.id(), found.version().versionId(), found.version().lastUpdated(), r.outcome(),
				shown(found));
	}

	/** Deletes a resource; false when there was none. */
	@Transactional
	public boolean delete(String type, String id) {
		return writer.delete(type, id, writerInstitution());
	}

	/**
	 * The bulk path: validates each resource, links new Patients to persons, resolves references within
	 * the batch and against the store, writes the good ones by COPY, in one transaction. One outcome per
	 * input, in input order; a bad resource (or one that refers to a bad one) is {@code rejected} with
	 * the FHIR path and the reason, the others are stored. {@code institutionCode}: the institution whose
	 * records these are (the caller's, for an API client of an institution). The resources are changed in
	 * place: ids assigned where missing, references resolved to {@code Type/id}, Patient displays dropped.
	 * Concurrent batches must not share ids (the second fails on the key and can be sent again).
	 */
	@Transactional
	public List<StoreOutcome> storeAll(List<Resource> resources, String institutionCode) {
		String own = writerInstitution();
		if (own != null && institutionCode != null && !own.equals(institutionCode)) {
			throw new Forbidden("institution", "this client writes the records of institution " + own + " only");
		}
		String institution = own != null ? own : institutionCode;
		List<RecordWriter.Request> requests = new ArrayList<>(resources.size());
		for (int i = 0; i < resources.size(); i++) {
			requests.add(new RecordWriter.Request(i, resources.get(i), null, null, null));
		}
		return writer.write(requests, institution, institution, RecordWriter.Mode.EACH)
			.stream()
			.map(r -> r.error() == null
					? new StoreOutcome(r.index(), r.type(), r.id(), r.outcome(), null, null)
					: new StoreOutcome(r.index(), r.type(), r.id(), StoreOutcome.REJECTED, field(r.error()),
							r.error().getMessage()))
			.toList();
	}

	/**
	 * A FHIR transaction: every entry or none. Entries refer to each other by fullUrl ({@code urn:uuid:…});
	 * a POST keeps the resource's id, or takes its fullUrl's UUID, so the same bundle sent twice stores
	 * nothing new. A refusal names {@code Bundle.entry[i].resource.<path>}.
	 */
	@Transactional
	public List<TransactionResult> transaction(List<TransactionEntry> entries) {
		String institution = writerInstitution();
		List<RecordWriter.Request> requests = new ArrayList<>();
		TransactionResult[] results = new TransactionResult[entries.size()];
		for (int i = 0; i < entries.size(); i++) {
			TransactionEntry e = entries.get(i);
			String method = e.method() == null ? "POST" : e.method().toUpperCase(java.util.Locale.ROOT);
			String[] url = e.url() == null ? new String[0] : e.url().replaceFirst("\\?.*$", "").split("/");
			switch (method) {
				case "DELETE" -> {
					if (url.length != 2) {
						throw entryError(i, "request.url", "a DELETE entry names Type/id");
					}
					writer.delete(url[0], url[1], institution);
					results[i] = new TransactionResult(204, null, null, null, null, null);
				}
				case "POST", "PUT" -> {
					if (e.resource() == null) {
						throw entryError(i, "resource", "a " + method + " entry needs a resource");
					}
					String id = null;
					if (method.equals("PUT")) {
						if (url.length != 2 || !url[0].equals(e.resource().fhirType())) {
							throw entryError(i, "request.url", "a PUT entry's url is " + e.resource().fhirType() + "/id");
						}
						id = url[1];
					}
					requests.add(new RecordWriter.Request(i, e.resource(), id, e.fullUrl(), method.equals("POST") ? e.ifNoneExist() : null));
				}
				default -> throw entryError(i, "request.method", "method " + method + " is not supported in a transaction");
			}
		}
		List<RecordWriter.Result> written;
		try {
			written = writer.write(requests, institution, null, RecordWriter.Mode.ATOMIC);
		}
		catch (RecordWriter.Rejected ex) {
			throw inEntry(ex.index(), entries.get(ex.index()), ex.problem());
		}
		for (RecordWriter.Result r : written) {
			RecordReader.Found found = reader.current(r.type(), r.id()).orElseThrow();
			results[r.index()] = new TransactionResult(r.outcome().equals(StoreOutcome.CREATED) ? 201 : 200,
					r.type() + "/" + r.id() + "/_history/" + found.version().versionId(), found.version().versionId(),
					found.version().lastUpdated(), shown(found), null);
		}
		return List.of(results);
	}

	/** A FHIR batch: each entry on its own, in its own transaction; a refused entry says why. */
	public List<TransactionResult> batch(List<TransactionEntry> entries) {
		List<TransactionResult> results = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			TransactionEntry entry = new TransactionEntry(null, entries.get(i).method(), entries.get(i).url(),
					entries.get(i).ifNoneExist(), entries.get(i).resource());
			try {
				results.add(eachEntry.execute(status -> transaction(List.of(entry)).get(0)));
			}
			catch (InvalidResource ex) {
				String path = ex.field() == null ? null : ex.field().replace("Bundle.entry[0]", "Bundle.entry[" + i + "]");
				results.add(failed(ex.status(), path, ex.getMessage()));
			}
			catch (Forbidden ex) {
				results.add(failed(403, ex.field() == null ? null : ex.field().replace("Bundle.entry[0]", "Bundle.entry[" + i + "]"),
						ex.getMessage()));
			}
			catch (InvalidInput ex) {
				results.add(failed(400, ex.field(), ex.getMessage()));
			}
			catch (NotFound ex) {
				results.add(failed(404, null, ex.getMessage()));
			}
		}
		return results;
	}

	private static TransactionResult failed(int status, String path, String message) {
		return new TransactionResult(status, null, null, null, null,
				new TransactionResult.InvalidResourceProblem(status, path, message));
	}

	private static InvalidResource entryError(int i, String element, String message) {
		return InvalidResource.syntax("record.bundle", "Bundle.entry[" + i + "]." + element, message);
	}

	/** A problem of one entry's resource, renamed to its place in the Bundle. */
	private static RuntimeException inEntry(int i, TransactionEntry entry, RuntimeException problem) {
		String type = entry.resource() == null ? "" : entry.resource().fhirType();
		String field = field(problem);
		String path;
		if (field == null) {
			path = "Bundle.entry[" + i + "]";
		}
		else if (field.equals("If-None-Exist")) {
			path = "Bundle.entry[" + i + "].request.ifNoneExist";
		}
		else if (field.startsWith(type)) {
			path = "Bundle.entry[" + i + "].resource" + field.substring(type.length());
		}
		else {
			path = "Bundle.entry[" + i + "].resource." + field;
		}
		if (problem instanceof InvalidResource ir) {
			return ir.at(path);
		}
		if (problem instanceof Forbidden) {
			return new Forbidden(path, problem.getMessage());
		}
		return problem;
	}

	private static String field(RuntimeException ex) {
		if (ex instanceof InvalidInput ii) {
			return ii.field();
		}
		if (ex instanceof Forbidden f) {
			return f.field();
		}
		return null;
	}

	/** The current version of a resource, if the caller may see it; audited. */
	@Transactional
	public Resource read(String type, String id) {
		RecordReader.Found found = reader.current(type, id)
			.orElseThrow(() -> new NotFound("record.not-found", "no " + type + " with id " + id));
		if (found.version().deleted()) {
			throw new NotFound("record.deleted", type + "/" + id + " was deleted");
		}
		mayRead(found, type + "/" + id);
		return shown(found);
	}

	/** One version of a resource; audited. */
	@Transactional
	public Resource vread(String type, String id, int version) {
		RecordReader.Found found = reader.version(type, id, version)
			.orElseThrow(() -> new NotFound("record.not-found", "no version " + version + " of " + type + "/" + id));
		if (found.version().deleted()) {
			throw new NotFound("record.deleted", "version " + version + " of " + type + "/" + id + " is a deletion");
		}
		mayRead(found, type + "/" + id + "/_history/" + version);
		return shown(found);
	}

	/** Every version of a resource, newest first; audited. */
	@Transactional
	public List<StoredVersion> history(String type, String id) {
		List<RecordReader.Found> versions = reader.history(type, id);
		if (versions.isEmpty()) {
			throw new NotFound("record.not-found", "no " + type + " with id " + id);
		}
		mayRead(versions.get(0), type + "/" + id + "/_history");
		return versions.stream()
			.map(f -> new StoredVersion(f.version().type(), f.version().id(), f.version().versionId(),
					f.version().lastUpdated(), f.version().deleted(), f.version().deleted() ? null : shown(f)))
			.toList();
	}

	/** A page of search results the caller may see; the persons on it are audited. */
	@Transactional
	public RecordPage search(RecordQuery query) {
		RecordReader.Page page = reader.search(query);
		return visiblePage(page, query.type() + " search");
	}

	/** Everything about the person of a FHIR Patient (all Patients linked to the person), a page at a time. */
	@Transactional
	public RecordPage everything(String patientId, int offset, int count) {
		long person = persons.personOfSource("Patient", patientId)
			.orElseThrow(() -> new NotFound("record.not-found", "no Patient with id " + patientId));
		return everything(person, offset, count);
	}

	/** Everything about a person: the resources of every FHIR Patient linked to them; audited. */
	@Transactional
	public RecordPage everything(long personId, int offset, int count) {
		requireVisible(personId);
		RecordReader.Page page = reader.ofPatients(persons.patientIds(personId), offset, count);
		if (!page.found().isEmpty()) {
			audit.record("read", personId, "Patient/$everything", null);
		}
		return new RecordPage(page.found().stream().map(this::shown).toList(), page.total());
	}

	/** Entries of a person's timeline shown at most. */
	public static final int TIMELINE_LIMIT = 1_000;

	/** Measured values of one kind shown at most. */
	public static final int MEASUREMENT_LIMIT = 5_000;

	/**
	 * A person's timeline from the projections: encounters, diagnoses, reports, medications and
	 * immunizations, newest first; audited.
	 */
	@Transactional
	public List<ClinicalEvent> timeline(long personId) {
		requireVisible(personId);
		audit.record("read", personId, "record timeline", null);
		return projections.timeline(personId, TIMELINE_LIMIT);
	}

	/** A person's measured values of some LOINC codes (blood pressure, glucose …), oldest first; audited. */
	@Transactional
	public List<Measurement> measurements(long personId, Collection<String> loincCodes) {
		requireVisible(personId);
		audit.record("read", personId, "measurements " + String.join(",", loincCodes), null);
		return projections.measurements(personId, loincCodes, MEASUREMENT_LIMIT);
	}

	private void requireVisible(long personId) {
		if (!persons.visible(personId)) {
			throw new Forbidden("person", "person " + personId + " is outside your org unit");
		}
	}

	/**
	 * When the store last changed (a write, an update, a delete): computations over the records, such
	 * as the care module's indicators, are stale when older.
	 */
	public Optional<java.time.Instant> lastChange() {
		return projections.lastChange();
	}

	/** The enterprise person of a FHIR Patient, if it was registered. */
	public Optional<Long> personOfPatient(String patientId) {
		return persons.personOfSource("Patient", patientId);
	}

	/** Rebuilds every projection table and the search columns from the stored resources. */
	@Transactional
	public Map<String, Integer> reindex() {
		RhipPrincipal user = CurrentUser.get().orElse(null);
		if (user != null && user.role() != org.rhip.security.Role.ADMIN) {
			throw new Forbidden("role", "only an administrator rebuilds the projections");
		}
		return reindexer.reindex();
	}

	private RecordPage visiblePage(RecordReader.Page page, String what) {
		List<Resource> shown = new ArrayList<>();
		Set<Long> people = new LinkedHashSet<>();
		java.util.Map<Long, Boolean> visible = new java.util.HashMap<>();
		for (RecordReader.Found f : page.found()) {
			if (f.personId() != null) {
				if (!visible.computeIfAbsent(f.personId(), persons::visible)) {
					continue;
				}
				people.add(f.personId());
			}
			shown.add(shown(f));
		}
		if (!people.isEmpty()) {
			audit.recordAll("search", List.copyOf(people), what, null);
		}
		return new RecordPage(shown, page.total());
	}

	private void mayRead(RecordReader.Found found, String what) {
		if (found.personId() == null) {
			return;
		}
		if (!persons.visible(found.personId())) {
			throw new Forbidden("person", "the record belongs to a person outside your org unit");
		}
		audit.record("read", found.personId(), what, null);
	}

	/** The resource as the caller may see it: a Patient masked unless they may see its identifiers. */
	private Resource shown(RecordReader.Found found) {
		Resource r = found.version().resource();
		if (r instanceof Patient p && !mayUnmask(found)) {
			Patient masked = PatientPrivacy.masked(p);
			masked.setMeta(p.getMeta());
			masked.setIdElement(p.getIdElement());
			return masked;
		}
		return r;
	}

	private static boolean mayUnmask(RecordReader.Found found) {
		Optional<RhipPrincipal> user = CurrentUser.get();
		return user.isEmpty() || user.get().role().mayUnmask()
				|| (found.institution() != null && user.get().institution().filter(found.institution()::equals).isPresent());
	}

	/** The institution of a client that writes records; a role that may not write records is refused. */
	private static String writerInstitution() {
		Optional<RhipPrincipal> user = CurrentUser.get();
		if (user.isPresent() && !user.get().role().mayWriteRecords()) {
			throw new Forbidden("role", "role " + user.get().role().key() + " may not write records");
		}
		return user.flatMap(RhipPrincipal::institution).orElse(null);
	}

}
