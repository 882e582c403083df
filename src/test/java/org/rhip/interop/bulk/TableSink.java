package org.rhip.interop.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test double of the record store at our own boundary ({@link ResourceSink}) until the record module
 * is merged: keeps each resource's JSON in a table of the real (embedded) PostgreSQL, in the caller's
 * transaction; answers created, updated or unchanged like the store; rejects an Observation without a
 * subject.
 */
@Component
class TableSink implements ResourceSink {

	private final JdbcClient jdbc;

	private volatile boolean ready;

	TableSink(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private void ensureTable() {
		if (!ready) {
			jdbc.sql("create schema if not exists sink_test").update();
			jdbc.sql("""
					create table if not exists sink_test.resource (type text, id text, institution text, content text,
					    primary key (type, id))
					""").update();
			ready = true;
		}
	}

	@Override
	public List<Outcome> storeAll(List<Resource> resources, String institutionCode) {
		ensureTable();
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < resources.size(); i++) {
			Resource r = resources.get(i);
			String type = r.fhirType();
			String id = r.getIdElement().getIdPart();
			if (r instanceof Observation o && !o.hasSubject()) {
				outcomes.add(new Outcome(i, type, id, "rejected", "Observation.subject", "an observation needs its subject"));
				continue;
			}
			String json = FhirJson.R4.newJsonParser().encodeResourceToString(r);
			Optional<String> before = jdbc.sql("select content from sink_test.resource where type = ? and id = ?")
				.params(type, id).query(String.class).optional();
			String outcome = before.isEmpty() ? "created" : before.get().equals(json) ? "unchanged" : "updated";
			if (!outcome.equals("unchanged")) {
				jdbc.sql("""
						insert into sink_test.resource (type, id, institution, content) values (?, ?, ?, ?)
						on conflict (type, id) do update set content = excluded.content, institution = excluded.institution
						""").params(type, id, institutionCode, json).update();
			}
			outcomes.add(new Outcome(i, type, id, outcome, null, null));
		}
		return outcomes;
	}

	@Override
	public Optional<Resource> read(String type, String id) {
		ensureTable();
		return jdbc.sql("select content from sink_test.resource where type = ? and id = ?").params(type, id)
			.query(String.class).optional().map(json -> (Resource) FhirJson.R4.newJsonParser().parseResource(json));
	}

	/** How many resources of a type are stored whose id starts so (each test uses ids of its own). */
	long count(String type, String idPrefix) {
		ensureTable();
		return jdbc.sql("select count(*) from sink_test.resource where type = ? and id like ?")
			.params(type, idPrefix + "%").query(Long.class).single();
	}

}
