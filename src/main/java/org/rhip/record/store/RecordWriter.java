package org.rhip.record.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.person.PersonApi;
import org.rhip.platform.db.PgCopy;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.ChinaDates;
import org.rhip.record.InvalidResource;
import org.rhip.record.RecordSystems;
import org.rhip.record.check.ResourceChecker;
import org.rhip.record.patient.PatientMapper;
import org.rhip.record.patient.PatientPrivacy;
import org.rhip.record.projection.Projector;
import org.rhip.record.projection.Rows;
import org.rhip.record.projection.Table;
import org.rhip.registry.RegistryApi;
import org.rhip.security.IdentifierHash;
import org.rhip.security.PersonalDataCipher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path of the store, for a single resource, a transaction and a bulk batch alike.
 *
 * <p>Design, for bulk speed (target ≥ 20,000 resources/s on 2 cores): per-resource work that needs no
 * database (checking, JSON encoding, hashing, projecting) runs on worker threads; everything that
 * needs the database is one query for the whole batch ({@code = any(?)} / {@code unnest}): the
 * current versions, the references' targets, the persons of the Patients. The rows go in by COPY
 * (current, history, identifiers, projections) chunk by chunk, the next chunk being encoded while the
 * database copies this one, so the two cores work at once. Only new or changed Patients cost round
 * trips, through the person index (several at a time in a bulk write). The same content again (same
 * SHA-256 of the JSON) is {@code unchanged}: no new version, nothing written.
 */
@Component
public class RecordWriter implements DisposableBean {

	/** EACH: refuse bad resources and keep the good; ATOMIC: refuse all at the first bad one. */
	public enum Mode {
		EACH, ATOMIC
	}

	/** An ATOMIC write refused because of one item. */
	public static final class Rejected extends RuntimeException {

		private final int index;

		private final RuntimeException problem;

		Rejected(int index, RuntimeException problem) {
			super(problem.getMessage(), problem);
			this.index = index;
			this.problem = problem;
		}

		public int index() {
			return index;
		}

		public RuntimeException problem() {
			return problem;
		}

	}

	/** Below this many resources a batch is not worth the parallel streams. */
	private static final int PARALLEL = 64;

	/** Below this many, the resources' ids are locked against a concurrent writer of the same ids. */
	private static final int LOCK = 200;

	private final FhirContext fhir;

	private final ResourceChecker checker;

	private final ResourceRows rows;

	private final PatientMapper patients;

	private final PersonApi persons;

	private final RegistryApi registry;

	private final PersonalDataCipher cipher;

	private final IdentifierHash hash;

	private final JdbcClient jdbc;

	private final Projector projector = new Projector();

	/** Transactions of the bulk linking workers, apart from the batch's. */
	private final TransactionTemplate linking;

	private final Map<String, Boolean> institutions = new ConcurrentHashMap<>();

	/** Resources per chunk of the write pipeline: small enough that the first COPY starts soon. */
	private static final int CHUNK = 2000;

	/** Threads that link a bulk batch's Patients to persons (each with a connection of the pool of 8). */
	private static final int LINKERS = 4;

