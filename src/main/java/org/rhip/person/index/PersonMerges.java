package org.rhip.person.index;

import java.util.List;

import org.rhip.person.PersonUnmerged;
import org.rhip.person.PersonsMerged;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merging two persons found to be one, and undoing it. A merge moves the source records (and, by the
 * {@link PersonsMerged} event, the clinical records) to the survivor and notes which it moved; an
 * unmerge moves exactly those back. Nothing is deleted: the merged person stays, marked as merged.
 */
@Component
public class PersonMerges {

	private final PersonRepository repository;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	PersonMerges(PersonRepository repository, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.repository = repository;
		this.events = events;
		this.jdbc = jdbc;
	}

	public void merge(long survivor, long merged, String reason, String actor) {
		if (survivor == merged) {
			throw new InvalidInput("person.merge-self", "merged", "a person cannot be merged into itself");
		}
		var s = repository.person(survivor).orElseThrow(() -> new NotFound("person", "no person " + survivor));
		var m = repository.person(merged).orElseThrow(() -> new NotFound("person", "no person " + merged));
		if (!s.status().equals("active") || !m.status().equals("active")) {
			throw new InvalidInput("person.merge-inactive", "merged", "both persons must be active (not merged already)");
		}
		if (s.idNumberHash() != null && m.idNumberHash() != null && !s.idNumberHash().equals(m.idNumberHash())) {
			throw new InvalidInput("person.merge-id-numbers", "merged",
					"the two persons have different ID numbers: they are not the same person");
		}
		List<Long> moved = repository.sourcesOf(merged).stream().map(PersonRepository.SourceRow::id).toList();
		repository.moveSources(moved, survivor, "merge");
		repository.markMerged(merged, survivor);
		jdbc.sql("""
				update person.review_item set status = 'same', decided_by = ?, decided_at = now(), note = coalesce(note, ?)
				where status = 'open' and ((person_id = ? and candidate_person_id = ?) or (person_id = ? and candidate_person_id = ?))
				""").params(actor, reason, merged, survivor, survivor, merged).update();
		repository.event(actor, "merge", survivor, merged, null, null, reason, moved);
		events.publishEvent(new PersonsMerged(survivor, merged));
	}

	public void unmerge(long merged, String reason, String actor) {
		var m = repository.person(merged).orElseThrow(() -> new NotFound("person", "no person " + merged));
		if (!m.status().equals("merged")) {
			throw new InvalidInput("person.unmerge-active", "person", "person " + merged + " is not merged");
		}
		Object[] last = repository.lastMerge(merged)
			.orElseThrow(() -> new InvalidInput("person.unmerge-history", "person", "no merge of " + merged + " on record"));
		long survivor = (Long) last[0];
		@SuppressWarnings("unchecked")
		List<Long> moved = (List<Long>) last[1];
		if (m.mergedInto() != survivor) {
			throw new InvalidInput("person.unmerge-order", "person", "undo the later merge of person " + survivor + " first");
		}
		repository.markActive(merged);
		repository.moveSources(moved, merged, "unmerge");
		repository.event(actor, "unmerge", survivor, merged, null, null, reason, moved);
		List<String> patientIds = repository.sourcesById(moved)
			.stream()
			.filter(s -> s.system().equals("Patient"))
			.map(PersonRepository.SourceRow::value)
			.toList();
		events.publishEvent(new PersonUnmerged(merged, survivor, patientIds));
	}

	/** A reviewer's decision: the same person (merge the new one into the candidate) or two people. */
	public void decide(long reviewId, boolean same, String note, String actor) {
		var item = jdbc.sql("select person_id, candidate_person_id, status from person.review_item where id = ?")
			.param(reviewId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new NotFound("review", "no review item " + reviewId));
		if (!"open".equals(item[2])) {
			throw new InvalidInput("review.decided", "status", "review item " + reviewId + " was decided already");
		}
		long person = (Long) item[0];
		long candidate = (Long) item[1];
		if (same) {
			merge(repository.active(candidate), repository.active(person), note == null ? "review " + reviewId : note, actor);
		}
		jdbc.sql("update person.review_item set status = ?, decided_by = ?, decided_at = now(), note = ? where id = ?")
			.params(same ? "same" : "different", actor, note, reviewId)
			.update();
		repository.event(actor, "review", person, candidate, null, null, (same ? "same: " : "different: ")
				+ (note == null ? "" : note), null);
	}

}
