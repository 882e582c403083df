package org.rhip.person.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the {@code person} schema. Values arrive here hashed and encrypted already. */
@Repository
class PersonRepository {

	/** A person row as stored: hashes and ciphertexts. */
	record Row(long id, String idNumberHash, byte[] idNumberEnc, String nameHash, byte[] nameEnc, String phoneHash,
			byte[] phoneEnc, String sex, LocalDate birthDate, String orgUnitCode, byte[] addressEnc, Boolean household,
			Boolean resident, LocalDate deathDate, String status, Long mergedInto) {
	}

	record SourceRow(long id, String system, String value, String institution, long personId, String linkedBy,
			Double score, byte[] featuresEnc) {
	}

	private final JdbcClient jdbc;

	private final javax.sql.DataSource dataSource;

	PersonRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	long insertPerson(Row r) {
		return jdbc.sql("""
				insert into person.person (id_number_hash, id_number_enc, name_hash, name_enc, phone_hash, phone_enc, sex,
				    birth_date, org_unit_code, address_enc, household, resident, death_date)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(r.idNumberHash(), r.idNumberEnc(), r.nameHash(), r.nameEnc(), r.phoneHash(), r.phoneEnc(), r.sex(),
					r.birthDate(), r.orgUnitCode(), r.addressEnc(), r.household(), r.resident(), r.deathDate())
			.query(Long.class)
			.single();
	}

	/** Fills what the person lacks from a newer source record; a death date is taken when first reported. */
	void fillIn(long id, Row r) {
		jdbc.sql("""
				update person.person set
				    id_number_hash = coalesce(id_number_hash, ?), id_number_enc = coalesce(id_number_enc, ?),
				    name_hash = coalesce(name_hash, ?), name_enc = coalesce(name_enc, ?),
				    phone_hash = coalesce(phone_hash, ?), phone_enc = coalesce(phone_enc, ?),
				    sex = case when sex is null or sex in ('0', '9') then coalesce(?, sex) else sex end,
				    birth_date = coalesce(birth_date, ?), org_unit_code = coalesce(org_unit_code, ?),
				    address_enc = coalesce(address_enc, ?), household = coalesce(household, ?),
				    resident = coalesce(resident, ?), death_date = coalesce(death_date, ?), updated_at = now()
				where id = ?
				""")
			.params(r.idNumberHash(), r.idNumberEnc(), r.nameHash(), r.nameEnc(), r.phoneHash(), r.phoneEnc(), r.sex(),
					r.birthDate(), r.orgUnitCode(), r.addressEnc(), r.household(), r.resident(), r.deathDate(), id)
			.update();
	}

	Optional<Row> person(long id) {
		return jdbc.sql("select * from person.person where id = ?").param(id).query(PersonRepository::row).optional();
	}

	List<Row> persons(List<Long> ids) {
		return jdbc.sql("select * from person.person where id = any(?) order by id")
			.param(ids.toArray(Long[]::new))
			.query(PersonRepository::row)
			.list();
	}

	/** The active person a (possibly merged) person now is. */
	long active(long id) {
		return jdbc.sql("""
				with recursive chain(id, merged_into, depth) as (
				    select id, merged_into, 0 from person.person where id = ?
				    union all
				    select p.id, p.merged_into, c.depth + 1 from person.person p join chain c on p.id = c.merged_into
				    where c.depth < 100)
				select id from chain where merged_into is null
				""").param(id).query(Long.class).optional().orElse(id);
	}

	Optional<Long> byIdNumber(String hash) {
		return jdbc.sql("select id from person.person where id_number_hash = ? order by status = 'active' desc, id limit 1")
			.param(hash)
			.query(Long.class)
			.optional()
			.map(this::active);
	}

	Optional<Long> byDocument(String type, String hash) {
		return jdbc.sql("select person_id from person.document where type = ? and number_hash = ? order by person_id limit 1")
			.params(type, hash)
			.query(Long.class)
			.optional()
			.map(this::active);
	}

	List<Long> byHashes(String column, String hash, int limit) {
		if (!List.of("id_number_hash", "name_hash", "phone_hash").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("select id from person.person where " + column + " = ? and status = 'active' order by id limit ?")
			.params(hash, limit)
			.query(Long.class)
			.list();
	}

	void insertDocument(long personId, String type, String hash, byte[] enc) {
		jdbc.sql("""
				insert into person.document (person_id, type, number_hash, number_enc) values (?, ?, ?, ?)
				on conflict do nothing
				""").params(personId, type, hash, enc).update();
	}

	List<Object[]> documents(long personId) {
		return jdbc.sql("select type, number_enc from person.document where person_id = ? order by type")
			.param(personId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) })
			.list();
	}

	Optional<SourceRow> source(String system, String value) {
		return jdbc.sql("select * from person.source_record where system = ? and value = ?")
			.params(system, value)
			.query(PersonRepository::sourceRow)
			.optional();
	}

	/** The person of each known source value of one system, in one query (bulk import). */
	Map<String, Long> personsOfSources(String system, List<String> values) {
		return jdbc.sql("select value, person_id from person.source_record where system = ? and value = any(?)")
			.params(system, values.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	List<SourceRow> sourcesOf(long personId) {
		return jdbc.sql("select * from person.source_record where person_id = ? order by id")
			.param(personId)
			.query(PersonRepository::sourceRow)
			.list();
	}

	List<SourceRow> sourcesById(List<Long> ids) {
		return jdbc.sql("select * from person.source_record where id = any(?) order by id")
			.param(ids.toArray(Long[]::new))
			.query(PersonRepository::sourceRow)
			.list();
	}

	long insertSource(String system, String value, String institution, long personId, String linkedBy, Double score,
			byte[] featuresEnc) {
		return jdbc.sql("""
				insert into person.source_record (system, value, institution_code, person_id, linked_by, score, features_enc)
				values (?, ?, ?, ?, ?, ?, ?) returning id
				""").params(system, value, institution, personId, linkedBy, score, featuresEnc).query(Long.class).single();
	}

	void updateSourceFeatures(long sourceId, byte[] featuresEnc) {
		jdbc.sql("update person.source_record set features_enc = ? where id = ?").params(featuresEnc, sourceId).update();
	}

	void moveSources(List<Long> sourceIds, long personId, String linkedBy) {
		jdbc.sql("update person.source_record set person_id = ?, linked_by = ? where id = any(?)")
			.params(personId, linkedBy, sourceIds.toArray(Long[]::new))
			.update();
	}

	void insertBlockingKeys(long personId, List<String> keyHashes) {
		if (keyHashes.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into person.blocking_key (key_hash, person_id) select k, ? from unnest(?::text[]) k
				on conflict do nothing
				""").params(personId, keyHashes.toArray(String[]::new)).update();
	}

