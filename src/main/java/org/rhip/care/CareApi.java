package org.rhip.care;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.rhip.care.program.ProgramStatus;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.Forbidden;
import org.rhip.registry.RegistryApi;
import org.rhip.security.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the console asks of the care module besides the indicators: a person's programs (公卫服务),
 * scoped to the caller's org unit and audited like the person page, and whether a district has
 * records at all.
 */
@Service
public class CareApi {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final ProgramStatus status;

	private final PersonApi persons;

	private final AuditTrail audit;

	private final RegistryApi registry;

	private final JdbcClient jdbc;

	CareApi(ProgramStatus status, PersonApi persons, AuditTrail audit, RegistryApi registry, JdbcClient jdbc) {
		this.status = status;
		this.persons = persons;
		this.audit = audit;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** The programs a person is in today (on their day of death if they died), if in the caller's scope; audited. */
	@Transactional
	public List<ProgramEnrolment> programs(long personId) {
		if (!persons.visible(personId)) {
			throw new Forbidden("person", "person " + personId + " is outside your org unit");
		}
		audit.record("read", personId, "program status", null);
		return status.of(personId, LocalDate.now(CHINA));
	}

	/** True when someone living in the org unit (or below it) has an encounter on record. */
	public boolean hasRecords(String orgUnitCode) {
		return jdbc.sql("""
				select exists (select 1 from person.population p
				               where p.org_unit_code = any(cast(? as text[]))
				                 and exists (select 1 from record.encounter e where e.person_id = p.person_id))
				""").param(registry.subtreeCodes(orgUnitCode).toArray(String[]::new)).query(Boolean.class).single();
	}

}
