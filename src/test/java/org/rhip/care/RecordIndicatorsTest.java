package org.rhip.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rhip.care.IndicatorValue;
import org.rhip.record.RecordApi;
import org.rhip.record.StoreOutcome;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The record-based indicators on a hand-built district of its own (440197, two streets), each
 * expected figure worked out by hand from the residents below, for 2020.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordIndicatorsTest extends IntegrationTest {

	static final String DISTRICT = "440197";

	static final String A = "440197001";

	static final String B = "440197002";

	static final String CHC = "440197-C01";

	static final String HOSPITAL = "440197-H01";

	@Autowired
	RecordIndicators indicators;

	@Autowired
	RecordApi records;

	@Autowired
	JdbcClient jdbc;

	String e2;

	String s1;

	String h4;

	String c1;

	@BeforeAll
	void buildTheDistrict() {
		jdbc.sql("""
				insert into registry.org_unit (code, name, kind, parent_code, path, depth)
				values ('440197', '指标测试区', 'district', '4401', '/44/4401/440197/', 3) on conflict do nothing
				""").update();
		for (String street : List.of(A, B)) {
			jdbc.sql("insert into registry.org_unit (code, name, kind, parent_code, path, depth) values (?, ?, 'street', '440197', ?, 4) on conflict do nothing")
				.params(street, "街道" + street.substring(6), "/44/4401/440197/" + street + "/").update();
		}
		jdbc.sql("insert into registry.institution (code, name, type, level, ownership, org_unit_code) values (?, '测试社区卫生服务中心', 'chc', 'primary', 'public', ?) on conflict do nothing")
			.params(CHC, A).update();
		jdbc.sql("insert into registry.institution (code, name, type, level, ownership, org_unit_code) values (?, '测试医院', 'general_hospital', 'secondary', 'public', ?) on conflict do nothing")
			.params(HOSPITAL, DISTRICT).update();
		signInAsAdmin();
		CareRecords r = new CareRecords("rit", DISTRICT);
		// elderly: e1 (A, 70) checked; e2 (B, 65 on 31 Dec) not; e3 (64) checked but too young; e4 died before 1 July
		String e1 = r.person("1950-03-01", false, A);
		r.service(e1, "health-check", "2020-05-01");
		e2 = r.person("1955-12-31", true, B);
		String e3 = r.person("1956-01-01", true, A);
		r.service(e3, "health-check", "2020-05-02");
		String e4 = r.person("1940-01-01", false, A);
		r.died(e4, "2020-03-01", "I21.9");
		// hypertension: h1 managed to the specification and controlled; h2 three follow-ups, 150/95 last;
		// h3 is 30 (under 35); h4 has follow-ups but no diagnosis (not enrolled)
		String h1 = r.person("1960-06-15", false, A);
		r.diagnosis(h1, "I10", "2018-01-01");
		for (String d : List.of("2020-02-01", "2020-05-01", "2020-08-01", "2020-11-01")) {
			String enc = r.service(h1, "htn-followup", d);
			r.bloodPressure(h1, enc, d, d.equals("2020-11-01") ? 130 : 150, 80);
		}
		r.service(h1, "health-check", "2020-06-01");
		String h2 = r.person("1970-01-01", true, B);
		r.diagnosis(h2, "I11.9", "2019-03-01");
		for (String d : List.of("2020-02-01", "2020-05-01", "2020-08-01")) {
			String enc = r.service(h2, "htn-followup", d);
			r.bloodPressure(h2, enc, d, d.equals("2020-08-01") ? 150 : 130, d.equals("2020-08-01") ? 95 : 80);
		}
		r.service(h2, "health-check", "2020-06-01");
		String h3 = r.person("1990-01-01", false, A);
		r.diagnosis(h3, "I10", "2019-01-01");
		r.service(h3, "htn-followup", "2020-03-01");
		h4 = r.person("1965-01-01", false, A);
		r.service(h4, "htn-followup", "2020-03-01");
		// diabetes: d1 four follow-ups, a health check, fasting glucose 6.5 at the last
		String d1 = r.person("1958-01-01", true, A);
		r.diagnosis(d1, "E11.9", "2015-01-01");
		for (String d : List.of("2020-01-10", "2020-04-10", "2020-07-10", "2020-10-10")) {
			String enc = r.service(d1, "dm-followup", d);
			r.observation(d1, enc, d, "1558-6", d.equals("2020-10-10") ? 6.5 : 8.1, "mmol/L");
		}
		r.service(d1, "health-check", "2020-06-02");
		// births 2020: c1 of m1 (fully managed pregnancy), c2 of m2 (three prenatal visits)
		String m1 = r.person("1992-01-01", true, A);
		for (String d : List.of("2019-07-01", "2019-08-15", "2019-10-01", "2019-11-15", "2020-01-10")) {
			String enc = r.service(m1, "prenatal", d);
			r.observation(m1, enc, d, "11884-4", d.equals("2019-07-01") ? 10 : 20, "wk");
		}
		c1 = r.newborn(m1, "2020-02-10", false, A);
		r.service(m1, "postpartum-visit", "2020-02-15");
		r.service(m1, "postpartum-42d", "2020-03-25");
		String m2 = r.person("1994-01-01", true, B);
		for (String d : List.of("2019-10-01", "2019-12-01", "2020-03-01")) {
			String enc = r.service(m2, "prenatal", d);
			r.observation(m2, enc, d, "11884-4", 20, "wk");
		}
		String c2 = r.newborn(m2, "2020-06-01", true, B);
		// deaths 2020: c2 an infant, k1 at 2 years, m2 a maternal death
		r.died(c2, "2020-09-01", "P07.3");
		String k1 = r.person("2017-05-01", false, A);
		r.died(k1, "2020-04-01", "W69");
		r.died(m2, "2020-06-20", "O72.1");
		// child checks: c1 newborn visit and three checks (all four due in 2020); c2 a newborn visit
		// (two due: 1 July and 1 September); k2 (4 years) none
		r.service(c1, "newborn-visit", "2020-02-15");
		for (String d : List.of("2020-05-10", "2020-08-10", "2020-10-10")) {
			r.service(c1, "child-check", d);
		}
		r.service(c2, "newborn-visit", "2020-06-08");
		r.person("2016-08-01", true, B);
		// immunization: c1 HepB-1 and BCG on the day of birth; c2 HepB-1 four days late, no BCG
		r.vaccine(c1, "HepB", 1, "2020-02-10");
		r.vaccine(c1, "BCG", 1, "2020-02-10");
		r.vaccine(c2, "HepB", 1, "2020-06-05");
		// s1: diagnosed in 2021, for the tests that record services (after every date the other tests read)
		s1 = r.person("1961-01-01", false, A);
		r.diagnosis(s1, "I10", "2021-02-01");
		// visits: two at the CHC, one at the hospital
		r.visit(e1, "2020-04-01", CHC);
		r.visit(h1, "2020-04-03", CHC);
		r.visit(h2, "2020-04-02", HOSPITAL);
		List<StoreOutcome> outcomes = records.storeAll(r.resources(), null);
		assertThat(outcomes).allSatisfy(o -> assertThat(o.rejected()).as(o.resourceType() + " " + o.errorPath() + " " + o.errorMessage()).isFalse());
		assertThat(indicators.refresh(DISTRICT).values()).isPositive();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static void signInAsAdmin() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new RhipPrincipal("care-test", Role.ADMIN, Optional.empty(), false), null, List.of()));
	}

	private IndicatorValue value(String indicator, String unit) {
		return indicators.value(indicator, unit, 2020).orElseThrow(() -> new AssertionError(indicator + " " + unit));
	}

	private static void assertValue(IndicatorValue v, long numerator, long denominator, String value) {
		assertThat(v.numerator()).isEqualByComparingTo(BigDecimal.valueOf(numerator));
		assertThat(v.denominator()).isEqualByComparingTo(BigDecimal.valueOf(denominator));
		assertThat(v.value().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(value);
	}

	@Test
	void elderlyHealthManagementCountsThe65PlusAliveAtMidYearPerStreetAndDistrict() {
		assertValue(value("ELDERLY_HEALTH_MGMT", DISTRICT), 1, 2, "50");
		assertValue(value("ELDERLY_HEALTH_MGMT", A), 1, 1, "100");
		assertValue(value("ELDERLY_HEALTH_MGMT", B), 0, 1, "0");
	}

	@Test
	void chronicDiseaseProgramsCountEnrolledPatients35PlusByTheirFollowUps() {
		assertValue(value("HTN_MGMT", DISTRICT), 1, 2, "50");
		assertValue(value("HTN_CONTROL", DISTRICT), 1, 2, "50");
		assertValue(value("DM_MGMT", DISTRICT), 1, 1, "100");
		assertValue(value("DM_CONTROL", DISTRICT), 1, 1, "100");
	}

	@Test
	void childAndMaternalMortalityAreDeathsOverLiveBirths() {
		assertValue(value("INFANT_MORTALITY", DISTRICT), 1, 2, "500");
		assertValue(value("UNDER5_MORTALITY", DISTRICT), 2, 2, "1000");
		assertValue(value("MATERNAL_MORTALITY", DISTRICT), 1, 2, "50000");
	}

	@Test
	void maternalAndChildProgramsFollowTheirSchedules() {
		assertValue(value("MATERNAL_SYS_MGMT", DISTRICT), 1, 2, "50");
		assertValue(value("CHILD_U7_HEALTH_MGMT", DISTRICT), 2, 3, "66.67");
		assertValue(value("CHILD_U3_SYS_MGMT", DISTRICT), 1, 2, "50");
	}

	@Test
	void immunizationCoverageCountsDosesDueInTheYearGivenByTheirDeadline() {
		// c1: HepB-1, BCG on time; c2: HepB-1 late, BCG due 1 Sep (alive that day) not given; k2 (B, born
		// 2016-08-01): MPSV-AC-1 due by 48 months, 2020-08-01, not given; k1's JE-2 (2020-05-01) came
		// after its death
		assertValue(value("NIP_COVERAGE", DISTRICT), 2, 5, "40");
		assertValue(value("NIP_COVERAGE", A), 2, 2, "100");
		assertValue(value("NIP_COVERAGE", B), 0, 3, "0");
	}

	@Test
	void primaryCareShareCountsVisitsAtTheInstitutionsOrgUnit() {
		assertValue(value("PRIMARY_CARE_VISIT_SHARE", DISTRICT), 2, 3, "66.67");
	}

	@Test
	void theDrillDownListsThePeopleBehindAValueMaskedAndAudited() {
		signInAsAdmin();
		RecordIndicators.Members denominator = indicators.members("ELDERLY_HEALTH_MGMT", DISTRICT, 2020,
				RecordIndicators.Part.DENOMINATOR, 0, 50);
		assertThat(denominator.total()).isEqualTo(2);
		assertThat(denominator.persons()).hasSize(2).allSatisfy(p -> {
			assertThat(p.isMasked()).isTrue();
			assertThat(p.name()).contains("*");
		});
		RecordIndicators.Members numerator = indicators.members("ELDERLY_HEALTH_MGMT", A, 2020, RecordIndicators.Part.NUMERATOR, 0,
				50);
		assertThat(numerator.total()).isEqualTo(1);
		long audited = jdbc.sql("select count(*) from security.audit_event where actor = 'care-test' and what like 'indicator ELDERLY_HEALTH_MGMT%'")
			.query(Long.class).single();
		assertThat(audited).isEqualTo(3);
		RecordIndicators.Members infantDeaths = indicators.members("INFANT_MORTALITY", DISTRICT, 2020,
				RecordIndicators.Part.NUMERATOR, 0, 50);
		assertThat(infantDeaths.total()).isEqualTo(1);
	}

	@Test
	void aNewRecordMakesTheValuesStaleAndTheyAreComputedAgain() throws InterruptedException {
		signInAsAdmin();
		// 2019: e1 (69) and e4 (79, alive on 1 July 2019) unchecked; e2 was 64
		IndicatorValue before = indicators.value("ELDERLY_HEALTH_MGMT", DISTRICT, 2019).orElseThrow();
		assertValue(before, 0, 2, "0");
		CareRecords more = new CareRecords("rit2", DISTRICT);
		String later = more.person("1930-01-01", false, B);
		more.service(later, "health-check", "2019-07-01");
		more.died(later, "2020-01-15", "I64"); // so that 2020, which the other tests read, stays as it was
		records.storeAll(more.resources(), null);
		// the stale value is served while the region is counted again in the background
		IndicatorValue after = before;
		for (int tries = 0; tries < 20 && after.denominator().intValue() == 2; tries++) {
			indicators.value("ELDERLY_HEALTH_MGMT", DISTRICT, 2019);
			indicators.awaitRecomputation(java.time.Duration.ofSeconds(30));
			after = indicators.value("ELDERLY_HEALTH_MGMT", DISTRICT, 2019).orElseThrow();
		}
		assertValue(after, 1, 3, "33.33");
	}

	@Test
	void aLifeTableWithEmptyAgeGroupsGivesNoValueRatherThanAWrongOne() {
		assertThat(indicators.value("LIFE_EXPECTANCY", DISTRICT, 2020)).isEmpty();
		assertThat(indicators.value("PREMATURE_NCD_MORTALITY", DISTRICT, 2020)).isEmpty();
		signInAsAdmin();
		// but its members are there to see: the 2020 deaths of the district (e4, c2, k1, m2, and the one the
		// staleness test adds if it ran first)
		assertThat(indicators.members("LIFE_EXPECTANCY", DISTRICT, 2020, RecordIndicators.Part.NUMERATOR, 0, 50).total())
			.isBetween(4L, 5L);
	}

	@Autowired
	Worklists worklists;

	@Test
	void theWorklistShowsWhoIsDueOverdueFirstWithTheReason() {
		signInAsAdmin();
		List<WorkItem> items = worklists.worklist(DISTRICT, java.time.LocalDate.parse("2020-12-01"), 31, java.util.Set.of(), 100);
		// h2: last follow-up 2020-08-01 at 150/95, so due two weeks later and overdue
		assertThat(items).anySatisfy(i -> {
			assertThat(i.program()).isEqualTo("hypertension");
			assertThat(i.dueDate()).isEqualTo("2020-08-15");
			assertThat(i.note()).isEqualTo("uncontrolled");
			assertThat(i.overdue()).isTrue();
		});
		// e2 turns 65 on 2020-12-31 with no health check yet
		assertThat(items).anySatisfy(i -> {
			assertThat(i.program()).isEqualTo("elderly");
			assertThat(i.dueDate()).isEqualTo("2020-12-31");
			assertThat(i.overdue()).isFalse();
		});
		// h1 (controlled 2020-11-01: next 2021-02-01), d1 (next 2021-01-10), c1 (next at 12 months,
		// 2021-02-10) are not due yet; h3 (30) and h4 (no diagnosis) are in no program; the dead are not listed
		assertThat(items).extracting(WorkItem::program).doesNotContain("diabetes");
		assertThat(items).filteredOn(i -> i.program().equals("hypertension")).hasSize(1);
		// c1 had HepB-1 and BCG at birth: HepB-2 was due at one month and is overdue
		assertThat(items).anySatisfy(i -> {
			assertThat(i.program()).isEqualTo("immunization");
			assertThat(i.service()).isEqualTo("HepB-2");
			assertThat(i.dueDate()).isEqualTo("2020-03-10");
			assertThat(i.overdue()).isTrue();
		});
		// k2, 4 years old, missed her 48-month check in August (more than 90 days ago): next at 5 years
		assertThat(items).filteredOn(i -> i.program().equals("child")).isEmpty();
		assertThat(items).allSatisfy(i -> assertThat(i.person().isMasked()).isTrue());
		assertThat(items.get(0).dueDate()).isBeforeOrEqualTo(items.get(items.size() - 1).dueDate());
	}

	@Autowired
	CareServices services;

	@Autowired
	org.rhip.security.SecurityApi security;

	private long personOf(String patient) {
		return records.personOfPatient(patient).orElseThrow();
	}

	private static String refusedField(Runnable call) {
		try {
			call.run();
		}
		catch (org.rhip.platform.problem.InvalidInput ex) {
			return ex.field();
		}
		throw new AssertionError("accepted");
	}

	@Test
	void aServiceDoneIsStoredAsRecordsAfterTheProgramsRules() {
		signInAsAdmin();
		long s = personOf(s1);
		java.time.LocalDate day = java.time.LocalDate.parse("2021-03-01");
		// h4 has no hypertension diagnosis: not enrolled
		assertThat(refusedField(() -> services.record(new ServiceRecord(personOf(h4), "htn-followup", day, CHC, 130, 80, null,
				null, null)))).isEqualTo("personId");
		// s1 was diagnosed on 2021-02-01: a follow-up before that is refused too
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "htn-followup", java.time.LocalDate.parse("2021-01-15"),
				CHC, 130, 80, null, null, null)))).isEqualTo("personId");
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "htn-followup", day, CHC, 130, 140, null, null, null))))
			.isEqualTo("diastolic");
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "htn-followup", day, CHC, null, 80, null, null, null))))
			.isEqualTo("systolic");
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "prenatal", day, CHC, null, null, null, null,
				BigDecimal.TEN)))).isEqualTo("service");
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "htn-followup", java.time.LocalDate.now().plusDays(2), CHC,
				130, 80, null, null, null)))).isEqualTo("date");
		assertThat(refusedField(() -> services.record(new ServiceRecord(s, "vaccination", day, CHC, null, null, null, null, null))))
			.isEqualTo("service");
		// vaccinations follow the schedule: c1 (born 2020-02-10) cannot have MMR at 7 months, nor HepB-3 before HepB-2
		long c1Person = personOf(c1);
		assertThat(refusedField(() -> services.recordVaccination(c1Person, "MMR", 1, java.time.LocalDate.parse("2020-09-10"), CHC)))
			.isEqualTo("date");
		assertThat(refusedField(() -> services.recordVaccination(c1Person, "HepB", 3, java.time.LocalDate.parse("2020-09-10"), CHC)))
			.isEqualTo("doseNumber");
		assertThat(refusedField(() -> services.recordVaccination(c1Person, "XYZ", 1, java.time.LocalDate.parse("2021-03-10"), CHC)))
			.isEqualTo("vaccineCode");
		String shot = services.recordVaccination(c1Person, "MMR", 1, java.time.LocalDate.parse("2021-03-10"), CHC);
		assertThat(jdbc.sql("select vaccine_code || '-' || dose_number from record.immunization where resource_id = ?").param(shot)
			.query(String.class).single()).isEqualTo("MMR-1");
		String encounter = services.record(new ServiceRecord(s, "htn-followup", day, CHC, 128, 82, null, null, null));
		assertThat(jdbc.sql("select kind || ' ' || type_code || ' ' || institution_code from record.encounter where resource_id = ?")
			.param(encounter).query(String.class).single()).isEqualTo("public_health htn-followup " + CHC);
		assertThat(jdbc.sql("select count(*) from record.observation where encounter_id = ? and code in ('8480-6', '8462-4')")
			.param(encounter).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void remindersAreNotedWithoutTheMessageAndTheWorklistIsOpenOverHttp() throws Exception {
		signInAsAdmin();
		long e2Person = personOf(e2);
		assertThat(refusedField(() -> worklists.remind(e2Person, "health-check", java.time.LocalDate.parse("2020-12-31"), "pigeon")))
			.isEqualTo("channel");
		worklists.remind(e2Person, "health-check", java.time.LocalDate.parse("2020-12-31"), "sms");
		assertThat(worklists.reminders(e2Person, "health-check", java.time.LocalDate.parse("2020-12-31"))).isEqualTo(1);
		SecurityContextHolder.clearContext();
		String doctor = security.createToken("care-doctor-" + System.nanoTime(), Role.DOCTOR, DISTRICT);
		var list = bearer("GET", "/api/care/worklist?orgUnit=" + DISTRICT + "&date=2020-12-01&days=31", doctor, null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"program\":\"elderly\"").contains("\"dueDate\":\"2020-12-31\"");
		String elsewhere = security.createToken("care-other-" + System.nanoTime(), Role.DOCTOR, "440106");
		assertThat(bearer("GET", "/api/care/worklist?orgUnit=" + DISTRICT + "&date=2020-12-01", elsewhere, null).statusCode())
			.isEqualTo(403);
		var value = bearer("GET", "/api/care/indicators/ELDERLY_HEALTH_MGMT?orgUnit=" + DISTRICT + "&year=2020", doctor, null);
		assertThat(value.statusCode()).isEqualTo(200);
		assertThat(value.body()).contains("\"orgUnitCode\":\"" + A + "\"").contains("\"orgUnitCode\":\"" + B + "\"");
		var bad = bearer("POST", "/api/care/services", doctor, "{\"personId\":" + personOf(h4)
				+ ",\"service\":\"htn-followup\",\"date\":\"2021-03-01\",\"systolic\":130,\"diastolic\":80}");
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		assertThat(bad.body()).contains("personId");
	}

}
