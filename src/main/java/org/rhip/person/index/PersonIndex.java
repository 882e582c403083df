package org.rhip.person.index;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rhip.person.LinkOutcome;
import org.rhip.person.LinkageModelInfo;
import org.rhip.person.linkage.Field;
import org.rhip.person.LinkResult;
import org.rhip.person.Person;
import org.rhip.person.PersonDocument;
import org.rhip.person.SourcePatient;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.RegistryApi;
import org.rhip.security.IdentifierHash;
import org.rhip.security.PersonalDataCipher;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Links source records to persons (一人一码): the same source record again, another known source
 * identifier of it, the resident ID number, another document, then probabilistic matching; otherwise
 * a new person. Checks what it is given first and names the field it rejects.
 */
@Component
public class PersonIndex {

	private final PersonRepository repository;

	private final IdentifierHash hash;

	private final PersonalDataCipher cipher;

	private final RegistryApi registry;

	private final ProbabilisticMatcher matcher;

	private final JsonMapper json;

	private final LinkageModels models;

	PersonIndex(PersonRepository repository, IdentifierHash hash, PersonalDataCipher cipher, RegistryApi registry,
			ProbabilisticMatcher matcher, JsonMapper json, LinkageModels models) {
		this.models = models;
		this.repository = repository;
		this.hash = hash;
		this.cipher = cipher;
		this.registry = registry;
		this.matcher = matcher;
		this.json = json;
	}

	/** A source record checked and normalised: the ID number in 18-character form, phone digits only. */
	public SourcePatient check(SourcePatient p, LocalDate today) {
		if (p.system() == null || p.system().isBlank() || p.value() == null || p.value().isBlank()) {
			throw new InvalidInput("person.source", "identifier", "a source record needs its system and value");
		}
		String id = null;
		String sex = p.sex();
		if (sex != null && !List.of("0", "1", "2", "9").contains(sex)) {
			throw new InvalidInput("person.sex", "sex", "sex must be 1 (male), 2 (female), 0 or 9 (GB/T 2261.1)");
		}
		LocalDate birth = p.birthDate();
		if (p.idNumber() != null && !p.idNumber().isBlank()) {
			ResidentIdNumber number;
			try {
				number = ResidentIdNumber.parse(p.idNumber(), today);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("person.id-number", "idNumber", ex.getMessage());
			}
			id = number.value();
			String idSex = number.sex().equals("male") ? "1" : "2";
			if (sex != null && (sex.equals("1") || sex.equals("2")) && !sex.equals(idSex)) {
				throw new InvalidInput("person.sex-id", "sex", "the sex contradicts the ID number");
			}
			if (birth != null && !birth.equals(number.birthDate())) {
				throw new InvalidInput("person.birth-id", "birthDate", "the birth date contradicts the ID number");
			}
			sex = sex == null || sex.equals("0") || sex.equals("9") ? idSex : sex;
			birth = birth == null ? number.birthDate() : birth;
		}
		if (birth != null && birth.isAfter(today)) {
			throw new InvalidInput("person.birth-future", "birthDate", "the birth date is in the future");
		}
		if (p.deathDate() != null && p.deathDate().isAfter(today)) {
			throw new InvalidInput("person.death-future", "deathDate", "the death date is in the future");
		}
		if (p.deathDate() != null && birth != null && p.deathDate().isBefore(birth)) {
			throw new InvalidInput("person.death-before-birth", "deathDate", "the death date is before the birth date");
		}
		String phone = null;
		if (p.phone() != null && !p.phone().isBlank()) {
			phone = p.phone().replaceAll("[\\s()+-]", "");
			if (phone.startsWith("86") && phone.length() == 13) {
				phone = phone.substring(2);
			}
			if (!phone.matches("[0-9]{7,15}")) {
				throw new InvalidInput("person.phone", "phone", "a phone number has 7 to 15 digits");
			}
		}
		if (p.orgUnitCode() != null && registry.findOrgUnit(p.orgUnitCode()).isEmpty()) {
			throw new InvalidInput("person.org-unit", "address", "unknown address org unit " + p.orgUnitCode());
		}
		for (PersonDocument d : p.documents()) {
			if (!PersonDocument.TYPES.contains(d.type())) {
				throw new InvalidInput("person.document-type", "documents", "unknown document type " + d.type());
			}
			if (d.number() == null || d.number().isBlank()) {
				throw new InvalidInput("person.document-number", "documents", "a document needs its number");
			}
		}
		String name = p.name() == null || p.name().isBlank() ? null : p.name().strip();
		if (name != null && name.length() > 100) {
			throw new InvalidInput("person.name", "name", "a name has at most 100 characters");
		}
		return new SourcePatient(p.system(), p.value(), p.institution(), p.otherIdentifiers(), id, p.documents(), name,
				sex, birth, phone, p.orgUnitCode(), p.address(), p.household(), p.resident(), p.deathDate());
	}

