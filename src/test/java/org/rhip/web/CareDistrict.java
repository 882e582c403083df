package org.rhip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.rhip.care.CareRecords;
import org.rhip.person.PersonApi;
import org.rhip.record.RecordApi;
import org.rhip.record.StoreOutcome;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The public-health console's test district (公卫测试区, 440196, streets 甲 440196001 and 乙
 * 440196002; no other test uses it), built once per test JVM. The 2020 figures by hand:
 * <ul>
 * <li>65+ (ELDERLY_HEALTH_MGMT): e1 (Jia, 70) and e3 (Yi, 75) checked, e2 (Yi, 68) not — 2/3 in the
 * district, 1/1 in Jia, 1/2 in Yi; in 2019 nobody was checked: 0/3;</li>
 * <li>hypertension: h1 (Jia, 60) four follow-ups and a health check, 130/80 at the last — HTN_MGMT and
 * HTN_CONTROL 1/1;</li>
 * <li>births: c1 of m1 (Jia) died at two months, c2 of m2 (Yi) alive — INFANT_MORTALITY 1/2 × 1000.</li>
 * </ul>
 * d1 has diabetes without any follow-up; {@code pregnant} had her last period ten weeks ago and a
 * prenatal visit three weeks ago.
 */
final class CareDistrict {

	static final String DISTRICT = "440196";

	static final String JIA = "440196001";

	static final String YI = "440196002";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The persons of the district the tests look at. */
	record People(long e1, long h1, long d1, long m1, long c1, long pregnant) {
	}

	private static People people;

	private CareDistrict() {
	}

	static synchronized People build(JdbcClient jdbc, RecordApi records, PersonApi persons) {
		if (people != null) {
			return people;
		}
		jdbc.sql("""
				insert into registry.org_unit (code, name, name_en, kind, parent_code, path, depth)
				values ('440196', '公卫测试区', 'Care Test District', 'district', '4401', '/44/4401/440196/', 3),
				       ('440196001', '甲街道', 'Jia Subdistrict', 'street', '440196', '/44/4401/440196/440196001/', 4),
				       ('440196002', '乙街道', 'Yi Subdistrict', 'street', '440196', '/44/4401/440196/440196002/', 4)
				on conflict do nothing
				""").update();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new RhipPrincipal("care-console-test", Role.ADMIN, Optional.empty(), false), null, List.of()));
		try {
			CareRecords r = new CareRecords("cch", DISTRICT);
			String e1 = r.person("1950-03-01", false, JIA);
			r.service(e1, "health-check", "2020-05-01");
			r.person("1952-07-01", true, YI);
			String e3 = r.person("1945-01-01", false, YI);
			r.service(e3, "health-check", "2020-09-09");
			String h1 = r.person("1960-06-15", false, JIA);
			r.diagnosis(h1, "I10", "2018-01-01");
			for (String d : List.of("2020-02-01", "2020-05-01", "2020-08-01", "2020-11-01")) {
				String enc = r.service(h1, "htn-followup", d);
				r.bloodPressure(h1, enc, d, d.equals("2020-11-01") ? 130 : 150, 80);
			}
			r.service(h1, "health-check", "2020-06-01");
			String d1 = r.person("1970-04-04", true, YI);
			r.diagnosis(d1, "E11.9", "2019-05-05");
			String m1 = r.person("1990-01-01", true, JIA);
			r.diagnosis(m1, "Z34", "2019-06-01");
			r.service(m1, "prenatal", "2019-08-01");
			String c1 = r.newborn(m1, "2020-03-01", false, JIA);
			r.died(c1, "2020-05-01", "P07.3");
			String m2 = r.person("1992-02-02", true, YI);
			r.newborn(m2, "2020-08-01", true, YI);
			LocalDate today = LocalDate.now(CHINA);
			String p1 = r.person("1996-09-09", true, JIA);
			r.diagnosis(p1, "Z34", today.minusWeeks(10).toString());
			r.service(p1, "prenatal", today.minusWeeks(3).toString());
			List<StoreOutcome> outcomes = records.storeAll(r.resources(), null);
			assertThat(outcomes).allSatisfy(o -> assertThat(o.rejected()).as(o.resourceType() + " " + o.errorMessage()).isFalse());
			people = new People(person(persons, e1), person(persons, h1), person(persons, d1), person(persons, m1),
					person(persons, c1), person(persons, p1));
			return people;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static long person(PersonApi persons, String patientId) {
		return persons.personOfSource("Patient", patientId).orElseThrow();
	}

}
