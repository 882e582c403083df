package org.rhip.security;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail of persons' records (访问审计): who read, searched, exported or unmasked
 * which person's record, when, and why. The table refuses updates and deletes (a trigger), so not
 * even an administrator can clean it. An entry is written in the caller's transaction: a read that
 * cannot be audited does not happen.
 */
@Component
public class AuditTrail {

	/** One entry, as an auditor sees it. */
	public record Entry(long id, OffsetDateTime at, String actor, String actorKind, String action, Long personId,
			String what, String purpose) {
	}

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that the current user (or the system, outside a request) did something with a person's record. */
	public void record(String action, Long personId, String what, String purpose) {
		recordAll(action, java.util.Collections.singletonList(personId), what, purpose);
	}

	/** The same action on many persons at once (a search result, an export, a drill-down list). */
	public void recordAll(String action, List<Long> personIds, String what, String purpose) {
		var principal = CurrentUser.get();
		String actor = principal.map(RhipPrincipal::name).orElse("system");
		String kind = principal.map(p -> p.apiClient() ? "client" : "user").orElse("system");
		jdbc.sql("""
				insert into security.audit_event (actor, actor_kind, action, person_id, what, purpose)
				select ?, ?, ?, p, ?, ? from unnest(?::bigint[]) p
				""").params(actor, kind, action, what, purpose, personIds.toArray(Long[]::new)).update();
	}

	private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
				rs.getString("actor_kind"), rs.getString("action"), (Long) rs.getObject("person_id"), rs.getString("what"),
				rs.getString("purpose"));
	}

	/** The trail of one person, newest first. */
	public List<Entry> forPerson(long personId, int limit) {
		return jdbc.sql("select * from security.audit_event where person_id = ? order by id desc limit ?")
			.params(personId, limit)
			.query(AuditTrail::entry)
			.list();
	}

	/** The most recent entries of the whole platform, newest first. */
	public List<Entry> recent(int limit) {
		return jdbc.sql("select * from security.audit_event order by id desc limit ?")
			.param(limit)
			.query(AuditTrail::entry)
			.list();
	}

}
