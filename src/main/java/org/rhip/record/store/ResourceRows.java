package org.rhip.record.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.platform.db.PgCopy;
import org.rhip.record.projection.Table;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the {@code record} schema: lookups by many keys at once ({@code = any(?)}), and bulk
 * writes by COPY. Nothing else touches them but the search and the merge listener.
 */
@Repository
class ResourceRows {

	/** The current version of a resource as the write path needs it. */
	record Existing(String type, String id, int version, String hash, String institution, boolean deleted,
			Long personId, String patientId) {
	}

	/** A stored version as the read path needs it. */
	record Stored(String type, String id, int version, Instant lastUpdated, Long personId, String patientId,
			String institution, boolean deleted, String content, byte[] contentEnc) {
	}

	static final String STORED_COLUMNS = "type, id, version_id, last_updated, person_id, patient_id, institution_code, "
			+ "deleted, content::text as content, content_enc";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ResourceRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The current rows of resources given by type and id, keyed 'Type/id'. */
	Map<String, Existing> existing(List<String> types, List<String> ids) {
		Map<String, Existing> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select r.type, r.id, r.version_id, r.content_hash, r.institution_code, r.deleted, r.person_id, r.patient_id
				from record.resource r join unnest(?::text[], ?::text[]) k(type, id) on r.type = k.type and r.id = k.id
				""").params(types.toArray(String[]::new), ids.toArray(String[]::new)).query(rs -> {
					Existing e = existing(rs);
					found.put(e.type() + "/" + e.id(), e);
				});
		return found;
	}

	/** The current rows with these ids among these types (a {@code urn:uuid:} reference names no type). */
	Map<String, Existing> existingAnyType(Collection<String> ids, Collection<String> types) {
		Map<String, Existing> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select r.type, r.id, r.version_id, r.content_hash, r.institution_code, r.deleted, r.person_id, r.patient_id
				from record.resource r join (select t, i from unnest(?::text[]) t, unnest(?::text[]) i) k
				  on r.type = k.t and r.id = k.i
				""").params(types.toArray(String[]::new), ids.toArray(String[]::new)).query(rs -> {
					Existing e = existing(rs);
					found.put(e.id(), e);
				});
		return found;
	}

	private static Existing existing(ResultSet rs) throws SQLException {
		return new Existing(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getBoolean(6), (Long) rs.getObject(7), rs.getString(8));
	}

	/** The ids of current resources of a type with an identifier (system null: any system). */
	List<String> idsByIdentifier(String type, String system, String value) {
		return jdbc.sql("""
				select distinct id from record.resource_identifier
				where type = ? and value = ? and (cast(? as text) is null or system = ?) order by id limit 10
				""").params(type, value, system, system).query(String.class).list();
	}

	Optional<Stored> current(String type, String id) {
		return jdbc.sql("select " + STORED_COLUMNS + " from record.resource where type = ? and id = ?")
			.params(type, id)
			.query(ResourceRows::stored)
			.optional();
	}

	Optional<Stored> version(String type, String id, int version) {
		return jdbc.sql("""
				select h.type, h.id, h.version_id, h.last_updated, r.person_id, r.patient_id, h.institution_code, h.deleted,
				       (case when h.version_id = r.version_id then r.content else h.content end)::text as content,
				       case when h.version_id = r.version_id then r.content_enc else h.content_enc end as content_enc
				from record.resource_history h left join record.resource r on r.type = h.type and r.id = h.id
				where h.type = ? and h.id = ? and h.version_id = ?
				""").params(type, id, version).query(ResourceRows::stored).optional();
	}

	List<Stored> history(String type, String id) {
		return jdbc.sql("""
				select h.type, h.id, h.version_id, h.last_updated, r.person_id, r.patient_id, h.institution_code, h.deleted,
				       (case when h.version_id = r.version_id then r.content else h.content end)::text as content,
				       case when h.version_id = r.version_id then r.content_enc else h.content_enc end as content_enc
				from record.resource_history h left join record.resource r on r.type = h.type and r.id = h.id
				where h.type = ? and h.id = ? order by h.version_id desc
				""").params(type, id).query(ResourceRows::stored).list();
	}

	/** The current resources of FHIR Patients, Patients first, then by type and date. */
	List<Stored> ofPatients(List<String> patientIds, int offset, int limit) {
		return jdbc.sql("select " + STORED_COLUMNS + """
				 from record.resource where patient_id = any(?) and not deleted
				order by type <> 'Patient', type, date_start nulls last, id limit ? offset ?
				""").params(patientIds.toArray(String[]::new), limit, offset).query(ResourceRows::stored).list();
	}

	int countOfPatients(List<String> patientIds) {
		return jdbc.sql("select count(*) from record.resource where patient_id = any(?) and not deleted")
			.param(patientIds.toArray(String[]::new))
			.query(Integer.class)
			.single();
	}

	static Stored stored(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getString("type"), rs.getString("id"), rs.getInt("version_id"),
				rs.getObject("last_updated", OffsetDateTime.class).toInstant(), (Long) rs.getObject("person_id"),
				rs.getString("patient_id"), rs.getString("institution_code"), rs.getBoolean("deleted"),
				rs.getString("content"), rs.getBytes("content_enc"));
	}

	/** Removes the current rows, identifiers and projections of resources about to be replaced. */
	void deleteCurrent(List<String> types, List<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		String[] t = types.toArray(String[]::new);
		String[] i = ids.toArray(String[]::new);
		// the replaced version's content goes to its history row, which had none while it was current
		jdbc.sql("""
				update record.resource_history h set content = r.content, content_enc = r.content_enc
				from record.resource r join unnest(?::text[], ?::text[]) k(type, id) on r.type = k.type and r.id = k.id
				where h.type = r.type and h.id = r.id and h.version_id = r.version_id and not r.deleted
				""").params(t, i).update();
		jdbc.sql("""
				delete from record.resource r using unnest(?::text[], ?::text[]) k(type, id)
				where r.type = k.type and r.id = k.id
				""").params(t, i).update();
		jdbc.sql("""
				delete from record.resource_identifier r using unnest(?::text[], ?::text[]) k(type, id)
				where r.type = k.type and r.id = k.id
				""").params(t, i).update();
		deleteProjections(types, ids);
	}

	void deleteProjections(List<String> types, List<String> ids) {
		for (Table table : Table.values()) {
			List<String> keys = new java.util.ArrayList<>();
			for (int n = 0; n < ids.size(); n++) {
				if (table.types().contains(types.get(n))) {
					keys.add(table.plainKey() ? ids.get(n) : types.get(n) + "/" + ids.get(n));
				}
			}
			if (!keys.isEmpty()) {
				jdbc.sql(table.deleteSql()).param(keys.toArray(String[]::new)).update();
			}
		}
	}

	/** A deletion is a version too: the current row keeps the id, without content; history gets an empty version. */
	void markDeleted(String type, String id, int version, Instant at) {
		jdbc.sql("""
				update record.resource_history h set content = r.content, content_enc = r.content_enc
				from record.resource r where r.type = ? and r.id = ? and h.type = r.type and h.id = r.id
				  and h.version_id = r.version_id
				""").params(type, id).update();
		jdbc.sql("""
				update record.resource set deleted = true, version_id = ?, last_updated = ?, content = null,
				    content_enc = null, content_hash = '', codes = '{}', status = null
				where type = ? and id = ?
				""").params(version, java.sql.Timestamp.from(at), type, id).update();
		jdbc.sql("""
				insert into record.resource_history (type, id, version_id, last_updated, institution_code, deleted)
				select type, id, version_id, last_updated, institution_code, true from record.resource where type = ? and id = ?
				""").params(type, id).update();
		jdbc.sql("delete from record.resource_identifier where type = ? and id = ?").params(type, id).update();
		deleteProjections(List.of(type), List.of(id));
	}

	void copy(String copySql, CharSequence rows) {
		PgCopy.copyIn(template, copySql, rows);
	}

	static final String COPY_RESOURCE = "copy record.resource (type, id, version_id, last_updated, person_id, patient_id, "
			+ "institution_code, deleted, content_hash, date_start, date_end, status, codes, content, content_enc) from stdin";

	static final String COPY_HISTORY = "copy record.resource_history (type, id, version_id, last_updated, institution_code, "
			+ "deleted, content, content_enc) from stdin";

	static final String COPY_IDENTIFIER = "copy record.resource_identifier (type, system, value, id) from stdin";

}