	private final ExecutorService linkers = Executors.newFixedThreadPool(LINKERS, r -> {
		Thread t = new Thread(r, "rhip-person-link");
		t.setDaemon(true);
		return t;
	});

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordWriter.class);

	RecordWriter(FhirContext fhir, ResourceRows rows, PatientMapper patients, PersonApi persons, RegistryApi registry,
			PersonalDataCipher cipher, IdentifierHash hash, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.linking = new TransactionTemplate(transactions);
		this.linking.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.fhir = fhir;
		this.checker = new ResourceChecker(fhir);
		this.rows = rows;
		this.patients = patients;
		this.persons = persons;
		this.registry = registry;
		this.cipher = cipher;
		this.hash = hash;
		this.jdbc = jdbc;
	}

	/** One resource to write: its index in the request, the resource, the id to keep, fullUrl, If-None-Exist. */
	public record Request(int index, Resource resource, String id, String fullUrl, String ifNoneExist) {
	}

	/** What became of one request. */
	public record Result(int index, String type, String id, String outcome, int version, Instant lastUpdated,
			RuntimeException error) {
	}

	/**
	 * Writes resources in the caller's transaction. {@code writer}: the institution of the API client
	 * (its records only), or null. {@code fallbackInstitution}: the institution of records that name none.
	 */
	public List<Result> write(List<Request> requests, String writer, String fallbackInstitution, Mode mode) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Phases phases = new Phases(log.isDebugEnabled());
		List<Item> items = new ArrayList<>(requests.size());
		for (Request r : requests) {
			String id = r.id() != null ? r.id()
					: r.resource().hasIdElement() && r.resource().getIdElement().hasIdPart()
							&& !r.resource().getIdElement().getValue().startsWith("urn:")
									? r.resource().getIdElement().getIdPart() : null;
			if (id == null && r.fullUrl() != null && r.fullUrl().startsWith("urn:uuid:")) {
				id = r.fullUrl().substring(9); // the entry's own UUID: sending the bundle again is idempotent
			}
			if (id == null) {
				id = java.util.UUID.randomUUID().toString();
			}
			r.resource().setId(id);
			items.add(new Item(r.index(), r.resource(), id, r.fullUrl(), r.ifNoneExist()));
		}
		each(items).forEach(item -> prepare(item, writer, fallbackInstitution, now));
		stopAtFirst(mode, items);
		phases.done("check");
		if (items.size() <= LOCK) {
			lock(items);
		}
		matchConditionalCreates(items);
		stopAtFirst(mode, items);
		loadExisting(items);
		stopAtFirst(mode, items);
		phases.done("existing");
		resolveReferences(items);
		cascade(items);
		stopAtFirst(mode, items);
		phases.done("references");
		List<Item> good = items.stream().filter(i -> i.ok() && !i.matched).toList();
		// new and changed Patients to the person index first: their persons go into every row
		List<Item> patientItems = good.stream().filter(i -> i.patient != null).toList();
		each(patientItems).forEach(this::encode);
		decide(patientItems);
		List<Item> toLink = patientItems.stream().filter(Item::writes).toList();
		if (mode == Mode.EACH) {
			await(linkAsync(toLink));
		}
		else {
			toLink.forEach(this::link);
		}
		cascade(items);
		stopAtFirst(mode, items);
		List<Item> rest = good.stream().filter(Item::ok).toList();
		linkOthers(rest);
		phases.done("persons");
		// encoding and projecting the next chunk (worker threads) while the database COPYs this one
		List<List<Item>> chunks = new ArrayList<>();
		for (int from = 0; from < rest.size(); from += CHUNK) {
			chunks.add(rest.subList(from, Math.min(rest.size(), from + CHUNK)));
		}
		String at = now.toString();
		CompletableFuture<Chunk> next = chunks.isEmpty() ? null : CompletableFuture.supplyAsync(() -> chunk(chunks.get(0), at));
		for (int c = 0; c < chunks.size(); c++) {
			Chunk chunk = join(next);
			stopAtFirst(mode, chunks.get(c));
			int c1 = c + 1;
			next = c + 1 < chunks.size() ? CompletableFuture.supplyAsync(() -> chunk(chunks.get(c1), at)) : null;
			phases.done("encode-project");
			store(chunk);
			phases.done("store");
		}
		if (phases.enabled) {
			log.debug("{} resources, {} written in {} ms: {}", items.size(), items.stream().filter(Item::writes).count(),
					(System.nanoTime() - phases.start) / 1_000_000, phases);
		}
		return items.stream()
			.map(i -> new Result(i.index, i.type, i.id, i.ok() ? i.outcome : "rejected", i.version,
					i.writes() ? now : null, i.error))
			.toList();
	}

	/**
	 * Deletes a resource (a new, empty version); false when there is none. A client of an institution
	 * deletes only its institution's resources.
	 */
	public boolean delete(String type, String id, String writer) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 8))").param(type + "/" + id).query(Object.class).optional();
		ResourceRows.Existing e = rows.existing(List.of(type), List.of(id)).get(type + "/" + id);
		if (e == null || e.deleted()) {
			return false;
		}
		if (writer != null && e.institution() != null && !writer.equals(e.institution())) {
			throw new Forbidden(type + ".id", "the resource belongs to another institution");
		}
		rows.markDeleted(type, id, e.version() + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		return true;
	}

	private static Stream<Item> each(List<Item> items) {
		return items.size() >= PARALLEL ? items.parallelStream() : items.stream();
	}

	private static void stopAtFirst(Mode mode, List<Item> items) {
		if (mode == Mode.ATOMIC) {
			for (Item i : items) {
				if (!i.ok()) {
					throw new Rejected(i.index, i.error);
				}
			}
		}
	}

	/** Checks and maps one resource: no database but the registry's (cached) institutions and org units. */
	private void prepare(Item item, String writer, String fallback, Instant now) {
		try {
			Resource r = item.resource;
			if (r.hasMeta()) {
				r.getMeta().setVersionId(null);
				r.getMeta().setLastUpdated(null);
			}
			item.inspection = checker.check(r, now);
			String institution = writer;
			for (ResourceChecker.Claim claim : item.inspection.institutions()) {
				if (claim.institution() == null || !institutionExists(claim.institution())) {
					throw InvalidResource.rule("record.institution", claim.path(), "no institution with this code in the registry");
				}
				if (writer != null && !writer.equals(claim.institution())) {
					throw new Forbidden(claim.path(),
							"this client writes the records of institution " + writer + " only, not of " + claim.institution());
				}
				if (institution == null) {
					institution = claim.institution();
				}
			}
			item.institution = institution != null ? institution : fallback;
			if (r instanceof Patient p) {
				item.patientId = item.id;
				item.patient = patients.map(p, item.id, item.institution);
				try {
					persons.check(item.patient.source());
				}
				catch (InvalidInput ex) {
					throw item.patient.translate(ex);
				}
			}
		}
		catch (InvalidResource | Forbidden ex) {
			item.error = ex;
		}
		catch (RuntimeException ex) {
			// a resource that trips the mapping must not sink the batch it came with
			item.error = InvalidResource.rule("record.unprocessable", item.type, "cannot be processed: " + ex.getMessage());
		}
	}

	private boolean institutionExists(String code) {
		Boolean known = institutions.get(code);
		if (known == null || !known) {
			known = registry.findInstitution(code).isPresent();
			institutions.put(code, known);
		}
		return known;
	}

	/** Serialises writers of the same ids (and of the same conditional create) for small writes. */
	private void lock(List<Item> items) {
		Set<String> keys = new TreeSet<>();
		for (Item i : items) {
			if (i.ok()) {
				keys.add(i.ifNoneExist != null ? "if:" + i.type + "?" + i.ifNoneExist : i.key());
			}
		}
		if (!keys.isEmpty()) {
			jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(k, 8))) from unnest(?::text[]) k")
				.param(keys.toArray(String[]::new))
				.query(Long.class)
				.single();
		}
	}

	private void matchConditionalCreates(List<Item> items) {
		for (Item item : items) {
			if (!item.ok() || item.ifNoneExist == null) {
				continue;
			}
			try {
				String[] criterion = identifierCriterion(item.ifNoneExist)
					.orElseThrow(() -> InvalidResource.syntax("record.if-none-exist", "If-None-Exist",
							"a conditional create is supported by identifier=system|value only"));
				List<String> ids = rows.idsByIdentifier(item.type, criterion[0], identifierKey(item.type, criterion[0], criterion[1]));
				if (ids.size() > 1) {
					throw new InvalidResource("record.if-none-exist-many", "If-None-Exist",
							"the conditional create matches " + ids.size() + " resources", 412);
				}
				if (ids.size() == 1) {
					item.id = ids.get(0);
					item.matched = true;
					item.outcome = "unchanged";
				}
			}
			catch (InvalidResource ex) {
				item.error = ex;
			}
		}
	}

	/** {@code identifier=system|value} (URL-encoded or not) as {system or null, value}. */
	static Optional<String[]> identifierCriterion(String criteria) {
		String c = criteria.strip();
		int q = c.indexOf('?');
		if (q >= 0) {
			c = c.substring(q + 1);
		}
		if (!c.startsWith("identifier=") || c.contains("&")) {
			return Optional.empty();
		}
		String token = java.net.URLDecoder.decode(c.substring("identifier=".length()), StandardCharsets.UTF_8);
		int bar = token.indexOf('|');
		if (bar < 0) {
			return token.isBlank() ? Optional.empty() : Optional.of(new String[] { null, token });
		}
		String system = token.substring(0, bar);
		String value = token.substring(bar + 1);
		return value.isBlank() ? Optional.empty() : Optional.of(new String[] { system.isEmpty() ? "" : system, value });
	}

	/** How an identifier value is indexed: as sent, but a Patient's by its keyed hash (never readable). */
	String identifierKey(String type, String system, String value) {
		if (!type.equals("Patient")) {
			return value;
		}
		String v = value.strip();
		if (RecordSystems.isResidentId(system)) {
			try {
				v = ResidentIdNumber.parse(v, LocalDate.now(ChinaDates.CHINA)).value();
			}
			catch (IllegalArgumentException ex) {
				// not a valid number: it matches nothing, hashed as sent
			}
		}
		return hash.hash(v);
	}

	/** A Patient name part as the name index keeps it: NFKC, no spaces or dots, upper case, hashed. */
	public String nameKey(String name) {
		String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
			.replaceAll("[\\s·•・.]", "")
			.toUpperCase(java.util.Locale.ROOT);
		return hash.hash(n);
	}

	private void loadExisting(List<Item> items) {
		List<String> types = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Item i : items) {
			if (i.ok() && !i.matched) {
				types.add(i.type);
				ids.add(i.id);
			}
		}
		Map<String, ResourceRows.Existing> found = rows.existing(types, ids);
		for (Item i : items) {
			if (!i.ok() || i.matched) {
				continue;
			}
			ResourceRows.Existing e = found.get(i.key());
			i.existing = e;
			if (e != null && e.institution() != null) {
				if (i.institution != null && !i.institution.equals(e.institution())) {
					i.error = new Forbidden(i.type + ".id", "the id " + i.id + " is used by a resource of another institution");
				}
				else if (i.institution == null) {
					i.institution = e.institution();
				}
			}
		}
	}

	/** A reference to resolve: in the batch first, then in the store. */
	private static final class Pending {

		final Item item;

		final ResourceChecker.Ref ref;

		String type;

		String id;

		String suffix = "";

		/** {@code urn:uuid:}: the id is known, the type is not. */
		boolean anyType;

		/** A conditional or logical reference: by identifier. */
		String system;

		String value;

		Item target;

		ResourceRows.Existing stored;

		Pending(Item item, ResourceChecker.Ref ref) {
			this.item = item;
			this.ref = ref;
		}

	}

	private void resolveReferences(List<Item> items) {
		Map<String, Item> byKey = new HashMap<>();
		Map<String, Item> byFullUrl = new HashMap<>();
		Map<String, Item> byId = new HashMap<>();
		Set<String> ambiguousIds = new HashSet<>();
		for (Item i : items) {
			if (i.error != null && i.inspection == null) {
				continue;
			}
			byKey.put(i.key(), i);
			if (i.fullUrl != null) {
				byFullUrl.put(i.fullUrl, i);
			}
			if (byId.put(i.id, i) != null) {
				ambiguousIds.add(i.id);
			}
		}
		ambiguousIds.forEach(byId::remove);
		List<Pending> pending = new ArrayList<>();
		for (Item item : items) {
			if (!item.ok()) {
				continue;
			}
			for (ResourceChecker.Ref ref : item.inspection.references()) {
				try {
					Pending p = classify(item, ref);
					if (p == null) {
						continue;
					}
					if (p.system != null || p.value != null) {
						p.target = byIdentifier(items, p.type, p.system, p.value);
					}
					else if (p.anyType) {
						p.target = byFullUrl.containsKey(ref.reference().getReference())
								? byFullUrl.get(ref.reference().getReference()) : byId.get(p.id);
					}
					else {
						p.target = byKey.get(p.type + "/" + p.id);
						if (p.target == null) {
							p.target = byFullUrl.get(ref.reference().getReference());
						}
					}
					pending.add(p);
				}
				catch (InvalidResource ex) {
					item.error = ex;
					break;
				}
			}
		}
		lookUpInStore(pending);
		for (Pending p : pending) {
			Item item = p.item;
			if (!item.ok()) {
				continue;
			}
			String type;
			String id;
			if (p.target != null) {
				type = p.target.type;
				id = p.target.id;
				if (p.target != item) {
					item.dependsOn.add(p.target);
					item.dependsOnPaths.add(p.ref.path());
				}
			}
			else if (p.stored != null && !p.stored.deleted()) {
				type = p.stored.type();
				id = p.stored.id();
			}
			else {
				item.error = InvalidResource.rule("record.reference", p.ref.path(), p.stored != null
						? p.ref.path() + " refers to a deleted resource"
						: p.ref.path() + " refers to a resource that does not exist"
								+ (p.value != null ? " (no " + p.type + " with that identifier)" : ""));
				continue;
			}
			Reference reference = p.ref.reference();
			reference.setReference(type + "/" + id + p.suffix);
			if (type.equals("Patient")) {
				reference.setDisplay(null); // a name must not sit readable in a clinical resource
				reference.setIdentifier(null);
				String rule = p.ref.rulePath();
				if (rule.equals(item.type + ".subject") || rule.equals(item.type + ".patient")
						|| rule.equals(item.type + ".beneficiary")) {
					item.patientId = id;
				}
			}
		}
	}

	/** What a reference names, or null when there is nothing to resolve (contained, external, logical). */
	private Pending classify(Item item, ResourceChecker.Ref ref) {
		Reference r = ref.reference();
		Pending p = new Pending(item, ref);
		String s = r.getReference();
		if (s == null || s.isBlank()) {
			Identifier identifier = r.getIdentifier();
			boolean patient = "Patient".equals(r.getType()) || RecordSystems.isResidentId(identifier.getSystem());
			if (!r.hasIdentifier() || !patient) {
				return null; // a logical reference to something outside (an institution, a practitioner)
			}
			p.type = "Patient";
			p.system = identifier.getSystem();
			p.value = identifier.getValue();
			return p;
		}
		if (s.startsWith("#")) {
			return null;
		}
		if (s.startsWith("urn:uuid:") || s.startsWith("urn:oid:")) {
			p.anyType = true;
			p.id = s.substring(s.lastIndexOf(':') + 1);
			return p;
		}
		if (s.startsWith("http://") || s.startsWith("https://")) {
			return null; // another server's resource
		}
		int q = s.indexOf('?');
		if (q > 0) {
			p.type = knownType(s.substring(0, q), ref.path());
			String[] criterion = identifierCriterion(s.substring(q + 1)).orElseThrow(() -> InvalidResource.rule(
					"record.reference", ref.path(), "a conditional reference is supported by identifier=system|value only"));
			p.system = criterion[0];
			p.value = criterion[1];
			return p;
		}
		String[] parts = s.split("/");
		if (parts.length != 2 && !(parts.length == 4 && parts[2].equals("_history"))) {
			throw InvalidResource.rule("record.reference", ref.path(), "a reference is Type/id, urn:uuid:… or Type?identifier=…");
		}
		p.type = knownType(parts[0], ref.path());
		p.id = parts[1];
		if (parts.length == 4) {
			p.suffix = "/_history/" + parts[3];
		}
		return p;
	}

	private String knownType(String type, String path) {
		if (!ResourceChecker.ACCEPTED.contains(type)) {
			try {
				fhir.getResourceDefinition(type);
			}
			catch (RuntimeException ex) {
				throw InvalidResource.rule("record.reference", path, "unknown resource type '" + type + "'");
			}
		}
		return type;
	}

	/** The one batch resource of a type with an identifier (null: none). */
	private Item byIdentifier(List<Item> items, String type, String system, String value) {
		Item found = null;
		for (Item i : items) {
			if (!i.type.equals(type) || i.inspection == null) {
				continue;
			}
			for (Identifier id : identifiers(i.resource)) {
				if (value.equals(id.getValue()) && (system == null || system.equals(id.hasSystem() ? id.getSystem() : ""))) {
					if (found != null && found != i) {
						return null;
					}
					found = i;
				}
			}
		}
		return found;
	}

	private void lookUpInStore(List<Pending> pending) {
		Set<String> keys = new LinkedHashSet<>();
		Set<String> anyIds = new LinkedHashSet<>();
		for (Pending p : pending) {
			if (p.target != null || !p.item.ok()) {
				continue;
			}
			if (p.value != null) {
				List<String> found = rows.idsByIdentifier(p.type, p.system, identifierKey(p.type, p.system, p.value));
				if (found.size() == 1) {
					p.id = found.get(0);
					keys.add(p.type + "/" + p.id);
				}
			}
			else if (p.anyType) {
				anyIds.add(p.id);
			}
			else {
				keys.add(p.type + "/" + p.id);
			}
		}
		// many resources refer to the same Patient and Encounter: each is looked up once
		List<String> types = new ArrayList<>(keys.size());
		List<String> ids = new ArrayList<>(keys.size());
		for (String key : keys) {
			int slash = key.indexOf('/');
			types.add(key.substring(0, slash));
			ids.add(key.substring(slash + 1));
		}
		Map<String, ResourceRows.Existing> byKey = rows.existing(types, ids);
		Map<String, ResourceRows.Existing> byId = rows.existingAnyType(anyIds, ResourceChecker.ACCEPTED);
		for (Pending p : pending) {
			if (p.target == null && p.id != null) {
				p.stored = p.anyType ? byId.get(p.id) : byKey.get(p.type + "/" + p.id);
			}
		}
	}

	/** A resource that refers to a refused one of the same batch is refused too. */
	private static void cascade(List<Item> items) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Item i : items) {
				if (!i.ok()) {
					continue;
				}
				for (int d = 0; d < i.dependsOn.size(); d++) {
					if (!i.dependsOn.get(d).ok()) {
						String path = i.dependsOnPaths.get(d);
						i.error = InvalidResource.rule("record.reference-rejected", path,
								path + " refers to a resource of the same request that was refused");
						changed = true;
						break;
					}
				}
			}
		}
	}

	private void encode(Item item) {
		IParser parser = fhir.newJsonParser();
		item.json = parser.encodeResourceToString(item.resource);
		item.hash = sha256(item.json);
		if (item.resource instanceof Patient p) {
			item.storedJson = parser.encodeResourceToString(PatientPrivacy.stripped(p));
			item.contentEnc = cipher.encrypt(item.json);
		}
		else {
			item.storedJson = item.json;
		}
	}

	private static void decide(List<Item> items) {
		for (Item i : items) {
			ResourceRows.Existing e = i.existing;
			if (e == null) {
				i.outcome = "created";
				i.version = 1;
			}
			else if (!e.deleted() && e.hash().equals(i.hash)) {
				i.outcome = "unchanged";
				i.version = e.version();
			}
			else {
				i.outcome = "updated";
				i.version = e.version() + 1;
			}
		}
	}

	/** A new or changed Patient through the person index; a refusal refuses the Patient. */
	private void link(Item i) {
		try {
			i.personId = persons.register(i.patient.source()).personId();
		}
		catch (InvalidInput ex) {
			i.error = ex instanceof InvalidResource ir ? ir : i.patient.translate(ex);
		}
	}

	/**
	 * Bulk: the Patients go to the person index on {@value #LINKERS} threads, each thread's share in a
	 * transaction of its own, apart from the batch's. The index is idempotent (the same Patient again
	 * changes nothing), so a batch that fails later and is sent again loses nothing. Registration is
	 * round trips and commits, not computation: the threads overlap them.
	 */
	private List<Future<?>> linkAsync(List<Item> patients) {
		if (patients.isEmpty()) {
			return List.of();
		}
		SecurityContext caller = SecurityContextHolder.getContext();
		List<Future<?>> futures = new ArrayList<>();
		int chunk = (patients.size() + LINKERS - 1) / LINKERS;
		for (int from = 0; from < patients.size(); from += chunk) {
			List<Item> part = patients.subList(from, Math.min(patients.size(), from + chunk));
			futures.add(linkers.submit(() -> {
				SecurityContextHolder.setContext(caller);
				try {
					linkTogether(part);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}));
		}
		return futures;
	}

	/**
	 * A worker's Patients in one transaction (one commit, not one per Patient); if anything goes wrong
	 * there — a refusal, a deadlock with another worker over the same person — each again on its own.
	 */
	private void linkTogether(List<Item> part) {
		try {
			linking.executeWithoutResult(status -> {
				for (Item i : part) {
					link(i);
					if (i.error != null) {
						throw new IllegalStateException("a Patient was refused");
					}
				}
			});
			return;
		}
		catch (RuntimeException together) {
			part.forEach(i -> {
				i.error = null;
				i.personId = null;
			});
		}
		for (Item i : part) {
			try {
				linking.executeWithoutResult(status -> link(i));
			}
			catch (RuntimeException ex) {
				i.error = InvalidResource.rule("record.person", "Patient", "the person index could not link this Patient");
				log.warn("Linking a Patient failed: {}", ex.getClass().getSimpleName());
			}
		}
	}

	private static void await(List<Future<?>> futures) {
		for (Future<?> f : futures) {
			try {
				f.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while linking Patients", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("linking Patients failed", ex.getCause());
			}
		}
	}

	/** The persons of the resources' Patients not in this batch, in one query. */
	private void linkOthers(List<Item> items) {
		Map<String, Long> known = new HashMap<>();
		for (Item i : items) {
			if (i.patient != null && i.personId != null) {
				known.put(i.id, i.personId);
			}
		}
		Set<String> missing = new HashSet<>();
		for (Item i : items) {
			if (i.personId == null && i.patientId != null && !known.containsKey(i.patientId)) {
				missing.add(i.patientId);
			}
		}
		if (!missing.isEmpty()) {
			known.putAll(persons.personsOfPatients(List.copyOf(missing)));
		}
		for (Item i : items) {
			if (i.personId == null && i.patientId != null) {
				i.personId = known.get(i.patientId);
			}
		}
	}

	@Override
	public void destroy() {
		linkers.shutdownNow();
	}

	private void project(Item item) {
		try {
			item.search = projector.search(item.resource);
			item.rows = projector.project(item.resource, new Projector.Subject(item.personId, item.patientId, item.institution));
		}
		catch (RuntimeException ex) {
			item.error = InvalidResource.rule("record.unprocessable", item.type, "cannot be projected: " + ex.getMessage());
		}
	}

	/** Where a write spends its time, for the benchmark (debug log of this class). */
	private static final class Phases {

		final boolean enabled;

		final long start = System.nanoTime();

		private long last = start;

		private final StringBuilder text = new StringBuilder();

		Phases(boolean enabled) {
			this.enabled = enabled;
		}

		void done(String phase) {
			if (enabled) {
				long now = System.nanoTime();
				text.append(phase).append(' ').append((now - last) / 1_000_000).append(" ms, ");
				last = now;
			}
		}

		@Override
		public String toString() {
			return text.toString();
		}

	}

	/** The rows of one chunk of a write, ready to COPY, and the resources they replace. */
	private record Chunk(List<String> replacedTypes, List<String> replacedIds, StringBuilder current,
			StringBuilder history, StringBuilder identifiers, Map<Table, StringBuilder> projections) {
	}

	/** Encodes, decides, projects and writes out the rows of a chunk: no database. */
	private Chunk chunk(List<Item> items, String at) {
		each(items).forEach(i -> {
			if (i.json == null) {
				encode(i);
			}
		});
		decide(items.stream().filter(i -> i.outcome == null).toList());
		each(items.stream().filter(Item::writes).toList()).forEach(this::project);
		List<Item> writes = items.stream().filter(Item::writes).toList();
		Chunk chunk = new Chunk(new ArrayList<>(), new ArrayList<>(), new StringBuilder(writes.size() * 900),
				new StringBuilder(writes.size() * 80), new StringBuilder(), new java.util.EnumMap<>(Table.class));
		for (Item i : writes) {
			if (i.existing != null) {
				chunk.replacedTypes().add(i.type);
				chunk.replacedIds().add(i.id);
			}
			String enc = i.contentEnc == null ? "\\N" : "\\\\x" + HexFormat.of().formatHex(i.contentEnc);
			String inst = PgCopy.text(i.institution);
			chunk.current().append(i.type).append('\t').append(PgCopy.text(i.id)).append('\t').append(i.version).append('\t')
				.append(at).append('\t').append(i.personId == null ? "\\N" : i.personId.toString()).append('\t')
				.append(PgCopy.text(i.patientId)).append('\t').append(inst).append("\tf\t").append(i.hash).append('\t')
				.append(i.search.start() == null ? "\\N" : i.search.start().toString()).append('\t')
				.append(i.search.end() == null ? "\\N" : i.search.end().toString()).append('\t')
				.append(PgCopy.text(i.search.status())).append('\t').append(array(i.search.codes())).append('\t')
				.append(PgCopy.text(i.storedJson)).append('\t').append(enc).append('\n');
			// the current version's content lives in record.resource only
			chunk.history().append(i.type).append('\t').append(PgCopy.text(i.id)).append('\t').append(i.version).append('\t')
				.append(at).append('\t').append(inst).append("\tf\t\\N\t\\N\n");
			for (String[] row : identifierRows(i)) {
				chunk.identifiers().append(i.type).append('\t').append(PgCopy.text(row[0])).append('\t')
					.append(PgCopy.text(row[1])).append('\t').append(PgCopy.text(i.id)).append('\n');
			}
			for (Rows.Line line : i.rows.lines()) {
				chunk.projections().computeIfAbsent(line.table(), t -> new StringBuilder()).append(line.row());
			}
			i.storedJson = null; // the rows hold it now
		}
		return chunk;
	}

	private void store(Chunk chunk) {
		rows.deleteCurrent(chunk.replacedTypes(), chunk.replacedIds());
		rows.copy(ResourceRows.COPY_RESOURCE, chunk.current());
		rows.copy(ResourceRows.COPY_HISTORY, chunk.history());
		rows.copy(ResourceRows.COPY_IDENTIFIER, chunk.identifiers());
		chunk.projections().forEach((table, text) -> rows.copy(table.copySql(), text));
	}

	private static Chunk join(CompletableFuture<Chunk> future) {
		try {
			return future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r : ex;
		}
	}

	/** The identifier-index rows of a resource, each (system, value) once; a Patient's hashed, with its name parts. */
	private List<String[]> identifierRows(Item i) {
		Set<String> seen = new HashSet<>();
		List<String[]> out = new ArrayList<>();
		for (Identifier id : identifiers(i.resource)) {
			if (!id.hasValue()) {
				continue;
			}
			String system = id.hasSystem() ? id.getSystem() : "";
			String value = identifierKey(i.type, system, id.getValue());
			if (seen.add(system + "|" + value)) {
				out.add(new String[] { system, value });
			}
		}
		if (i.resource instanceof Patient p) {
			for (String part : PatientMapper.nameParts(p)) {
				String key = nameKey(part);
				if (seen.add(RecordSystems.NAME_INDEX + "|" + key)) {
					out.add(new String[] { RecordSystems.NAME_INDEX, key });
				}
			}
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	static List<Identifier> identifiers(Resource r) {
		var property = r.getNamedProperty("identifier");
		if (property == null || !property.hasValues()) {
			return List.of();
		}
		return (List<Identifier>) (List<?>) property.getValues();
	}

	/** A text[] in COPY's text format. */
	static String array(List<String> values) {
		if (values == null || values.isEmpty()) {
			return "{}";
		}
		StringBuilder s = new StringBuilder("{");
		for (String v : values) {
			if (s.length() > 1) {
				s.append(',');
			}
			s.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return PgCopy.text(s.append('}').toString());
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
