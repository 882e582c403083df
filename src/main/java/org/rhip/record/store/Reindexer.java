package org.rhip.record.store;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.db.PgCopy;
import org.rhip.record.projection.Projector;
import org.rhip.record.projection.Rows;
import org.rhip.record.projection.SearchFields;
import org.rhip.record.projection.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every projection table, and the search columns, from the stored jsonb: after a change to
 * the projection rules, or to check that the tables hold exactly what the resources say. Reads the
 * current resources in key order, 5,000 at a time, parses them in parallel and COPYs the rows.
 */
@Component
public class Reindexer {

	private static final int CHUNK = 5000;

	private final JdbcClient jdbc;

	private final ResourceRows rows;

	private final FhirContext fhir;

	private final Projector projector = new Projector();

	Reindexer(JdbcClient jdbc, ResourceRows rows, FhirContext fhir) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.fhir = fhir;
	}

	private record Current(String type, String id, Long personId, String patientId, String institution, String content) {
	}

	private record Done(Current row, SearchFields search, Rows rows) {
	}

	/** Rebuilds, in the caller's transaction; the rows written per table. */
	public Map<String, Integer> reindex() {
		for (Table t : Table.values()) {
			jdbc.sql("truncate " + t.tableName()).update();
		}
		jdbc.sql("""
				create temp table reindex_search (type text, id text, date_start timestamptz, date_end timestamptz,
				    status text, codes text[]) on commit drop
				""").update();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("resources", 0);
		for (Table t : Table.values()) {
			counts.put(t.tableName(), 0);
		}
		String lastType = "";
		String lastId = "";
		while (true) {
			List<Current> chunk = jdbc.sql("""
					select type, id, person_id, patient_id, institution_code, content::text from record.resource
					where not deleted and (type, id) > (?, ?) order by type, id limit ?
					""").params(lastType, lastId, CHUNK).query((rs, n) -> new Current(rs.getString(1), rs.getString(2),
						(Long) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
			if (chunk.isEmpty()) {
				break;
			}
			List<Done> done = chunk.parallelStream().map(c -> {
				Resource r = (Resource) fhir.newJsonParser().parseResource(c.content());
				return new Done(c, projector.search(r),
						projector.project(r, new Projector.Subject(c.personId(), c.patientId(), c.institution())));
			}).toList();
			StringBuilder search = new StringBuilder();
			Map<Table, StringBuilder> tables = new EnumMap<>(Table.class);
			for (Done d : done) {
				SearchFields s = d.search();
				search.append(d.row().type()).append('\t').append(PgCopy.text(d.row().id())).append('\t')
					.append(s.start() == null ? "\\N" : s.start().toString()).append('\t')
					.append(s.end() == null ? "\\N" : s.end().toString()).append('\t').append(PgCopy.text(s.status()))
					.append('\t').append(RecordWriter.array(s.codes())).append('\n');
				for (Rows.Line line : d.rows().lines()) {
					tables.computeIfAbsent(line.table(), t -> new StringBuilder()).append(line.row());
					counts.merge(line.table().tableName(), 1, Integer::sum);
				}
			}
			rows.copy("copy reindex_search from stdin", search);
			tables.forEach((table, text) -> rows.copy(table.copySql(), text));
			counts.merge("resources", chunk.size(), Integer::sum);
			Current last = chunk.get(chunk.size() - 1);
			lastType = last.type();
			lastId = last.id();
		}
		jdbc.sql("""
				update record.resource r set date_start = s.date_start, date_end = s.date_end, status = s.status, codes = s.codes
				from reindex_search s where r.type = s.type and r.id = s.id
				""").update();
		return counts;
	}

}
