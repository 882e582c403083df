package org.rhip.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rhip.care.indicator.MemberQuery;
import org.rhip.person.PersonApi;
import org.rhip.record.RecordApi;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Family-doctor contracting through the JSON API and the real database: teams, signing, renewal,
 * cancellation, one contract in force at a time (service and exclusion constraint), bad input naming
 * the field, key populations from records, the signing rates of a hand-built street and a team's
 * performance. Data in 东丽区 (120110), one street per test, so that no other test's persons meet them.
 */
class FamilyDoctorHttpTest extends IntegrationTest {

	private static final String HUAXIN = "120110007";

	private static final String HUAXIN_CHC = "120110-C003";

	private static final String DONGLIHU = "120110008";

	private static final String DONGLIHU_CHC = "120110-C002";

	private static final String WANXIN = "120110005";

	private static final String WANXIN_CHC = "120110-C007";

	private static final String XINLI = "120110010";

	private static final String XINLI_CHC = "120110-C010";

	private static final String HOSPITAL = "120110-H001";

	@Autowired
	SecurityApi security;

	@Autowired
	PersonApi persons;

	@Autowired
	RecordApi records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<MemberQuery> memberQueries;

	private final JsonMapper json = JsonMapper.builder().build();

	private Residents residents() {
		return new Residents(persons, records);
	}

	private String token(Role role, String orgUnit) {
		return security.createToken("fd-" + role.key() + "-" + System.nanoTime(), role, orgUnit);
	}

	private JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	/** A team of the institution serving the street (created, or found as it is). */
	private void team(String token, String code, String institution, String street) throws Exception {
		HttpResponse<String> saved = bearer("POST", "/api/care/teams", token, """
				{"code":"%s","name":"%s家庭医生团队","institutionCode":"%s","orgUnitCode":"%s",
				 "members":[{"role":"doctor","name":"王建华"},{"role":"nurse","name":"李秀兰"},
				            {"role":"public-health","name":"赵敏"},{"role":"specialist","name":"陈志强","institutionCode":"%s"}]}
				""".formatted(code, code, institution, street, HOSPITAL));
		assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
	}

	private HttpResponse<String> sign(String token, String resident, String team, String start, String more) throws Exception {
		return bearer("POST", "/api/care/contracts", token, "{%s,\"teamCode\":\"%s\",\"startDate\":\"%s\"%s}"
			.formatted(resident, team, start, more == null ? "" : "," + more));
	}

	private static String byId(Residents.Resident r) {
		return "\"idNumber\":\"" + r.idNumber + "\"";
	}

	private static String byPerson(Residents.Resident r) {
		return "\"personId\":" + r.personId;
	}

