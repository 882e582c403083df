package org.rhip.person.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.person.LinkEvent;
import org.rhip.person.Person;
import org.rhip.person.PersonQuery;
import org.rhip.person.ReviewItem;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.IdentifierHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading the index: persons by id or identifiers, within an org-unit scope. */
@Component
public class PersonReads {

	private final PersonRepository repository;

	private final PersonIndex index;

	private final IdentifierHash hash;

	private final JdbcClient jdbc;

	PersonReads(PersonRepository repository, PersonIndex index, IdentifierHash hash, JdbcClient jdbc) {
		this.repository = repository;
		this.index = index;
		this.hash = hash;
		this.jdbc = jdbc;
	}

	public Optional<Person> person(long id) {
		return repository.person(id).map(index::decrypt);
	}

	public long active(long id) {
		return repository.active(id);
	}

	/**
	 * Whether a person is within an org-unit scope: lives there, or has a record from an institution
	 * there (a hospital sees its own patients from elsewhere).
	 */
	public boolean inScope(long personId, String scopePath) {
		return jdbc.sql("""
				select exists (select 1 from person.person p join registry.org_unit o on o.code = p.org_unit_code
				               where p.id = ? and o.path like ? || '%')
				    or exists (select 1 from person.source_record s
				               join registry.institution i on i.code = s.institution_code
				               join registry.org_unit o on o.code = i.org_unit_code
				               where s.person_id = ? and o.path like ? || '%')
				""").params(personId, scopePath, personId, scopePath).query(Boolean.class).single();
	}

	/** Active persons matching every given criterion, at most {@code limit}, within a scope (null: all). */
	public List<Long> search(PersonQuery q, String scopePath, int limit) {
		if (q.isEmpty()) {
			throw new InvalidInput("person.query", "q", "give an ID number, a name, a phone number or a birth date");
		}
		StringBuilder sql = new StringBuilder("select p.id from person.person p where p.status = 'active'");
		java.util.ArrayList<Object> params = new java.util.ArrayList<>();
		if (q.idNumber() != null && !q.idNumber().isBlank()) {
			String id;
			try {
				id = ResidentIdNumber.parse(q.idNumber(), LocalDate.now()).value();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("person.id-number", "idNumber", ex.getMessage());
			}
			sql.append(" and (p.id_number_hash = ? or exists (select 1 from person.document d where d.person_id = p.id and d.number_hash = ?))");
			params.add(hash.hash(id));
			params.add(hash.hash(id));
		}
		if (q.name() != null && !q.name().isBlank()) {
			sql.append(" and p.name_hash = ?");
			params.add(hash.hash(PersonIndex.normalName(q.name())));
		}
		if (q.phone() != null && !q.phone().isBlank()) {
			sql.append(" and p.phone_hash = ?");
			params.add(hash.hash(q.phone().replaceAll("[\\s()+-]", "")));
		}
		if (q.birthDate() != null) {
			sql.append(" and p.birth_date = ?");
			params.add(q.birthDate());
		}
		if (scopePath != null) {
			// the text block strips its common indentation, the leading space included: add it apart
			sql.append(' ').append("""
					and (exists (select 1 from registry.org_unit o where o.code = p.org_unit_code and o.path like ? || '%')
					   or exists (select 1 from person.source_record s join registry.institution i on i.code = s.institution_code
					              join registry.org_unit o on o.code = i.org_unit_code
					              where s.person_id = p.id and o.path like ? || '%'))""");
			params.add(scopePath);
			params.add(scopePath);
		}
		sql.append(" order by p.id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
	}

	/**
	 * Active persons by resident ID number (valid 18-character numbers, as {@code ResidentIdNumber}
	 * gives them): one indexed lookup of the hashes for a whole batch. Numbers no active person has
	 * are absent.
	 */
	public Map<String, Long> personsByIdNumber(java.util.Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return Map.of();
		}
		Map<String, String> byHash = new java.util.HashMap<>();
		idNumbers.forEach(n -> byHash.put(hash.hash(n), n));
		Map<String, Long> found = new java.util.HashMap<>();
		jdbc.sql("select id_number_hash, id from person.person where status = 'active' and id_number_hash in (:hashes)")
			.param("hashes", List.copyOf(byHash.keySet()))
			.query(rs -> {
				found.put(byHash.get(rs.getString(1)), rs.getLong(2));
			});
		return found;
	}

	public Optional<Long> personOfSource(String system, String value) {
		return repository.source(system, value).map(s -> repository.active(s.personId()));
	}

	public Map<String, Long> personsOfSources(String system, List<String> values) {
		return repository.personsOfSources(system, values);
	}

	/** The FHIR Patient resource ids whose records belong to a person. */
	public List<String> patientIds(long personId) {
		return repository.sourcesOf(personId).stream().filter(s -> s.system().equals("Patient")).map(s -> s.value()).toList();
	}

	public List<LinkEvent> history(long personId) {
		return repository.history(personId)
			.stream()
			.map(e -> new LinkEvent(e.id(), e.at(), e.actor(), e.kind(), e.personId(), e.otherPersonId(),
					e.sourceRecordId(), e.score(), e.reason()))
			.toList();
	}

	public List<ReviewItem> reviewItems(String status, String scopePath, int limit) {
		return jdbc.sql("""
				select r.* from person.review_item r join person.person p on p.id = r.person_id
				where r.status = ? and (cast(? as text) is null
				    or exists (select 1 from registry.org_unit o where o.code = p.org_unit_code and o.path like ? || '%'))
				order by r.created_at, r.id limit ?
				""").params(status, scopePath, scopePath, limit).query(PersonReads::reviewItem).list();
	}

	public Optional<ReviewItem> reviewItem(long id) {
		return jdbc.sql("select * from person.review_item where id = ?").param(id).query(PersonReads::reviewItem).optional();
	}

	/** The demographics each source record of a person arrived with (decrypted). */
	public List<Map<String, Object>> sourceFeatures(long personId) {
		return repository.sourcesOf(personId).stream().map(s -> {
			Map<String, Object> f = new java.util.LinkedHashMap<>(index.decodeFeatures(s.featuresEnc()));
			f.put("system", s.system());
			f.put("value", s.value());
			f.put("institution", s.institution());
			f.put("linkedBy", s.linkedBy());
			return f;
		}).toList();
	}

	private static ReviewItem reviewItem(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ReviewItem(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("candidate_person_id"),
				rs.getDouble("score"), rs.getString("weights"), rs.getString("status"),
				rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getString("decided_by"),
				rs.getObject("decided_at", java.time.OffsetDateTime.class), rs.getString("note"));
	}

}
