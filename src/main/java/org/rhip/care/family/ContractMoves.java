package org.rhip.care.family;

import org.rhip.person.PersonUnmerged;
import org.rhip.person.PersonsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves contracts with their persons, in the transaction of the merge or unmerge (a plain
 * {@link EventListener}, as the record module's moves, so the index and the contracts change together).
 * The merged person's contracts go to the survivor; one that was in force on a day the survivor's was
 * would break "one contract at a time": it is cancelled from its start (never in force), the survivor's
 * stays. An unmerge moves back what the merge moved; what it cancelled stays cancelled.
 */
@Component
class ContractMoves {

	private final JdbcClient jdbc;

	ContractMoves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void merged(PersonsMerged event) {
		jdbc.sql("""
				update care.contract m
				set status = 'cancelled', cancelled_on = m.start_date, cancelled_by = 'system', updated_at = now(),
				    cancel_reason = 'the same resident as person ' || :survivor || ', whose contract was in force then (merge)'
				where m.person_id = :merged and not isempty(m.in_force)
				  and exists (select 1 from care.contract s where s.person_id = :survivor and s.in_force && m.in_force)
				""").param("survivor", event.survivor()).param("merged", event.merged()).update();
		jdbc.sql("""
				update care.contract set person_id = :survivor, moved_from = coalesce(moved_from, :merged), updated_at = now()
				where person_id = :merged
				""").param("survivor", event.survivor()).param("merged", event.merged()).update();
	}

	@EventListener
	void unmerged(PersonUnmerged event) {
		jdbc.sql("""
				update care.contract set person_id = :restored, moved_from = null, updated_at = now()
				where person_id = :survivor and moved_from = :restored
				""").param("restored", event.restored()).param("survivor", event.survivor()).update();
	}

}