	/**
	 * Active persons sharing a blocking key with the record, most keys shared first; for a record with
	 * an ID number, only persons without one (two different ID numbers are two persons).
	 */
	List<Long> candidates(List<String> keyHashes, boolean withoutIdNumber, int limit) {
		return jdbc.sql("""
				select p.id
				from (select person_id, count(*) shared from person.blocking_key where key_hash = any(?) group by person_id) b
				join person.person p on p.id = b.person_id
				where p.status = 'active' and (not ? or p.id_number_hash is null)
				order by b.shared desc, p.id limit ?
				""").params(keyHashes.toArray(String[]::new), withoutIdNumber, limit).query(Long.class).list();
	}

	void markMerged(long merged, long survivor) {
		jdbc.sql("update person.person set status = 'merged', merged_into = ?, updated_at = now() where id = ?")
			.params(survivor, merged)
			.update();
	}

	void markActive(long id) {
		jdbc.sql("update person.person set status = 'active', merged_into = null, updated_at = now() where id = ?")
			.param(id)
			.update();
	}

	void event(String actor, String kind, long personId, Long other, Long sourceId, Double score, String reason,
			List<Long> movedSources) {
		jdbc.sql("""
				insert into person.link_event (actor, kind, person_id, other_person_id, source_record_id, score, reason, moved_sources)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(actor, kind, personId, other, sourceId, score, reason,
					movedSources == null ? null : movedSources.toArray(Long[]::new))
			.update();
	}

	/** The latest merge of {@code merged} into another person, with the source records it moved. */
	Optional<Object[]> lastMerge(long merged) {
		return jdbc.sql("""
				select id, person_id, moved_sources from person.link_event
				where kind = 'merge' and other_person_id = ? order by id desc limit 1
				""").param(merged).query((rs, n) -> {
					java.sql.Array a = rs.getArray("moved_sources");
					List<Long> moved = a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
					return new Object[] { rs.getLong("person_id"), moved };
				}).optional();
	}

	record LinkEventRow(long id, java.time.OffsetDateTime at, String actor, String kind, long personId, Long otherPersonId,
			Long sourceRecordId, Double score, String reason) {
	}

	List<LinkEventRow> history(long personId) {
		return jdbc.sql("""
				select * from person.link_event where person_id = ? or other_person_id = ? order by id
				""").params(personId, personId).query((rs, n) -> new LinkEventRow(rs.getLong("id"),
					rs.getObject("at", java.time.OffsetDateTime.class), rs.getString("actor"), rs.getString("kind"),
					rs.getLong("person_id"), (Long) rs.getObject("other_person_id"), (Long) rs.getObject("source_record_id"),
					(Double) rs.getObject("score"), rs.getString("reason")))
			.list();
	}

	// bulk registration (PersonIndex.linkAll)

	/** Advisory locks on many keys, in one order, so that concurrent batches cannot deadlock. */
	void lockAll(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		jdbc.sql("select count(pg_advisory_xact_lock(k)) from (select distinct hashtextextended(k, 7) k from unnest(?::text[]) k order by 1) l")
			.param(keys.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	/** Which of the (system, value) pairs are known source records, as {@code system \0 value}. */
	java.util.Set<String> knownSources(List<String[]> pairs) {
		if (pairs.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select s.system || chr(31) || s.value from person.source_record s
				join unnest(?::text[], ?::text[]) q(system, value) on q.system = s.system and q.value = s.value
				""").params(pairs.stream().map(p -> p[0]).toArray(String[]::new), pairs.stream().map(p -> p[1]).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The (active) person of each known ID-number hash. */
	Map<String, Long> personsByIdHashes(List<String> hashes) {
		if (hashes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id_number_hash, id from person.person where id_number_hash = any(?)")
			.param(hashes.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> active(e.getValue()), (a, b) -> a));
	}

	/** The blocking keys (of those given) that an active person without an ID number has. */
	java.util.Set<String> keysOfPersonsWithoutIdNumber(List<String> keyHashes) {
		if (keyHashes.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct b.key_hash from person.blocking_key b join person.person p on p.id = b.person_id
				where b.key_hash = any(?) and p.id_number_hash is null and p.status = 'active'
				""").param(keyHashes.toArray(String[]::new)).query(String.class).list());
	}

	List<Long> nextIds(String sequence, int count) {
		return jdbc.sql("select nextval(?::regclass) from generate_series(1, ?)").params(sequence, count).query(Long.class).list();
	}

	void copyPersons(List<Row> rows) {
		StringBuilder copy = new StringBuilder();
		for (Row r : rows) {
			line(copy, r.id(), r.idNumberHash(), bytea(r.idNumberEnc()), r.nameHash(), bytea(r.nameEnc()), r.phoneHash(),
					bytea(r.phoneEnc()), r.sex(), r.birthDate(), r.orgUnitCode(), bytea(r.addressEnc()), r.household(),
					r.resident(), r.deathDate());
		}
		org.rhip.platform.db.PgCopy.copyIn(template(), """
				copy person.person (id, id_number_hash, id_number_enc, name_hash, name_enc, phone_hash, phone_enc, sex,
				    birth_date, org_unit_code, address_enc, household, resident, death_date) from stdin""", copy);
	}

	/** Rows of (id or null, system, value, institution, person, features). */
	void copySources(List<Object[]> rows) {
		StringBuilder withId = new StringBuilder();
		StringBuilder withoutId = new StringBuilder();
		for (Object[] r : rows) {
			if (r[0] != null) {
				line(withId, r[0], r[1], r[2], r[3], r[4], "new", bytea((byte[]) r[5]));
			}
			else {
				line(withoutId, r[1], r[2], r[3], r[4], "new");
			}
		}
		org.rhip.platform.db.PgCopy.copyIn(template(),
				"copy person.source_record (id, system, value, institution_code, person_id, linked_by, features_enc) from stdin",
				withId);
		org.rhip.platform.db.PgCopy.copyIn(template(),
				"copy person.source_record (system, value, institution_code, person_id, linked_by) from stdin", withoutId);
	}

	void copyBlockingKeys(List<Object[]> rows) {
		StringBuilder copy = new StringBuilder();
		for (Object[] r : rows) {
			line(copy, r[0], r[1]);
		}
		org.rhip.platform.db.PgCopy.copyIn(template(), "copy person.blocking_key (key_hash, person_id) from stdin", copy);
	}

	void copyCreateEvents(String actor, List<Long> persons, List<Long> sources) {
		StringBuilder copy = new StringBuilder();
		for (int i = 0; i < persons.size(); i++) {
			line(copy, actor, "create", persons.get(i), sources.get(i));
		}
		org.rhip.platform.db.PgCopy.copyIn(template(),
				"copy person.link_event (actor, kind, person_id, source_record_id) from stdin", copy);
	}

	private org.springframework.jdbc.core.JdbcTemplate template() {
		return new org.springframework.jdbc.core.JdbcTemplate(dataSource);
	}

	/** A bytea in hex input form ({@code \\x…}); COPY's escaping of the backslash is added by {@link #line}. */
	private static String bytea(byte[] value) {
		return value == null ? null : "\\x" + java.util.HexFormat.of().formatHex(value);
	}

	private static void line(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			out.append(v == null ? "\\N" : org.rhip.platform.db.PgCopy.text(v.toString()));
		}
		out.append('\n');
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("id_number_hash"), rs.getBytes("id_number_enc"),
				rs.getString("name_hash"), rs.getBytes("name_enc"), rs.getString("phone_hash"), rs.getBytes("phone_enc"),
				rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("org_unit_code"),
				rs.getBytes("address_enc"), (Boolean) rs.getObject("household"), (Boolean) rs.getObject("resident"),
				rs.getObject("death_date", LocalDate.class), rs.getString("status"), (Long) rs.getObject("merged_into"));
	}

	static SourceRow sourceRow(ResultSet rs, int n) throws SQLException {
		return new SourceRow(rs.getLong("id"), rs.getString("system"), rs.getString("value"),
				rs.getString("institution_code"), rs.getLong("person_id"), rs.getString("linked_by"),
				(Double) rs.getObject("score"), rs.getBytes("features_enc"));
	}

}
