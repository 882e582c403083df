package org.rhip.record.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.rhip.record.ClinicalEvent;
import org.rhip.record.Measurement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's record as the projections hold it: the timeline of encounters, diagnoses,
 * immunizations, reports and medications, and measured values by code. The wording of a code comes
 * from the stored resource (never a Patient: clinical resources are not encrypted, and carry no
 * identifier of the person). Scope and audit are {@code RecordApi}'s.
 */
@Component
public class ProjectionReads {

	private static final String TIMELINE = """
			select * from (
			    select 'encounter' as kind, 0 as rank, e.date, 'Encounter' as resource_type, e.resource_id,
			           null as system, coalesce(e.type_code, e.class_code) as code,
			           coalesce(r.content #>> '{type,0,text}', r.content #>> '{type,0,coding,0,display}') as text,
			           e.kind as detail, e.institution_code as institution, e.status
			    from record.encounter e left join record.resource r on r.type = 'Encounter' and r.id = e.resource_id
			    where e.person_id = :person
			  union all
			    select 'diagnosis', 1, d.date, d.source_type, d.resource_id, d.system, coalesce(d.icd10, d.code),
			           case when d.source_type = 'Condition'
			                then coalesce(r.content #>> '{code,text}', r.content #>> '{code,coding,0,display}')
			                else coalesce(r.content #>> array['contained', d.seq::text, 'code', 'text'],
			                              r.content #>> array['contained', d.seq::text, 'code', 'coding', '0', 'display']) end,
			           d.clinical_status, d.institution_code, d.verification_status
			    from record.diagnosis d left join record.resource r on r.type = d.source_type and r.id = d.resource_id
			    where d.person_id = :person
			  union all
			    select 'report', 2, p.date, 'DiagnosticReport', p.resource_id, p.system, p.code,
			           coalesce(r.content #>> '{code,text}', r.content #>> '{code,coding,0,display}'),
			           p.category, p.institution_code, p.status
			    from record.report p left join record.resource r on r.type = 'DiagnosticReport' and r.id = p.resource_id
			    where p.person_id = :person
			  union all
			    select 'medication', 3, m.date, m.resource_type, m.resource_id, m.system, m.code,
			           coalesce(r.content #>> '{medicationCodeableConcept,text}',
			                    r.content #>> '{medicationCodeableConcept,coding,0,display}'),
			           m.resource_type, m.institution_code, m.status
			    from record.medication m left join record.resource r on r.type = m.resource_type and r.id = m.resource_id
			    where m.person_id = :person
			  union all
			    select 'immunization', 4, i.date, 'Immunization', i.resource_id, i.vaccine_system, i.vaccine_code,
			           coalesce(r.content #>> '{vaccineCode,text}', r.content #>> '{vaccineCode,coding,0,display}'),
			           i.dose_number::text, coalesce(i.performer_institution, i.institution_code), i.status
			    from record.immunization i left join record.resource r on r.type = 'Immunization' and r.id = i.resource_id
			    where i.person_id = :person
			) t
			order by date desc nulls last, rank, resource_id
			limit :limit
			""";

	private final JdbcClient jdbc;

	ProjectionReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first (undated last); on one day encounters, diagnoses, reports, medications, immunizations. */
	public List<ClinicalEvent> timeline(long personId, int limit) {
		return jdbc.sql(TIMELINE).param("person", personId).param("limit", limit).query(ProjectionReads::event).list();
	}

	/** The values of these codes, oldest first; values entered in error or cancelled are left out. */
	public List<Measurement> measurements(long personId, Collection<String> codes, int limit) {
		return jdbc.sql("""
				select code, date, effective_at, value, unit from record.observation
				where person_id = ? and code = any(?) and value is not null
				  and coalesce(status, '') not in ('entered-in-error', 'cancelled')
				order by date, effective_at nulls first, resource_id, seq
				limit ?
				""")
			.params(personId, codes.toArray(String[]::new), limit)
			.query((rs, n) -> new Measurement(rs.getString("code"), rs.getObject("date", LocalDate.class),
					rs.getObject("effective_at", OffsetDateTime.class), rs.getBigDecimal("value"), rs.getString("unit")))
			.list();
	}

	private static ClinicalEvent event(ResultSet rs, int n) throws SQLException {
		return new ClinicalEvent(rs.getString("kind"), rs.getObject("date", LocalDate.class), rs.getString("resource_type"),
				rs.getString("resource_id"), rs.getString("system"), rs.getString("code"), rs.getString("text"),
				rs.getString("detail"), rs.getString("institution"), rs.getString("status"));
	}

	/** When a stored resource last changed (an index on last_updated makes this one probe). */
	public java.util.Optional<java.time.Instant> lastChange() {
		return jdbc.sql("select max(last_updated) from record.resource")
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.map(java.sql.Timestamp::toInstant);
	}

}
