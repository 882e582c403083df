package org.rhip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rhip.care.CareRecords;
import org.rhip.care.ProgramEnrolment;
import org.rhip.care.program.ProgramStatus;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.RecordApi;
import org.rhip.record.StoreOutcome;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public-health pages (公共卫生服务) through real HTTP on a district of their own ({@link CareDistrict},
 * every figure worked out by hand there for 2020):
 * the overview, an indicator per street and over the years, the drill-down lists (masked, audited),
 * a person's programs, English, and a doctor of another district who sees nothing of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareConsoleHttpTest extends IntegrationTest {

	static final String DISTRICT = CareDistrict.DISTRICT;

	static final ZoneId CHINA = CareDistrict.CHINA;

	@Autowired
	RecordApi records;

	@Autowired
	org.rhip.care.RecordIndicators indicators;

	@Autowired
	PersonApi persons;

	@Autowired
	SecurityApi security;

	@Autowired
	ProgramStatus programStatus;

	@Autowired
	JdbcClient jdbc;

	long e1;

	long h1;

	long d1;

	long m1;

	long c1;

	long pregnant;

	@BeforeAll
	void buildTheDistrict() {
		CareDistrict.People people = CareDistrict.build(jdbc, records, persons);
		e1 = people.e1();
		h1 = people.h1();
		d1 = people.d1();
		m1 = people.m1();
		c1 = people.c1();
		pregnant = people.pregnant();
	}

	@Test
	void theOverviewShowsTheDistrictsValuesWithTheirTrendsAndOpensThem() throws Exception {
		HttpClient doctor = doctor();

		HttpResponse<String> page = get(doctor, "/care?year=2020&lang=zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("公卫测试区 · 公共卫生服务与生命统计", ">公共卫生服务<", "基本公共卫生服务项目", "生命统计",
				"<option value=\"440196001\"");
		assertThat(row(body, "ELDERLY_HEALTH_MGMT")).contains("65岁以上老年人健康管理率", ">66.67<", ">2<", ">3<", "<polyline",
				"href=\"/care/indicators/ELDERLY_HEALTH_MGMT?orgUnit=440196&amp;year=2020\"",
				"href=\"/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&amp;year=2020&amp;part=numerator\"",
				"href=\"/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&amp;year=2020&amp;part=denominator\"");
		assertThat(row(body, "HTN_MGMT")).contains(">100.00<", ">1<");
		assertThat(row(body, "HTN_CONTROL")).contains("管理人群血压控制率", ">100.00<");
		assertThat(row(body, "INFANT_MORTALITY")).contains("婴儿死亡率", "‰", ">500.00<");

		// without a year: the latest complete one, and the doctor's own district
		int lastYear = LocalDate.now(CHINA).getYear() - 1;
		String latest = get(doctor, "/care").body();
		assertThat(latest).contains("公卫测试区", "<option value=\"" + lastYear + "\" selected=\"selected\"");
	}

	@Test
	void anIndicatorShowsTheDistrictFirstThenEachStreetAndItsYears() throws Exception {
		HttpClient doctor = doctor();

		HttpResponse<String> page = get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT?orgUnit=440196&year=2020&lang=zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<h1>65岁以上老年人健康管理率</h1>", "接受健康管理的65岁及以上人数", "data-care-chart=\"streets\"",
				"data-care-chart=\"years\"", "/js/care.js", "接受健康管理的65岁及以上居民", "65岁及以上常住居民");
		int district = body.indexOf("data-org-unit=\"440196\"");
		int jia = body.indexOf("data-org-unit=\"440196001\"");
		int yi = body.indexOf("data-org-unit=\"440196002\"");
		assertThat(district).isPositive().isLessThan(jia);
		assertThat(jia).isLessThan(yi);
		assertThat(body.substring(district, jia)).contains("公卫测试区", ">66.67<", ">2<", ">3<");
		assertThat(body.substring(jia, yi)).contains("甲街道", ">100.00<", ">1<",
				"members?orgUnit=440196001&amp;year=2020&amp;part=numerator");
		assertThat(body.substring(yi, body.indexOf("id=\"years\""))).contains("乙街道", ">50.00<", ">1<", ">2<");
		String years = body.substring(body.indexOf("id=\"years\""));
		assertThat(years.substring(years.indexOf("data-year=\"2019\""), years.indexOf("data-year=\"2020\""))).contains(">0.00<",
				">0<", ">3<");
		assertThat(years).contains("class=\"year-row selected\" data-year=\"2020\"");

		HttpResponse<String> chart = get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT/chart.json?orgUnit=440196&year=2020",
				"Accept", "application/json");
		assertThat(chart.statusCode()).isEqualTo(200);
		assertThat(chart.body()).contains("\"places\":[\"公卫测试区\",\"甲街道\",\"乙街道\"]", "\"values\":[66.67,100.00,50.00]",
				"\"year\":\"2020\"", "\"unit\":\"%\"");

		assertThat(get(doctor, "/care/indicators/NO_SUCH_THING?orgUnit=440196").statusCode()).isEqualTo(404);
		assertThat(get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT?orgUnit=440196&year=1999").statusCode()).isEqualTo(400);
	}

	@Test
	void theDrillDownListsTheMaskedPersonsAndAuditsTheRead() throws Exception {
		HttpClient doctor = doctor();
		String what = "indicator ELDERLY_HEALTH_MGMT 440196 2020 denominator";

		long before = drillDowns(what);
		HttpResponse<String> page = get(doctor,
				"/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&year=2020&part=denominator&lang=zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("65岁以上老年人健康管理率 · 公卫测试区 · 2020年", "65岁及以上常住居民", "共 3 人", "记入访问审计",
				"href=\"/persons/" + e1 + "\"", "440196********", "甲街道", "乙街道", ">70岁<", ">男<", ">女<");
		assertThat(body.split("class=\"member-row\"")).hasSize(4);
		assertThat(body).containsPattern(">测\\*+\\d<").doesNotContain("4401961950").doesNotContain("4401961945");
		// one entry per person listed
		assertThat(drillDowns(what) - before).isEqualTo(3);

		// the numerator of one street: e3 alone
		String yi = get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196002&year=2020&part=numerator").body();
		assertThat(yi).contains("共 1 人", ">75岁<", "乙街道");
		assertThat(yi.split("class=\"member-row\"")).hasSize(2);
		// the infant death behind the infant mortality rate
		String infant = get(doctor, "/care/indicators/INFANT_MORTALITY/members?orgUnit=440196&year=2020&part=numerator").body();
		assertThat(infant).contains("婴儿死亡", "共 1 人", "href=\"/persons/" + c1 + "\"", ">0岁<");

		assertThat(get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&year=2020&part=everyone")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void thePagesComeInEnglish() throws Exception {
		HttpClient doctor = doctor();

		String overview = get(doctor, "/care?year=2020&lang=en").body();
		assertThat(overview).contains("Care Test District · Public health services and vital statistics",
				"Health-management rate of people aged 65+", "Vital statistics", ">66.67<", "Jia Subdistrict");
		String indicator = get(doctor, "/care/indicators/INFANT_MORTALITY?orgUnit=440196&year=2020").body();
		assertThat(indicator).contains("Infant mortality rate", "Streets in 2020", "Over the years", "Infant deaths", "Live births",
				">500.00<");
		String members = get(doctor, "/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&year=2020&part=denominator")
			.body();
		assertThat(members).contains("3 persons", "Residents aged 65+", "Male", "Female", "audit trail", "Yi Subdistrict");
	}

	@Test
	void aDoctorOfAnotherDistrictSeesNothingOfThisOne() throws Exception {
		HttpClient tianhe = user("doctor-care-tianhe", Role.DOCTOR, "440106");

		assertThat(get(tianhe, "/care?orgUnit=440196&year=2020").statusCode()).isEqualTo(403);
		assertThat(get(tianhe, "/care/indicators/ELDERLY_HEALTH_MGMT?orgUnit=440196001&year=2020").statusCode()).isEqualTo(403);
		HttpResponse<String> members = get(tianhe,
				"/care/indicators/ELDERLY_HEALTH_MGMT/members?orgUnit=440196&year=2020&part=denominator");
		assertThat(members.statusCode()).isEqualTo(403);
		assertThat(members.body()).doesNotContain("测*");
		assertThat(get(tianhe, "/care/indicators/ELDERLY_HEALTH_MGMT/chart.json?orgUnit=440196").statusCode()).isEqualTo(403);
		assertThat(get(tianhe, "/persons/" + e1).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from security.audit_event where actor = 'doctor-care-tianhe'").query(Long.class)
			.single()).isZero();
		// its own overview does not offer this district
		HttpResponse<String> own = get(tianhe, "/care?year=2020");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).doesNotContain("公卫测试区").doesNotContain("440196");
	}

	@Test
	void thePersonPageListsTheProgramsWithTheLastService() throws Exception {
		HttpClient doctor = doctor();

		String page = get(doctor, "/persons/" + h1 + "?lang=zh-CN").body();
		assertThat(page).contains("id=\"programs\"", "公卫服务");
		String hypertension = page.substring(page.indexOf("data-program=\"hypertension\""));
		assertThat(hypertension).containsSubsequence("高血压患者健康管理", "2018年1月1日", "在管", "2020年11月1日", "高血压患者随访");
		// 65 in 2025: in the elderly program, with no health check since the year of the 65th birthday
		assertThat(page.substring(page.indexOf("data-program=\"elderly\""))).containsSubsequence("65岁及以上老年人健康管理",
				"2025年6月15日", "尚无服务记录");
		assertThat(jdbc.sql("select count(*) from security.audit_event where person_id = ? and what = 'program status'")
			.param(h1).query(Long.class).single()).isPositive();

		assertThat(get(doctor, "/persons/" + d1).body()).contains("2型糖尿病患者健康管理", "已确诊，尚未随访");
		LocalDate visit = LocalDate.now(CHINA).minusWeeks(3);
		assertThat(get(doctor, "/persons/" + pregnant).body()).contains("孕产妇健康管理",
				visit.getYear() + "年" + visit.getMonthValue() + "月" + visit.getDayOfMonth() + "日", "产前检查");
		assertThat(get(doctor, "/persons/" + m1).body()).contains("未纳入基本公共卫生服务项目管理");
		assertThat(get(doctor, "/persons/" + h1 + "?lang=en").body()).contains("Public health programs", "Hypertension management",
				"Under management", "Hypertension follow-up");
	}

	@Test
	void aPregnancyLastsUntil42DaysAfterTheBirthAndTheDeadAreSeenOnTheirLastDay() {
		// m1: last period 2019-06-01, birth 2020-03-01: in the program until 2020-04-12
		assertThat(programStatus.of(m1, LocalDate.of(2020, 4, 12))).extracting(ProgramEnrolment::program)
			.containsExactly("pregnancy");
		ProgramEnrolment pregnancy = programStatus.of(m1, LocalDate.of(2020, 1, 1)).get(0);
		assertThat(pregnancy.since()).isEqualTo(LocalDate.of(2019, 6, 1));
		assertThat(pregnancy.lastService()).contains(LocalDate.of(2019, 8, 1));
		assertThat(pregnancy.lastServiceCode()).contains("prenatal");
		assertThat(programStatus.of(m1, LocalDate.of(2020, 4, 13))).isEmpty();
		// c1 died at two months: a child of the program on that day, whatever day is asked
		assertThat(programStatus.of(c1, LocalDate.of(2030, 1, 1))).extracting(ProgramEnrolment::program).containsExactly("child");
		// h1 was 60 in 2020: hypertension only; in 2025 he turns 65
		assertThat(programStatus.of(h1, LocalDate.of(2020, 12, 31))).extracting(ProgramEnrolment::program)
			.containsExactly("hypertension");
		assertThat(programStatus.of(h1, LocalDate.of(2025, 1, 1))).extracting(ProgramEnrolment::program)
			.containsExactly("hypertension", "elderly");
	}

	@Test
	void aPlanValueComputedFromRecordsLinksToItsIndicatorPage() throws Exception {
		// 光明区 has no streets: a hypertension patient of the district, managed to the specification in 2020
		CareRecords r = new CareRecords("cchg", "440311");
		String patient = r.person("1966-05-05", true, "440311");
		r.diagnosis(patient, "I10", "2017-03-03");
		for (String d : List.of("2020-01-15", "2020-04-15", "2020-07-15", "2020-10-15")) {
			r.bloodPressure(patient, r.service(patient, "htn-followup", d), d, 128, 78);
		}
		r.service(patient, "health-check", "2020-05-20");
		assertThat(records.storeAll(r.resources(), null)).noneMatch(StoreOutcome::rejected);
		// other tests may have had 光明区 counted already: count it again now rather than wait for the
		// background recomputation that a page would start
		indicators.refresh("440311");
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);
		String link = "href=\"/care/indicators/HTN_MGMT?orgUnit=440311&amp;year=2020\"";

		String dashboard = get(admin, "/plans/guangming-2021-2025?year=2020&lang=zh-CN").body();
		Matcher row = Pattern.compile("data-position=\"(\\d+)\"[^>]*>\\s*<td class=\"no\">4</td>").matcher(dashboard);
		assertThat(row.find()).as("row 4 of the Guangming plan").isTrue();
		String htn = dashboard.substring(row.start(), dashboard.indexOf("</tr>", row.start()));
		assertThat(htn).contains("高血压规范管理率", "业务记录", "class=\"from-records\"", link);
		assertThat(get(admin, "/plans/guangming-2021-2025/rows/" + row.group(1) + "?year=2020").body()).contains(link);
		assertThat(get(admin, "/indicators/HTN_MGMT?year=2020").body()).contains(link);
	}

	// --- helpers ---------------------------------------------------------------------------------

	private long drillDowns(String what) {
		return jdbc.sql("select count(*) from security.audit_event where actor = ? and action = 'drill_down' and what = ?")
			.params("doctor-care-440196", what)
			.query(Long.class)
			.single();
	}

	/** The overview's row of an indicator. */
	private static String row(String body, String code) {
		int start = body.indexOf("data-indicator=\"" + code + "\"");
		assertThat(start).as(code).isPositive();
		return body.substring(start, body.indexOf("</tr>", start));
	}

	private HttpClient doctor() throws Exception {
		return user("doctor-care-440196", Role.DOCTOR, DISTRICT);
	}

	private HttpClient user(String username, Role role, String orgUnit) throws Exception {
		String password = "care-password-" + username.length();
		try {
			security.createUser(username, username, password, role, orgUnit);
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		return signedIn(username, password);
	}

}