	/** Links one checked source record; see the class comment for the order. */
	public LinkResult link(SourcePatient p, String actor) {
		Optional<PersonRepository.SourceRow> same = repository.source(p.system(), p.value());
		if (same.isPresent()) {
			long person = repository.active(same.get().personId());
			repository.fillIn(person, row(p));
			repository.updateSourceFeatures(same.get().id(), features(p));
			return new LinkResult(person, same.get().id(), LinkOutcome.SAME_SOURCE, null);
		}
		for (String[] other : p.otherIdentifiers()) {
			Optional<PersonRepository.SourceRow> known = repository.source(other[0], other[1]);
			if (known.isPresent()) {
				return attach(p, repository.active(known.get().personId()), LinkOutcome.SOURCE, null, actor);
			}
		}
		if (p.idNumber() != null) {
			Optional<Long> person = repository.byIdNumber(hash.hash(p.idNumber()));
			if (person.isPresent()) {
				return attach(p, person.get(), LinkOutcome.ID_NUMBER, null, actor);
			}
		}
		for (PersonDocument d : p.documents()) {
			Optional<Long> person = repository.byDocument(d.type(), hash.hash(d.number()));
			if (person.isPresent()) {
				return attach(p, person.get(), LinkOutcome.DOCUMENT, null, actor);
			}
		}
		Optional<ProbabilisticMatcher.Match> match = matcher.bestMatch(p);
		if (match.isPresent() && match.get().link()) {
			return attach(p, match.get().personId(), LinkOutcome.PROBABILISTIC, match.get().score(), actor);
		}
		long person = create(p);
		LinkOutcome outcome = match.isPresent() ? LinkOutcome.REVIEW : LinkOutcome.NEW;
		long source = repository.insertSource(p.system(), p.value(), p.institution(), person, "new", null, features(p));
		insertOtherSources(p, person, "new", null);
		repository.event(actor, "create", person, null, source, null, null, null);
		match.ifPresent(m -> matcher.queueReview(person, m, source));
		return new LinkResult(person, source, outcome, match.map(ProbabilisticMatcher.Match::score).orElse(null));
	}

