package org.rhip.person.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rhip.person.SourcePatient;
import org.rhip.security.IdentifierHash;
import org.rhip.security.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Probabilistic linkage of records without a shared identifier: candidates from hashed blocking
 * keys, each compared field by field, the best scored.
 */
@Component
class ProbabilisticMatcher {

	/** The best candidate: its score and whether it is above the link threshold (else: review). */
	record Match(long personId, double score, boolean link, String weightsJson) {
	}

	static final double LINK = 12;

	static final double REVIEW = 6;

	private final PersonRepository repository;

	private final IdentifierHash hash;

	private final PersonalDataCipher cipher;

	private final JdbcClient jdbc;

	ProbabilisticMatcher(PersonRepository repository, IdentifierHash hash, PersonalDataCipher cipher, JdbcClient jdbc) {
		this.repository = repository;
		this.hash = hash;
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	List<String> blockingKeyHashes(SourcePatient p) {
		List<String> keys = new ArrayList<>();
		if (p.birthDate() != null) {
			keys.add("b:" + p.birthDate());
		}
		if (p.phone() != null && p.phone().length() >= 8) {
			keys.add("p:" + p.phone().substring(p.phone().length() - 8));
		}
		if (p.name() != null) {
			keys.add("n:" + PersonIndex.normalName(p.name()));
		}
		return keys.stream().map(hash::hash).toList();
	}

	Optional<Match> bestMatch(SourcePatient p) {
		List<String> keys = blockingKeyHashes(p);
		if (keys.isEmpty()) {
			return Optional.empty();
		}
		Match best = null;
		for (PersonRepository.Row c : repository.persons(repository.candidates(keys, 50))) {
			if (p.idNumber() != null && c.idNumberHash() != null) {
				continue; // both have an ID number and they differ: not the same person
			}
			double score = 0;
			score += agree(p.name() == null ? null : hash.hash(PersonIndex.normalName(p.name())), c.nameHash(), 8, -4);
			score += agree(p.birthDate(), c.birthDate(), 7, -5);
			score += agree(p.sex(), c.sex(), 1, -6);
			score += agree(p.phone() == null ? null : hash.hash(p.phone()), c.phoneHash(), 8, -2);
			score += agree(p.orgUnitCode(), c.orgUnitCode(), 3, -1);
			if (score >= REVIEW && (best == null || score > best.score())) {
				best = new Match(c.id(), score, score >= LINK, "{}");
			}
		}
		return Optional.ofNullable(best);
	}

	private static double agree(Object a, Object b, double agreement, double disagreement) {
		if (a == null || b == null) {
			return 0;
		}
		return a.equals(b) ? agreement : disagreement;
	}

	void queueReview(long personId, Match match, long sourceRecordId) {
		jdbc.sql("""
				insert into person.review_item (person_id, candidate_person_id, source_record_id, score, weights)
				values (?, ?, ?, ?, ?::jsonb) on conflict do nothing
				""").params(personId, match.personId(), sourceRecordId, match.score(), match.weightsJson()).update();
	}

}
