package org.rhip.record.store;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.rhip.record.DateRange;
import org.rhip.record.RecordQuery;
import org.rhip.record.RecordSystems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Search as SQL over {@code record.resource}: the Patient, date, code, status and last-updated columns
 * the write path filled in, the identifier index for identifiers and (hashed) Patient names.
 */
@Repository
class ResourceSearch {

	private final JdbcClient jdbc;

	private final RecordWriter writer;

	ResourceSearch(JdbcClient jdbc, RecordWriter writer) {
		this.jdbc = jdbc;
		this.writer = writer;
	}

	record Found(List<ResourceRows.Stored> rows, int total) {
	}

	Found search(RecordQuery q) {
		StringBuilder where = new StringBuilder(" from record.resource r where r.type = ? and not r.deleted");
		List<Object> params = new ArrayList<>();
		params.add(q.type());
		for (List<String> ids : q.ids()) {
			where.append(" and r.id = any(?)");
			params.add(ids.toArray(String[]::new));
		}
		for (List<String> patients : q.patients()) {
			where.append(" and r.patient_id = any(?)");
			params.add(patients.toArray(String[]::new));
		}
		for (DateRange d : q.dates()) {
			if (d.from() != null) {
				// a day ends at the next midnight (exclusive); an instant is its own end
				where.append(" and (coalesce(r.date_end, r.date_start) > ? or r.date_start >= ?)");
				params.add(Timestamp.from(d.from()));
				params.add(Timestamp.from(d.from()));
			}
			if (d.to() != null) {
				where.append(" and r.date_start < ?");
				params.add(Timestamp.from(d.to()));
			}
		}
		for (List<String> codes : q.codes()) {
			where.append(" and r.codes && ?::text[]");
			params.add(codes.stream().map(c -> c.startsWith("|") ? c.substring(1) : c).toArray(String[]::new));
		}
		for (List<String> statuses : q.statuses()) {
			where.append(" and r.status = any(?)");
			params.add(statuses.toArray(String[]::new));
		}
		if (q.lastUpdated() != null) {
			if (q.lastUpdated().from() != null) {
				where.append(" and r.last_updated >= ?");
				params.add(Timestamp.from(q.lastUpdated().from()));
			}
			if (q.lastUpdated().to() != null) {
				where.append(" and r.last_updated < ?");
				params.add(Timestamp.from(q.lastUpdated().to()));
			}
		}
		for (List<String> identifiers : q.identifiers()) {
			where.append(" and exists (select 1 from record.resource_identifier i where i.type = r.type and i.id = r.id and (false");
			for (String token : identifiers) {
				int bar = token.indexOf('|');
				String system = bar < 0 ? null : token.substring(0, bar);
				String value = bar < 0 ? token : token.substring(bar + 1);
				where.append(system == null ? " or i.value = ?" : " or (i.system = ? and i.value = ?)");
				if (system != null) {
					params.add(system);
				}
				params.add(writer.identifierKey(q.type(), system, value));
			}
			where.append("))");
		}
		for (List<String> names : q.names()) {
			where.append(" and exists (select 1 from record.resource_identifier i where i.type = r.type and i.id = r.id"
					+ " and i.system = ? and i.value = any(?))");
			params.add(RecordSystems.NAME_INDEX);
			params.add(names.stream().map(writer::nameKey).toArray(String[]::new));
		}
		for (List<String> genders : q.genders()) {
			where.append(" and r.content->>'gender' = any(?)");
			params.add(genders.toArray(String[]::new));
		}
		int total = jdbc.sql("select count(*)" + where).params(params).query(Integer.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(Math.max(0, q.count()));
		pageParams.add(Math.max(0, q.offset()));
		List<ResourceRows.Stored> rows = q.count() <= 0 ? List.of()
				: jdbc.sql("select " + ResourceRows.STORED_COLUMNS + where
						+ " order by r.date_start desc nulls last, r.id limit ? offset ?")
					.params(pageParams)
					.query(ResourceRows::stored)
					.list();
		return new Found(rows, total);
	}

}
