package org.rhip.person.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.person.SourcePatient;
import org.rhip.person.linkage.Blocking;
import org.rhip.person.linkage.Candidate;
import org.rhip.person.linkage.FieldWeight;
import org.rhip.person.linkage.LinkageDecision;
import org.rhip.person.linkage.LinkageThresholds;
import org.rhip.person.linkage.Linker;
import org.rhip.person.linkage.Outcome;
import org.rhip.person.linkage.PersonFeatures;
import org.rhip.person.linkage.ValueFrequencies;
import org.rhip.security.IdentifierHash;
import org.rhip.security.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Probabilistic linkage of a record that no identifier linked (see {@code person.linkage} and
 * docs/linkage.md): candidates share a hashed blocking key, their identifiers are decrypted in
 * memory only, and the Fellegi–Sunter model in use ({@link LinkageModels}) scores them. LINK
 * attaches the record; REVIEW files it under a new person and queues the pair for a person to decide.
 */
@Component
class ProbabilisticMatcher {

	/** The best candidate: its score, whether it links (else: review), and the per-field weights as JSON. */
	record Match(long personId, double score, boolean link, String weightsJson) {
	}

	/**
	 * At most this many candidates are compared, those sharing the most blocking keys first: a true
	 * match shares several (name and year, name and day, phone, name and community), a stranger born
	 * the same day only one.
	 */
	static final int CANDIDATES = 40;

	private final Blocking blocking = new Blocking();

	private final PersonRepository repository;

	private final IdentifierHash hash;

	private final PersonalDataCipher cipher;

	private final LinkageModels models;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProbabilisticMatcher(PersonRepository repository, IdentifierHash hash, PersonalDataCipher cipher, LinkageModels models,
			JdbcClient jdbc, JsonMapper json) {
		this.repository = repository;
		this.hash = hash;
		this.cipher = cipher;
		this.models = models;
		this.jdbc = jdbc;
		this.json = json;
	}

	static PersonFeatures features(SourcePatient p) {
		return new PersonFeatures(p.name(), p.birthDate(), p.sex(), p.phone(), p.orgUnitCode(), p.address());
	}

	/** The record's blocking keys, hashed: neither names nor their pinyin are stored readable. */
	List<String> blockingKeyHashes(SourcePatient p) {
		return blocking.blockingKeys(features(p)).stream().map(hash::hash).toList();
	}

	Optional<Match> bestMatch(SourcePatient p) {
		List<String> keys = blockingKeyHashes(p);
		if (keys.isEmpty()) {
			return Optional.empty();
		}
		Linker linker = new Linker(models.current(), ValueFrequencies.none(), LinkageThresholds.defaults());
		List<Candidate<Long>> candidates = new ArrayList<>();
		for (PersonRepository.Row c : repository.persons(repository.candidates(keys, p.idNumber() != null, CANDIDATES))) {
			candidates.add(linker.candidate(c.id(), new PersonFeatures(cipher.decrypt(c.nameEnc()), c.birthDate(), c.sex(),
					cipher.decrypt(c.phoneEnc()), c.orgUnitCode(), cipher.decrypt(c.addressEnc()))));
		}
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		LinkageDecision<Long> decision = linker.decide(features(p), candidates);
		if (decision.outcome() == Outcome.NEW || decision.candidate().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Match(decision.candidate().get(), decision.score(), decision.outcome() == Outcome.LINK,
				weightsJson(decision)));
	}

	/** Per field: level and weight, no values — what a reviewer sees beside the two masked records. */
	private String weightsJson(LinkageDecision<Long> decision) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (FieldWeight w : decision.weights()) {
			out.put(w.field().name().toLowerCase(), Map.of("level", w.levelName(), "weight",
					Math.round(w.weight() * 10) / 10.0));
		}
		return json.writeValueAsString(out);
	}

	void queueReview(long personId, Match match, long sourceRecordId) {
		jdbc.sql("""
				insert into person.review_item (person_id, candidate_person_id, source_record_id, score, weights)
				values (?, ?, ?, ?, ?::jsonb) on conflict do nothing
				""").params(personId, match.personId(), sourceRecordId, match.score(), match.weightsJson()).update();
	}

}