	private void assertRejected(HttpResponse<String> response, String field, String text) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
		assertThat(problem.get("detail").asString()).contains(text);
	}

	@Test
	void aTeamIsSavedByItsCodeAndSeenOnlyWithinTheScope() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		HttpResponse<String> created = bearer("POST", "/api/care/teams", clerk, """
				{"code":"FD-HX-T1","name":"华新街道全科团队","institutionCode":"120110-C003","orgUnitCode":"120110007",
				 "members":[{"role":"doctor","name":"刘伟"},{"role":"nurse","name":"张丽"}]}
				""");
		JsonNode team = ok(created, 201);
		assertThat(team.get("active").asBoolean()).isTrue();
		assertThat(team.get("members").findValuesAsString("role")).containsExactly("doctor", "nurse");
		HttpResponse<String> changed = bearer("POST", "/api/care/teams", clerk, """
				{"code":"FD-HX-T1","name":"华新街道全科团队","institutionCode":"120110-C003","orgUnitCode":"120110007",
				 "members":[{"role":"doctor","name":"刘伟"},{"role":"nurse","name":"张丽"},{"role":"public-health","name":"孙强"}]}
				""");
		assertThat(ok(changed, 200).get("members").size()).isEqualTo(3);
		assertThat(ok(bearer("GET", "/api/care/teams?orgUnit=" + HUAXIN, clerk, null), 200).findValuesAsString("code"))
			.contains("FD-HX-T1");
		// a clerk of 天河区 neither sees nor lists it
		String elsewhere = token(Role.CLERK, "440106");
		assertThat(bearer("GET", "/api/care/teams/FD-HX-T1", elsewhere, null).statusCode()).isEqualTo(403);
		assertThat(ok(bearer("GET", "/api/care/teams", elsewhere, null), 200).findValuesAsString("code"))
			.doesNotContain("FD-HX-T1");
		// a doctor writes contracts, not teams; a team needs a doctor and serves a street of its district
		assertThat(bearer("POST", "/api/care/teams", token(Role.DOCTOR, "120110"), """
				{"code":"FD-HX-T2","name":"x","institutionCode":"120110-C003","orgUnitCode":"120110007","members":[{"role":"doctor","name":"x"}]}
				""").statusCode()).isEqualTo(403);
		assertRejected(bearer("POST", "/api/care/teams", clerk, """
				{"code":"FD-HX-T3","name":"无医生团队","institutionCode":"120110-C003","orgUnitCode":"120110007","members":[{"role":"nurse","name":"x"}]}
				"""), "members", "doctor");
		assertRejected(bearer("POST", "/api/care/teams", clerk, """
				{"code":"FD-HX-T4","name":"团队","institutionCode":"120110-C003","orgUnitCode":"120110007","members":[{"role":"boss","name":"x"}]}
				"""), "members[0].role", "doctor, nurse");
		assertRejected(bearer("POST", "/api/care/teams", clerk, """
				{"code":"FD-HX-T5","name":"团队","institutionCode":"120110-C999","orgUnitCode":"120110007","members":[{"role":"doctor","name":"x"}]}
				"""), "institutionCode", "registry institution");
	}

	@Test
	void signRenewAndCancelKeepOneContractInForceAtATime() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-HX-01", HUAXIN_CHC, HUAXIN);
		team(clerk, "FD-HX-02", HUAXIN_CHC, HUAXIN);
		Residents.Resident grandma = residents().register(HUAXIN, LocalDate.of(1955, 3, 12), "402", "周桂英");

		JsonNode signed = ok(sign(clerk, byId(grandma), "FD-HX-01", "2024-03-01",
				"\"channel\":\"offline\",\"servicePackage\":\"elderly\",\"declaredTags\":[\"low-income\"]"), 201);
		String number = signed.get("contractNumber").asString();
		assertThat(number).startsWith("FD2024");
		assertThat(signed.get("personId").asLong()).isEqualTo(grandma.personId);
		assertThat(signed.get("endDate").asString()).as("one year by default").isEqualTo("2025-02-28");
		assertThat(signed.get("status").asString()).isEqualTo("active");
		assertThat(signed.get("declaredTags").get(0).asString()).isEqualTo("low-income");

		// a second contract while the first is in force: rejected, naming the start date, without the ID number
		HttpResponse<String> overlap = sign(clerk, byPerson(grandma), "FD-HX-02", "2024-09-01", null);
		assertRejected(overlap, "startDate", number);
		assertThat(overlap.body()).doesNotContain(grandma.idNumber);

		JsonNode renewal = ok(bearer("POST", "/api/care/contracts/" + number + "/renew", clerk, "{}"), 201);
		assertThat(renewal.get("startDate").asString()).isEqualTo("2025-03-01");
		assertThat(renewal.get("endDate").asString()).isEqualTo("2026-02-28");
		assertThat(renewal.get("renewedFrom").asString()).isEqualTo(number);
		assertThat(renewal.get("teamCode").asString()).isEqualTo("FD-HX-01");
		assertThat(renewal.get("servicePackage").asString()).isEqualTo("elderly");
		String renewed = renewal.get("contractNumber").asString();
		// renewing the same contract again would overlap the renewal
		assertRejected(bearer("POST", "/api/care/contracts/" + number + "/renew", clerk, "{}"), "startDate", renewed);

		JsonNode cancelled = ok(bearer("POST", "/api/care/contracts/" + renewed + "/cancel", clerk,
				"{\"date\":\"2025-06-01\",\"reason\":\"改签其他团队\"}"), 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.get("cancelledOn").asString()).isEqualTo("2025-06-01");
		assertRejected(bearer("POST", "/api/care/contracts/" + renewed + "/cancel", clerk,
				"{\"date\":\"2025-07-01\",\"reason\":\"再次\"}"), "status", "cancelled already");
		assertRejected(bearer("POST", "/api/care/contracts/" + number + "/cancel", clerk,
				"{\"date\":\"2025-07-01\",\"reason\":\"过期后\"}"), "date", "ended");
		// in force up to the day before the cancellation: another team from that day on
		assertRejected(sign(clerk, byPerson(grandma), "FD-HX-02", "2025-05-31", null), "startDate", renewed);
		JsonNode other = ok(sign(clerk, byPerson(grandma), "FD-HX-02", "2025-06-01", "\"endDate\":\"2026-05-31\""), 201);
		assertThat(other.get("renewedFrom").isNull()).isTrue();

		// the resident's contracts, newest first; the read is audited
		JsonNode all = ok(bearer("GET", "/api/care/contracts?personId=" + grandma.personId, clerk, null), 200);
		assertThat(all.findValuesAsString("contractNumber"))
			.containsExactly(other.get("contractNumber").asString(), renewed, number);
		assertThat(jdbc.sql("select count(*) from security.audit_event where person_id = ? and what = 'family doctor contracts'")
			.param(grandma.personId).query(Long.class).single()).isEqualTo(1);

		// the team's list: masked residents
		JsonNode page = ok(bearer("GET", "/api/care/teams/FD-HX-01/contracts?limit=10", clerk, null), 200);
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("周*英");
		assertThat(page.toString()).doesNotContain(grandma.idNumber).doesNotContain("桂");
		JsonNode onDay = ok(bearer("GET", "/api/care/teams/FD-HX-01/contracts?on=2024-12-31", clerk, null), 200);
		assertThat(onDay.get("total").asLong()).isEqualTo(1);
	}

	/**
	 * Two records of one resident, each with a contract: merged, the survivor keeps its 2024 contract, the
	 * other 2024 contract (in force on the same days) is cancelled from its start and the 2023 one moves
	 * along; an unmerge gives back both.
	 */
	@Test
	void contractsMoveWithAMergeAndBackWithAnUnmerge() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-HX-04", HUAXIN_CHC, HUAXIN);
		long survivor = residents().registerWithoutIdNumber(HUAXIN, LocalDate.of(1949, 4, 4), "欧阳明", "13300001111", "1");
		long merged = residents().registerWithoutIdNumber(HUAXIN, LocalDate.of(1949, 4, 4), "区志刚", "13300002222", "1");
		assertThat(merged).isNotEqualTo(survivor);
		String kept = ok(sign(clerk, "\"personId\":" + survivor, "FD-HX-04", "2024-01-01", null), 201).get("contractNumber").asString();
		String duplicate = ok(sign(clerk, "\"personId\":" + merged, "FD-HX-04", "2024-06-01", null), 201).get("contractNumber")
			.asString();
		String earlier = ok(sign(clerk, "\"personId\":" + merged, "FD-HX-04", "2023-01-01", "\"endDate\":\"2023-12-31\""), 201)
			.get("contractNumber").asString();
		ok(bearer("POST", "/api/persons/" + survivor + "/merge", clerk, "{\"merged\":" + merged + ",\"reason\":\"同一人：电话核实\"}"),
				200);
		JsonNode all = ok(bearer("GET", "/api/care/contracts?personId=" + survivor, clerk, null), 200);
		assertThat(all.findValuesAsString("contractNumber")).containsExactlyInAnyOrder(kept, duplicate, earlier);
		JsonNode cancelled = ok(bearer("GET", "/api/care/contracts/" + duplicate, clerk, null), 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.get("cancelledOn").asString()).isEqualTo("2024-06-01");

		ok(bearer("POST", "/api/persons/" + merged + "/unmerge", clerk, "{\"reason\":\"核实为两人\"}"), 200);
		assertThat(ok(bearer("GET", "/api/care/contracts?personId=" + merged, clerk, null), 200).findValuesAsString("contractNumber"))
			.containsExactlyInAnyOrder(duplicate, earlier);
		assertThat(ok(bearer("GET", "/api/care/contracts?personId=" + survivor, clerk, null), 200)
			.findValuesAsString("contractNumber")).containsExactly(kept);
	}

	@Test
	void theDatabaseItselfRefusesASecondContractInForce() {
		Residents.Resident r = residents().register(HUAXIN, LocalDate.of(1966, 6, 6), "513", "吴志明");
		long team = jdbc.sql("""
				insert into care.family_doctor_team (code, name, institution_code, org_unit_code)
				values ('FD-HX-DB', '约束测试团队', ?, ?) returning id
				""").params(HUAXIN_CHC, HUAXIN).query(Long.class).single();
		String insert = """
				insert into care.contract (contract_number, person_id, team_id, start_date, end_date, channel, service_package,
				    created_by)
				values (?, ?, ?, ?, ?, 'offline', 'basic', 'test')
				""";
		jdbc.sql(insert).params("DB-1", r.personId, team, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).update();
		assertThatThrownBy(() -> jdbc.sql(insert)
			.params("DB-2", r.personId, team, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 30)).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("contract_one_in_force");
		// the day after is free
		jdbc.sql(insert).params("DB-3", r.personId, team, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).update();
	}

	@Test
	void badContractsAreRejectedNamingTheFieldAndNeverEchoTheIdNumber() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-HX-03", HUAXIN_CHC, HUAXIN);
		Residents.Resident r = residents().register(HUAXIN, LocalDate.of(1972, 8, 9), "624", "郑淑芬");
		assertRejected(sign(clerk, byId(r), "FD-HX-03", "2024-05-01", "\"endDate\":\"2024-04-30\""), "endDate", "before");
		assertRejected(sign(clerk, byId(r), "FD-NOPE", "2024-05-01", null), "teamCode", "no family-doctor team");
		assertRejected(sign(clerk, byId(r), "FD-HX-03", "2024-05-01", "\"channel\":\"fax\""), "channel", "online or offline");
		assertRejected(sign(clerk, byId(r), "FD-HX-03", "2024-05-01", "\"declaredTags\":[\"elderly\"]"), "declaredTags",
				"disabled");

		String wrongCheck = r.idNumber.substring(0, 17) + (r.idNumber.endsWith("1") ? "2" : "1");
		HttpResponse<String> invalid = sign(clerk, "\"idNumber\":\"" + wrongCheck + "\"", "FD-HX-03", "2024-05-01", null);
		assertRejected(invalid, "idNumber", "check character");
		assertThat(invalid.body()).doesNotContain(wrongCheck);
		String unknown = Residents.idNumber("120110", LocalDate.of(1972, 8, 9), "999");
		HttpResponse<String> nobody = sign(clerk, "\"idNumber\":\"" + unknown + "\"", "FD-HX-03", "2024-05-01", null);
		assertRejected(nobody, "idNumber", "no resident");
		assertThat(nobody.body()).doesNotContain(unknown);

		Residents.Resident dead = residents().register(HUAXIN, LocalDate.of(1940, 2, 2), "735", "钱德胜",
				LocalDate.of(2023, 5, 1), null);
		assertRejected(sign(clerk, byId(dead), "FD-HX-03", "2024-01-01", null), "idNumber", "died");
		// lives in 天河区: the administrator sees the person, the 东丽 team does not serve them
		Residents.Resident elsewhere = residents().register("440106007", LocalDate.of(1981, 11, 11), "846", "冯建军");
		String admin = token(Role.ADMIN, null);
		assertRejected(sign(admin, byPerson(elsewhere), "FD-HX-03", "2024-01-01", null), "personId", "district");
		// an analyst reads but does not sign; a clerk of another district may not see the person
		assertThat(sign(token(Role.ANALYST, null), byId(r), "FD-HX-03", "2024-05-01", null).statusCode()).isEqualTo(403);
		assertThat(sign(token(Role.CLERK, "440106"), byPerson(r), "FD-HX-03", "2024-05-01", null).statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from care.contract where person_id = ?").param(r.personId).query(Long.class)
			.single()).isZero();
	}

	@Test
	void keyPopulationsComeFromAgeRecordsAndDeclaredTags() throws Exception {
		String doctor = token(Role.DOCTOR, "120110");
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-WX-01", WANXIN_CHC, WANXIN);
		Residents.Resident patient = residents().register(WANXIN, LocalDate.of(1990, 1, 15), "162", "孙丽娟")
			.diagnosis(WANXIN_CHC, "I10", LocalDate.of(2019, 5, 1))
			.diagnosis(WANXIN_CHC, "E11.9", LocalDate.of(2020, 1, 1))
			.diagnosis(HOSPITAL, "F20.0", LocalDate.of(2021, 1, 1))
			.diagnosis(HOSPITAL, "A15.0", LocalDate.of(2024, 2, 1))
			.diagnosis(WANXIN_CHC, "Z34.0", LocalDate.of(2024, 3, 1));
		assertThat(groups(doctor, patient, "2024-06-01")).containsExactly("pregnant", "hypertension", "diabetes",
				"severe-mental-disorder", "tuberculosis");
		// 42 weeks after the last menstrual period (2024-12-20) the pregnancy is over; TB a year after its diagnosis
		assertThat(groups(doctor, patient, "2024-12-20")).contains("pregnant");
		assertThat(groups(doctor, patient, "2024-12-21")).doesNotContain("pregnant");
		assertThat(groups(doctor, patient, "2025-03-01")).containsExactly("hypertension", "diabetes", "severe-mental-disorder");
		assertThat(groups(doctor, patient, "2019-04-30")).isEmpty();

		Residents.Resident turning65 = residents().register(WANXIN, LocalDate.of(1959, 6, 30), "273", "马国庆")
			.diagnosis(WANXIN_CHC, "I10", LocalDate.of(2018, 1, 1), "active", "refuted")
			.diagnosis(WANXIN_CHC, "A16.2", LocalDate.of(2024, 5, 1), "resolved", null);
		assertThat(groups(doctor, turning65, "2024-06-29")).as("refuted and resolved diagnoses count for nothing").isEmpty();
		assertThat(groups(doctor, turning65, "2024-06-30")).containsExactly("elderly");
		ok(sign(clerk, byPerson(turning65), "FD-WX-01", "2024-07-01", "\"declaredTags\":[\"disabled\"]"), 201);
		assertThat(groups(doctor, turning65, "2024-06-30")).containsExactly("elderly");
		assertThat(groups(doctor, turning65, "2024-07-01")).containsExactly("elderly", "disabled");

		Residents.Resident child = residents().register(WANXIN, LocalDate.of(2018, 4, 10), "384", "林小雨");
		assertThat(groups(doctor, child, "2025-04-09")).containsExactly("child");
		assertThat(groups(doctor, child, "2025-04-10")).isEmpty();
		assertThat(jdbc.sql("select count(*) from security.audit_event where person_id = ? and what = 'key population'")
			.param(child.personId).query(Long.class).single()).isEqualTo(2);
	}

	private List<String> groups(String token, Residents.Resident r, String on) throws Exception {
		JsonNode k = ok(bearer("GET", "/api/care/persons/" + r.personId + "/key-population?on=" + on, token, null), 200);
		assertThat(k.get("key").asBoolean()).isEqualTo(!k.get("groups").isEmpty());
		return k.get("groups").valueStream().map(JsonNode::asString).toList();
	}

	/**
	 * 东丽湖街道, hand-built. On 2024-12-31: members A (74, signed), B (hypertension), C (signed), D, E (aged 3,
	 * signed), F (pregnant, contract cancelled in October), I (declared disabled on a 2023 contract, expired),
	 * J (tuberculosis of 2022); not members: G (died 2024-08-01), H (lives elsewhere, signed). Signing rate
	 * 3 / 8; key population A, B, E, F, I: 2 / 5. On 2023-12-31: members A–F, I, J and G (alive then), only
	 * I's contract in force: 1 / 9; key population A, B, E, I (F's pregnancy begins in 2024, J's
	 * tuberculosis was diagnosed more than a year before): 1 / 4.
	 */
	@Test
	void signingRatesOfAHandBuiltStreet() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-DLH-01", DONGLIHU_CHC, DONGLIHU);
		Residents people = residents();
		Residents.Resident a = people.register(DONGLIHU, LocalDate.of(1950, 5, 1), "011", "甲大爷");
		Residents.Resident b = people.register(DONGLIHU, LocalDate.of(1985, 2, 2), "021", "乙先生")
			.diagnosis(DONGLIHU_CHC, "I11.9", LocalDate.of(2023, 6, 1));
		Residents.Resident c = people.register(DONGLIHU, LocalDate.of(1990, 7, 7), "031", "丙先生");
		people.register(DONGLIHU, LocalDate.of(1988, 1, 1), "041", "丁先生");
		Residents.Resident e = people.register(DONGLIHU, LocalDate.of(2021, 3, 3), "051", "戊宝宝");
		Residents.Resident f = people.register(DONGLIHU, LocalDate.of(1992, 4, 4), "062", "己女士")
			.diagnosis(DONGLIHU_CHC, "Z34", LocalDate.of(2024, 5, 1));
		people.register(DONGLIHU, LocalDate.of(1960, 1, 1), "071", "庚先生", LocalDate.of(2024, 8, 1), null);
		Residents.Resident h = people.register(DONGLIHU, LocalDate.of(1970, 1, 1), "081", "辛先生", null, false);
		Residents.Resident i = people.register(DONGLIHU, LocalDate.of(1975, 3, 3), "091", "壬先生");
		people.register(DONGLIHU, LocalDate.of(1980, 1, 2), "101", "癸先生")
			.diagnosis(DONGLIHU_CHC, "A15.0", LocalDate.of(2022, 3, 1));

		ok(sign(clerk, byPerson(a), "FD-DLH-01", "2024-03-01", null), 201);
		ok(sign(clerk, byPerson(c), "FD-DLH-01", "2024-06-01", null), 201);
		ok(sign(clerk, byPerson(e), "FD-DLH-01", "2024-01-01", "\"endDate\":\"2024-12-31\""), 201);
		String fContract = ok(sign(clerk, byPerson(f), "FD-DLH-01", "2024-05-10", null), 201).get("contractNumber").asString();
		ok(bearer("POST", "/api/care/contracts/" + fContract + "/cancel", clerk, "{\"date\":\"2024-10-01\",\"reason\":\"外出务工\"}"), 200);
		ok(sign(clerk, byPerson(h), "FD-DLH-01", "2024-02-01", null), 201);
		ok(sign(clerk, byPerson(i), "FD-DLH-01", "2023-01-01", "\"declaredTags\":[\"disabled\"]"), 201);

		assertThat(rate("FD_SIGNING_RATE", DONGLIHU)).containsExactly(List.of(2023, 9, 1), List.of(2024, 8, 3));
		assertThat(rate("FD_KEY_SIGNING_RATE", DONGLIHU)).containsExactly(List.of(2023, 4, 1), List.of(2024, 5, 2));
	}

	/** Members and numerator per year 2023–2024 of a member query, within one org unit. */
	private List<List<Integer>> rate(String indicator, String orgUnit) {
		MemberQuery query = memberQueries.stream().filter(q -> q.indicator().equals(indicator)).findFirst().orElseThrow();
		return jdbc.sql("select year, count(*)::int as members, count(*) filter (where numerator)::int as signed from ("
				+ query.sql() + ") m where org_unit_code = :unit group by year order by year")
			.param("from", 2023).param("to", 2024).param("unit", orgUnit)
			.query((rs, n) -> List.of(rs.getInt("year"), rs.getInt("members"), rs.getInt("signed")))
			.list();
	}

	/**
	 * 新立街道, team FD-XL-01 at its CHC. 2023: Q signed for the year and renewed; R from 1 February to
	 * 31 December, not renewed; S from 1 May, cancelled on 1 August. Services counted: Q's public-health
	 * visit and outpatient visit at the CHC (not the one at the hospital), R's public-health visit (not the
	 * outpatient visit before the contract), S's public-health visit (not the visit after the
	 * cancellation): 3 + 1. Expiring in 2023: Q's and R's, one renewed: 50%; in 2024 Q's renewal, not renewed: 0%.
	 */
	@Test
	void teamPerformanceCountsServicesAtTheTeamsInstitutionWhileUnderContract() throws Exception {
		String clerk = token(Role.CLERK, "120110");
		team(clerk, "FD-XL-01", XINLI_CHC, XINLI);
		Residents people = residents();
		Residents.Resident q = people.register(XINLI, LocalDate.of(1948, 9, 9), "111", "秦老伯")
			.visit(XINLI_CHC, LocalDate.of(2023, 4, 1), true)
			.visit(XINLI_CHC, LocalDate.of(2023, 5, 1), false)
			.visit(HOSPITAL, LocalDate.of(2023, 6, 1), false);
		Residents.Resident r = people.register(XINLI, LocalDate.of(1958, 10, 10), "121", "任先生")
			.visit(XINLI_CHC, LocalDate.of(2023, 1, 15), false)
			.visit(XINLI_CHC, LocalDate.of(2023, 7, 1), true);
		Residents.Resident s = people.register(XINLI, LocalDate.of(1962, 12, 12), "132", "沈女士")
			.visit(XINLI_CHC, LocalDate.of(2023, 6, 1), true)
			.visit(XINLI_CHC, LocalDate.of(2023, 9, 1), false);
		String qContract = ok(sign(clerk, byPerson(q), "FD-XL-01", "2023-01-01", null), 201).get("contractNumber").asString();
		ok(bearer("POST", "/api/care/contracts/" + qContract + "/renew", clerk, null), 201);
		ok(sign(clerk, byPerson(r), "FD-XL-01", "2023-02-01", "\"endDate\":\"2023-12-31\""), 201);
		String sContract = ok(sign(clerk, byPerson(s), "FD-XL-01", "2023-05-01", null), 201).get("contractNumber").asString();
		ok(bearer("POST", "/api/care/contracts/" + sContract + "/cancel", clerk, "{\"date\":\"2023-08-01\",\"reason\":\"搬家\"}"), 200);

		JsonNode y2023 = ok(bearer("GET", "/api/care/teams/FD-XL-01/performance?year=2023", clerk, null), 200);
		assertThat(Map.of("residents", y2023.get("contractedResidents").asLong(), "ph", y2023.get("publicHealthServices").asLong(),
				"op", y2023.get("outpatientVisits").asLong(), "all", y2023.get("servicesDelivered").asLong(),
				"expiring", y2023.get("contractsExpiring").asLong(), "renewed", y2023.get("contractsRenewed").asLong()))
			.isEqualTo(Map.of("residents", 3L, "ph", 3L, "op", 1L, "all", 4L, "expiring", 2L, "renewed", 1L));
		assertThat(y2023.get("renewalRate").decimalValue()).isEqualByComparingTo("50.00");
		JsonNode y2024 = ok(bearer("GET", "/api/care/teams/FD-XL-01/performance?year=2024", clerk, null), 200);
		assertThat(y2024.get("contractedResidents").asLong()).isEqualTo(1);
		assertThat(y2024.get("servicesDelivered").asLong()).isZero();
		// Q's renewal ends on 2024-12-31 and nothing renews it (yet)
		assertThat(y2024.get("contractsExpiring").asLong()).isEqualTo(1);
		assertThat(y2024.get("renewalRate").decimalValue()).isEqualByComparingTo("0");
		JsonNode y2022 = ok(bearer("GET", "/api/care/teams/FD-XL-01/performance?year=2022", clerk, null), 200);
		assertThat(y2022.get("renewalRate").isNull()).as("nothing expired in 2022").isTrue();
		JsonNode street = ok(bearer("GET", "/api/care/teams/performance?orgUnit=" + XINLI + "&year=2023", clerk, null), 200);
		assertThat(street.findValuesAsString("teamCode")).containsExactly("FD-XL-01");
	}

}