	/**
	 * Links many checked source records (null entries are skipped and answered null). The common case
	 * of a bulk import — a new source record with a resident ID number the index does not know, no
	 * other known identifier or document, and no person without an ID number sharing a blocking key —
	 * cannot link to anyone, so those persons are created with a few COPYs; every other record takes
	 * {@link #link}, after them (so a second record of the same new ID number finds its person).
	 * Advisory locks on the ID numbers keep concurrent batches from creating one person twice.
	 */
	public List<LinkResult> linkAll(List<SourcePatient> patients, String actor) {
		int n = patients.size();
		LinkResult[] out = new LinkResult[n];
		List<String> idLocks = new ArrayList<>();
		List<String[]> sources = new ArrayList<>();
		List<String> keyHashes = new ArrayList<>();
		List<List<String>> keysOf = new ArrayList<>();
		for (SourcePatient p : patients) {
			List<String> keys = p == null ? List.of() : matcher.blockingKeyHashes(p);
			keysOf.add(keys);
			if (p == null) {
				continue;
			}
			if (p.idNumber() != null) {
				idLocks.add("id:" + p.idNumber());
			}
			sources.add(new String[] { p.system(), p.value() });
			sources.addAll(p.otherIdentifiers());
			keyHashes.addAll(keys);
		}
		repository.lockAll(idLocks);
		java.util.Set<String> known = repository.knownSources(sources);
		Map<String, Long> byId = repository.personsByIdHashes(patients.stream()
			.filter(p -> p != null && p.idNumber() != null)
			.map(p -> hash.hash(p.idNumber()))
			.toList());
		java.util.Set<String> shared = repository.keysOfPersonsWithoutIdNumber(keyHashes);
		java.util.Set<String> creating = new java.util.HashSet<>();
		List<Integer> fast = new ArrayList<>();
		List<Integer> careful = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			SourcePatient p = patients.get(i);
			if (p == null) {
				continue;
			}
			String idHash = p.idNumber() == null ? null : hash.hash(p.idNumber());
			boolean quick = idHash != null && p.documents().isEmpty() && !byId.containsKey(idHash)
					&& !known.contains(p.system() + "\u001f" + p.value())
					&& p.otherIdentifiers().stream().noneMatch(o -> known.contains(o[0] + "\u001f" + o[1]))
					&& keysOf.get(i).stream().noneMatch(shared::contains) && creating.add(idHash);
			(quick ? fast : careful).add(i);
		}
		if (!fast.isEmpty()) {
			List<Long> personIds = repository.nextIds("person.person_id_seq", fast.size());
			List<Long> sourceIds = repository.nextIds("person.source_record_id_seq", fast.size());
			List<PersonRepository.Row> rows = new ArrayList<>();
			List<Object[]> sourceRows = new ArrayList<>();
			List<Object[]> keyRows = new ArrayList<>();
			for (int k = 0; k < fast.size(); k++) {
				SourcePatient p = patients.get(fast.get(k));
				long person = personIds.get(k);
				PersonRepository.Row r = row(p);
				rows.add(new PersonRepository.Row(person, r.idNumberHash(), r.idNumberEnc(), r.nameHash(), r.nameEnc(),
						r.phoneHash(), r.phoneEnc(), r.sex(), r.birthDate(), r.orgUnitCode(), r.addressEnc(), r.household(),
						r.resident(), r.deathDate(), "active", null));
				sourceRows.add(new Object[] { sourceIds.get(k), p.system(), p.value(), p.institution(), person, features(p) });
				for (String[] other : p.otherIdentifiers()) {
					sourceRows.add(new Object[] { null, other[0], other[1], p.institution(), person, null });
				}
				for (String key : keysOf.get(fast.get(k))) {
					keyRows.add(new Object[] { key, person });
				}
				out[fast.get(k)] = new LinkResult(person, sourceIds.get(k), LinkOutcome.NEW, null);
			}
			repository.copyPersons(rows);
			repository.copySources(sourceRows);
			repository.copyBlockingKeys(keyRows);
			repository.copyCreateEvents(actor, personIds, sourceIds);
		}
		for (int i : careful) {
			out[i] = link(patients.get(i), actor);
		}
		return java.util.Arrays.asList(out);
	}

	private LinkResult attach(SourcePatient p, long person, LinkOutcome outcome, Double score, String actor) {
		repository.fillIn(person, row(p));
		String linkedBy = switch (outcome) {
			case SOURCE -> "source";
			case ID_NUMBER -> "id_number";
			case DOCUMENT -> "document";
			default -> "probabilistic";
		};
		long source = repository.insertSource(p.system(), p.value(), p.institution(), person, linkedBy, score, features(p));
		insertOtherSources(p, person, linkedBy, score);
		insertDocuments(person, p);
		repository.insertBlockingKeys(person, matcher.blockingKeyHashes(p));
		repository.event(actor, "link", person, null, source, score, outcome.key(), null);
		return new LinkResult(person, source, outcome, score);
	}

	private long create(SourcePatient p) {
		long person = repository.insertPerson(row(p));
		insertDocuments(person, p);
		repository.insertBlockingKeys(person, matcher.blockingKeyHashes(p));
		return person;
	}

	private void insertOtherSources(SourcePatient p, long person, String linkedBy, Double score) {
		for (String[] other : p.otherIdentifiers()) {
			if (repository.source(other[0], other[1]).isEmpty()) {
				repository.insertSource(other[0], other[1], p.institution(), person, linkedBy, score, null);
			}
		}
	}

	private void insertDocuments(long person, SourcePatient p) {
		for (PersonDocument d : p.documents()) {
			repository.insertDocument(person, d.type(), hash.hash(d.number()), cipher.encrypt(d.number()));
		}
	}

	PersonRepository.Row row(SourcePatient p) {
		return new PersonRepository.Row(0, p.idNumber() == null ? null : hash.hash(p.idNumber()),
				cipher.encrypt(p.idNumber()), p.name() == null ? null : hash.hash(normalName(p.name())),
				cipher.encrypt(p.name()), p.phone() == null ? null : hash.hash(p.phone()), cipher.encrypt(p.phone()),
				p.sex(), p.birthDate(), p.orgUnitCode(), cipher.encrypt(p.address()), p.household(), p.resident(),
				p.deathDate(), "active", null);
	}

	/** The demographics as received, encrypted, for a reviewer and for re-linking. */
	byte[] features(SourcePatient p) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("idNumber", p.idNumber());
		f.put("name", p.name());
		f.put("sex", p.sex());
		f.put("birthDate", p.birthDate() == null ? null : p.birthDate().toString());
		f.put("phone", p.phone());
		f.put("orgUnitCode", p.orgUnitCode());
		f.put("address", p.address());
		return cipher.encrypt(json.writeValueAsString(f));
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> decodeFeatures(byte[] enc) {
		return enc == null ? Map.of() : json.readValue(cipher.decrypt(enc), Map.class);
	}

	/** Lookup form of a name: NFKC, no spaces or middle dots, upper-case Latin. */
	public static String normalName(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC)
			.replaceAll("[\\s·•・.]", "")
			.toUpperCase(Locale.ROOT);
	}

	public LinkageModelInfo linkageModel() {
		return view(models.info());
	}

	/** Re-estimates the linkage weights from up to {@code sample} source records of the index. */
	public LinkageModelInfo estimateLinkageModel(int sample, long seed) {
		return view(models.estimate(sample, seed));
	}

	private static LinkageModelInfo view(LinkageModels.ModelInfo info) {
		Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
		for (Field field : Field.values()) {
			Map<String, Double> levels = new LinkedHashMap<>();
			for (int level = 0; level < field.levelCount(); level++) {
				levels.put(field.levelName(level), Math.round(info.model().weight(field, level) * 100) / 100.0);
			}
			weights.put(field.label(), levels);
		}
		return new LinkageModelInfo(info.id(), info.estimatedAt(), info.records(), info.candidatePairs(), info.matchShare(),
				weights);
	}

	/** A stored person decrypted. */
	public Person decrypt(PersonRepository.Row r) {
		List<PersonDocument> docs = new ArrayList<>();
		for (Object[] d : repository.documents(r.id())) {
			docs.add(new PersonDocument((String) d[0], cipher.decrypt((byte[]) d[1])));
		}
		return new Person(r.id(), cipher.decrypt(r.idNumberEnc()), cipher.decrypt(r.nameEnc()),
				cipher.decrypt(r.phoneEnc()), r.sex(), r.birthDate(), r.orgUnitCode(), cipher.decrypt(r.addressEnc()),
				r.household(), r.resident(), r.deathDate(), r.status(), r.mergedInto(), docs, false);
	}

}
