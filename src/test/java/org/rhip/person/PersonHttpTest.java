package org.rhip.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person index through its JSON API, as a registration desk, a doctor and an administrator use
 * it: one person per ID number across institutions, checks naming the field, masked results, scope,
 * unmasking with a reason, merge and unmerge, and the audit trail of it all. Data in 乳源-free
 * 武江区 (440203) so that it meets no other test's persons.
 */
class PersonHttpTest extends IntegrationTest {

	private static final String STREET = "440203001"; // 惠民街道

	private static final String HOSPITAL = "440203-H001";

	private static final String OTHER_HOSPITAL = "440203-H002";

	@Autowired
	SecurityApi security;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void oneIdNumberIsOnePersonAcrossInstitutionsAndTheSameRecordTwiceIsNothingNew() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		String id = idNumber("440203", "19750611", "135");
		JsonNode first = register(clerk, "H001-MRN", "A-1001", HOSPITAL, id, "李建国", "1", "13800001111");
		assertThat(first.get("outcome").asString()).isEqualTo("NEW");
		JsonNode again = register(clerk, "H001-MRN", "A-1001", HOSPITAL, id, "李建国", "1", "13800001111");
		assertThat(again.get("outcome").asString()).isEqualTo("SAME_SOURCE");
		JsonNode elsewhere = register(clerk, "H002-MRN", "77", OTHER_HOSPITAL, id.substring(0, 6) + id.substring(8, 17), "李建国",
				null, null);
		assertThat(elsewhere.get("outcome").asString()).isEqualTo("ID_NUMBER");
		assertThat(elsewhere.get("personId").asLong()).isEqualTo(first.get("personId").asLong());
		assertThat(again.get("personId").asLong()).isEqualTo(first.get("personId").asLong());
	}

	@Test
	void badRegistrationsAreRejectedNamingTheField() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		String body = "44020319800101123";
		char wrong = ResidentIdNumber.checkCharacter(body) == '1' ? '2' : '1';
		assertRejected(clerk, Map.of("idNumber", body + wrong), "idNumber", "check character");
		String feb30 = "44020319800230123";
		assertRejected(clerk, Map.of("idNumber", feb30 + ResidentIdNumber.checkCharacter(feb30)), "idNumber", "not a date");
		assertRejected(clerk, Map.of("birthDate", "2099-01-01"), "birthDate", "future");
		assertRejected(clerk, Map.of("idNumber", idNumber("440203", "19800101", "124"), "sex", "1"), "sex", "contradicts");
		assertRejected(clerk, Map.of("birthDate", "1980-01-01", "deathDate", "1979-12-31"), "deathDate", "before");
		assertRejected(clerk, Map.of("orgUnitCode", "440203999"), "address", "unknown");
		assertRejected(clerk, Map.of("phone", "12ab"), "phone", "digits");
	}

	@Test
	void searchResultsAreMaskedScopedAndAudited() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		String id = idNumber("440203", "19600203", "246");
		long person = register(clerk, "H001-MRN", "A-2002", HOSPITAL, id, "王秀英", "2", "13912345678").get("personId").asLong();
		String doctor = token(Role.DOCTOR, "440203");
		HttpResponse<String> found = bearer("GET", "/api/persons?idNumber=" + id, doctor, null);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		JsonNode hit = json.readTree(found.body()).get(0);
		assertThat(hit.get("id").asLong()).isEqualTo(person);
		assertThat(hit.get("idNumber").asString()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(hit.get("name").asString()).isEqualTo("王*英");
		assertThat(hit.get("phone").asString()).isEqualTo("139****5678");
		assertThat(found.body()).doesNotContain(id).doesNotContain("13912345678").doesNotContain("秀");
		assertThat(audit(person, "search")).isEqualTo(1);
		// by name and phone within the doctor's scope
		HttpResponse<String> byName = bearer("GET", "/api/persons?name=" + java.net.URLEncoder.encode("王秀英",
				java.nio.charset.StandardCharsets.UTF_8) + "&phone=13912345678", doctor, null);
		assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
		assertThat(json.readTree(byName.body()).findValues("id")).extracting(JsonNode::asLong).contains(person);
		// a doctor of another district finds nothing and may not open the record
		String elsewhere = token(Role.DOCTOR, "440106");
		assertThat(json.readTree(bearer("GET", "/api/persons?idNumber=" + id, elsewhere, null).body()).size()).isZero();
		assertThat(bearer("GET", "/api/persons/" + person, elsewhere, null).statusCode()).isEqualTo(403);
	}

	@Test
	void unmaskingNeedsARoleThatMayAndAReasonAndIsAudited() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		String id = idNumber("440203", "19881212", "357");
		long person = register(clerk, "H001-MRN", "A-3003", HOSPITAL, id, "赵磊", "1", "13700007777").get("personId").asLong();
		String analyst = token(Role.ANALYST, null);
		assertThat(bearer("POST", "/api/persons/" + person + "/unmask", analyst, "{\"reason\":\"想看\"}").statusCode())
			.isEqualTo(403);
		String doctor = token(Role.DOCTOR, "440203");
		HttpResponse<String> noReason = bearer("POST", "/api/persons/" + person + "/unmask", doctor, "{\"reason\":\"\"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		HttpResponse<String> full = bearer("POST", "/api/persons/" + person + "/unmask", doctor, "{\"reason\":\"家庭医生随访核对身份\"}");
		assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
		assertThat(json.readTree(full.body()).get("idNumber").asString()).isEqualTo(id);
		assertThat(json.readTree(full.body()).get("phone").asString()).isEqualTo("13700007777");
		assertThat(jdbc.sql("select purpose from security.audit_event where person_id = ? and action = 'unmask'")
			.param(person).query(String.class).list()).containsExactly("家庭医生随访核对身份");
	}

	@Test
	void aHospitalSeesItsOwnPatientsFromElsewhere() throws Exception {
		// lives in 天河区 but was registered by a hospital of 武江区
		String clerk = token(Role.CLERK, "440203");
		long person = register(clerk, "H001-MRN", "A-4004", HOSPITAL, idNumber("440106", "19700101", "111"), "陈明", "1", null,
				"440106007").get("personId").asLong();
		String doctor = token(Role.DOCTOR, "440203");
		assertThat(bearer("GET", "/api/persons/" + person, doctor, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aMergeMovesTheRecordsAndAnUnmergeMovesExactlyThoseBack() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		long a = register(clerk, "H001-MRN", "A-5005", HOSPITAL, null, "孙丽", "2", "13600001234").get("personId").asLong();
		long b = register(clerk, "H002-MRN", "B-5005", OTHER_HOSPITAL, null, "周敏", "2", "13600009999").get("personId").asLong();
		assertThat(b).isNotEqualTo(a);
		HttpResponse<String> merged = bearer("POST", "/api/persons/" + a + "/merge", clerk,
				"{\"merged\":" + b + ",\"reason\":\"同一人：电话核实\"}");
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
		JsonNode survivor = json.readTree(bearer("GET", "/api/persons/" + a, clerk, null).body());
		assertThat(survivor.get("sources").size()).isEqualTo(2);
		assertThat(json.readTree(bearer("GET", "/api/persons/" + b, clerk, null).body()).get("person").get("status").asString())
			.isEqualTo("merged");
		// the second record of B now finds A
		assertThat(register(clerk, "H002-MRN", "B-5005", OTHER_HOSPITAL, null, "周敏", "2", null).get("personId").asLong())
			.isEqualTo(a);
		HttpResponse<String> unmerged = bearer("POST", "/api/persons/" + b + "/unmerge", clerk, "{\"reason\":\"核实为两人\"}");
		assertThat(unmerged.statusCode()).as(unmerged.body()).isEqualTo(200);
		assertThat(json.readTree(bearer("GET", "/api/persons/" + a, clerk, null).body()).get("sources").size()).isEqualTo(1);
		JsonNode restored = json.readTree(bearer("GET", "/api/persons/" + b, clerk, null).body());
		assertThat(restored.get("person").get("status").asString()).isEqualTo("active");
		assertThat(restored.get("sources").get(0).get("value").asString()).isEqualTo("B-5005");
		assertThat(restored.get("history").findValuesAsString("kind")).contains("create", "merge", "unmerge");
	}

	@Test
	void aProbableMatchIsLinkedAndALikelyTwinGoesToTheReviewQueue() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		long first = register(clerk, "H001-MRN", "A-7007", HOSPITAL, null, "黄志强", "1", "13511112222").get("personId").asLong();
		// another hospital's record: the traditional character, the same phone and birth date
		JsonNode same = register(clerk, "H002-MRN", "B-7007", OTHER_HOSPITAL, null, "黃志強", "1", "13511112222");
		assertThat(same.get("outcome").asString()).isEqualTo("PROBABILISTIC");
		assertThat(same.get("personId").asLong()).isEqualTo(first);
		// same birth date, phone and street, another given name: a twin or the same person? A person decides.
		JsonNode twin = register(clerk, "H002-MRN", "B-7008", OTHER_HOSPITAL, null, "黄志刚", "1", "13511112222");
		assertThat(twin.get("outcome").asString()).isEqualTo("REVIEW");
		assertThat(twin.get("personId").asLong()).isNotEqualTo(first);
		JsonNode queue = json.readTree(bearer("GET", "/api/persons/review", clerk, null).body());
		JsonNode item = null;
		for (JsonNode i : queue) {
			if (i.get("personId").asLong() == twin.get("personId").asLong()) {
				item = i;
			}
		}
		assertThat(item).as(queue.toString()).isNotNull();
		assertThat(item.get("candidateId").asLong()).isEqualTo(first);
		assertThat(json.readTree(item.get("weights").asString()).get("name").get("level").asString()).isEqualTo("different");
		assertThat(item.get("weights").asString()).doesNotContain("志");
		HttpResponse<String> decided = bearer("POST", "/api/persons/review/" + item.get("id").asLong(), clerk,
				"{\"decision\":\"different\",\"note\":\"双胞胎，电话为家庭电话\"}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(json.readTree(bearer("GET", "/api/persons/" + twin.get("personId").asLong(), clerk, null).body())
			.get("person").get("status").asString()).isEqualTo("active");
		assertThat(bearer("POST", "/api/persons/review/" + item.get("id").asLong(), clerk,
				"{\"decision\":\"same\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void twoPersonsWithDifferentIdNumbersCannotBeMerged() throws Exception {
		String clerk = token(Role.CLERK, "440203");
		long a = register(clerk, "H001-MRN", "A-6006", HOSPITAL, idNumber("440203", "19900101", "111"), "周一", "1", null)
			.get("personId").asLong();
		long b = register(clerk, "H001-MRN", "A-6007", HOSPITAL, idNumber("440203", "19900101", "131"), "周一", "1", null)
			.get("personId").asLong();
		HttpResponse<String> refused = bearer("POST", "/api/persons/" + a + "/merge", clerk, "{\"merged\":" + b + ",\"reason\":\"x y\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("different ID numbers");
	}

	@Test
	void theAuditTrailCannotBeChangedOrEmptied() {
		jdbc.sql("insert into security.audit_event (actor, actor_kind, action, what) values ('t', 'system', 'read', 'test')").update();
		assertThatThrownBy(() -> jdbc.sql("update security.audit_event set actor = 'x'").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from security.audit_event").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate security.audit_event").update()).hasMessageContaining("append-only");
	}

	private JsonNode register(String token, String system, String value, String institution, String idNumber, String name,
			String sex, String phone) throws Exception {
		return register(token, system, value, institution, idNumber, name, sex, phone, STREET);
	}

	private JsonNode register(String token, String system, String value, String institution, String idNumber, String name,
			String sex, String phone, String orgUnit) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("system", system);
		body.put("value", value);
		body.put("institution", institution);
		body.put("idNumber", idNumber);
		body.put("name", name);
		body.put("sex", sex);
		body.put("phone", phone);
		body.put("orgUnitCode", orgUnit);
		if (idNumber == null) {
			body.put("birthDate", "1985-04-05");
		}
		HttpResponse<String> response = bearer("POST", "/api/persons", token, json.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private void assertRejected(String token, Map<String, String> fields, String field, String reason) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("system", "H001-MRN");
		body.put("value", "bad-" + System.nanoTime());
		HttpResponse<String> response = bearer("POST", "/api/persons", token, json.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
		assertThat(problem.get("detail").asString()).contains(reason);
		if (fields.containsKey("idNumber")) {
			assertThat(response.body()).doesNotContain(fields.get("idNumber").substring(6, 14));
		}
	}

	private long audit(long person, String action) {
		return jdbc.sql("select count(*) from security.audit_event where person_id = ? and action = ?")
			.params(person, action)
			.query(Long.class)
			.single();
	}

	private String token(Role role, String orgUnit) {
		return security.createToken("person-" + role.key() + "-" + System.nanoTime(), role, orgUnit);
	}

	static String idNumber(String area, String birth, String sequence) {
		String body = area + birth + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
