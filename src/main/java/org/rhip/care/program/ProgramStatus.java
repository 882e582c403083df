package org.rhip.care.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.care.ProgramEnrolment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which programs a person is in on a day (公卫服务项目状态), by the rules the member queries count
 * with: hypertension and diabetes from the diagnosis at 35+ (under management from the first
 * follow-up), severe mental disorders from the diagnosis, 65+ by the age on 31 December, children
 * while 0–6 by the age on 31 December, a pregnancy from the last menstrual period (Z34 onset) to 42
 * days after the birth — or 322 days after the period when no birth is recorded. Not scoped: the
 * care module's API is.
 */
@Component
public class ProgramStatus {

	/** 280 days of pregnancy and the 42 days after. */
	static final int PREGNANCY_DAYS = 280 + 42;

	private final JdbcClient jdbc;

	ProgramStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A service's first and last date for the person, on or before a day. */
	private record Service(LocalDate first, LocalDate last) {
	}

	/** The person's programs on a day (their day of death if they died before); empty for no such person. */
	public List<ProgramEnrolment> of(long personId, LocalDate day) {
		Optional<LocalDate[]> person = jdbc.sql("select birth_date, death_date from person.population where person_id = ?")
			.param(personId)
			.query((rs, n) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
			.optional();
		if (person.isEmpty() || person.get()[0] == null) {
			return List.of();
		}
		LocalDate birth = person.get()[0];
		LocalDate asOf = person.get()[1] != null && person.get()[1].isBefore(day) ? person.get()[1] : day;
		int ageAtYearEnd = asOf.getYear() - birth.getYear();
		Map<String, LocalDate> dx = jdbc.sql("""
				select min(date) filter (where icd10 ~ :htn) as hypertension,
				       min(date) filter (where icd10 ~ :dm) as diabetes,
				       min(date) filter (where icd10 ~ :smi) as smi,
				       max(date) filter (where icd10 ~ '^Z34') as pregnancy
				from record.diagnosis where person_id = :person and date <= :asOf
				""")
			.param("htn", ProgramQueries.HYPERTENSION)
			.param("dm", ProgramQueries.DIABETES)
			.param("smi", ProgramQueries.SEVERE_MENTAL_DISORDER)
			.param("person", personId)
			.param("asOf", asOf)
			.query(rs -> {
				Map<String, LocalDate> out = new HashMap<>();
				if (rs.next()) {
					for (String key : List.of("hypertension", "diabetes", "smi", "pregnancy")) {
						out.put(key, rs.getObject(key, LocalDate.class));
					}
				}
				return out;
			});
		Map<String, Service> services = new HashMap<>();
		jdbc.sql("""
				select type_code, min(date) as first, max(date) as last from record.encounter
				where person_id = ? and kind = 'public_health' and coalesce(status, 'finished') = 'finished'
				  and type_code is not null and date <= ?
				group by type_code
				""").params(personId, asOf).query(rs -> {
			services.put(rs.getString("type_code"),
					new Service(rs.getObject("first", LocalDate.class), rs.getObject("last", LocalDate.class)));
		});
		List<ProgramEnrolment> out = new ArrayList<>();
		if (dx.get("hypertension") != null && ageAtYearEnd >= 35) {
			out.add(chronic("hypertension", dx.get("hypertension"), services.get("htn-followup"), "htn-followup"));
		}
		if (dx.get("diabetes") != null && ageAtYearEnd >= 35) {
			out.add(chronic("diabetes", dx.get("diabetes"), services.get("dm-followup"), "dm-followup"));
		}
		if (dx.get("smi") != null) {
			out.add(chronic("smi", dx.get("smi"), services.get("smd-followup"), "smd-followup"));
		}
		if (ageAtYearEnd >= 65) {
			// the year of the 65th birthday counts whole, as in the indicator (age on 31 December)
			out.add(latest("elderly", birth.plusYears(65), LocalDate.of(birth.getYear() + 65, 1, 1), services, "health-check"));
		}
		if (ageAtYearEnd <= 6) {
			out.add(latest("child", birth, null, services, "newborn-visit", "child-check"));
		}
		LocalDate lmp = dx.get("pregnancy");
		if (lmp != null) {
			Optional<LocalDate> birthAfter = jdbc.sql("""
					select min(date) from record.birth where mother_person_id = ? and date >= ? and date <= ?
					""").params(personId, lmp, asOf).query(LocalDate.class).optional();
			LocalDate end = birthAfter.map(b -> b.plusDays(42)).orElse(lmp.plusDays(PREGNANCY_DAYS));
			if (!asOf.isAfter(end)) {
				out.add(latest("pregnancy", lmp, lmp, services, "prenatal", "postpartum-visit", "postpartum-42d"));
			}
		}
		return out;
	}

	private static ProgramEnrolment chronic(String program, LocalDate diagnosed, Service followUps, String code) {
		return new ProgramEnrolment(program, diagnosed, followUps != null, Optional.ofNullable(followUps).map(Service::last),
				followUps == null ? Optional.empty() : Optional.of(code));
	}

	/** The program with its latest service among the codes, on or after {@code from} when given. */
	private static ProgramEnrolment latest(String program, LocalDate since, LocalDate from, Map<String, Service> services,
			String... codes) {
		LocalDate last = null;
		String lastCode = null;
		for (String code : codes) {
			Service s = services.get(code);
			if (s != null && (from == null || !s.last().isBefore(from)) && (last == null || s.last().isAfter(last))) {
				last = s.last();
				lastCode = code;
			}
		}
		return new ProgramEnrolment(program, since, true, Optional.ofNullable(last), Optional.ofNullable(lastCode));
	}

}
