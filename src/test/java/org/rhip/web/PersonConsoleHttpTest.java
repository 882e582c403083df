package org.rhip.web;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rhip.person.LinkOutcome;
import org.rhip.person.LinkResult;
import org.rhip.person.PersonApi;
import org.rhip.person.SourcePatient;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.RecordApi;
import org.rhip.record.StoreOutcome;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person pages of the console through real HTTP, as a doctor, a data clerk, an analyst and an
 * administrator of Xinyi (信宜市) use them: the search with masked results, the person page with its
 * source records and history, unmasking with a reason, merge and unmerge, the review queue, and
 * scope. No other test registers persons in Xinyi.
 */
class PersonConsoleHttpTest extends IntegrationTest {

	private static final String XINYI = "440983";

	private static final String DONGZHEN = "440983001"; // 东镇街道

	private static final String HUAIXIANG = "440983101"; // 怀乡镇

	private static final String HOSPITAL = "440983-H001"; // 信宜市人民医院

	private static final String TCM_HOSPITAL = "440983-H002"; // 信宜市中医院

	@Autowired
	SecurityApi security;

	@Autowired
	PersonApi persons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordApi recordApi;

	@Test
	void theSearchShowsMaskedResultsAndNeverTheFullIdNumber() throws Exception {
		String id = idNumber(XINYI, "19600203", "246");
		long person = register("XY-H001-MRN", "S-1001", HOSPITAL, id, "钟秀英", "2", "13912345678", DONGZHEN).personId();
		HttpClient doctor = doctor();

		HttpResponse<String> form = get(doctor, "/persons");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("居民档案查询", ">居民档案<", "身份证号", "出生日期", "疑似重复审核");

		HttpResponse<String> found = post(doctor, "/persons", csrf(form.body()), Map.of("idNumber", id));
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("查询结果（1 人）", "钟*英", "440983********" + id.substring(14), "139****5678", "女",
				"1960年2月3日", "东镇街道", "href=\"/persons/" + person + "\"");
		assertThat(found.body()).doesNotContain(id).doesNotContain("13912345678").doesNotContain("钟秀英");
		assertThat(audits(person, "search")).isEqualTo(1);

		// by name and birth date, in English
		HttpResponse<String> english = post(doctor, "/persons?lang=en", csrf(form.body()),
				Map.of("name", "钟秀英", "birthDate", "1960-02-03"));
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Results (1)", "Female", "February 3, 1960", "Dongzhen Subdistrict", "钟*英")
			.doesNotContain("钟秀英");
		assertThat(get(doctor, "/persons").body()).contains("Find a person");
	}

	@Test
	void aWrongCheckCharacterIsShownNextToTheIdNumberWithoutRepeatingIt() throws Exception {
		String body = XINYI + "19700101" + "135";
		String wrong = body + (ResidentIdNumber.checkCharacter(body) == '1' ? '2' : '1');
		HttpClient doctor = doctor();
		String token = csrf(get(doctor, "/persons?lang=zh-CN").body());

		HttpResponse<String> refused = post(doctor, "/persons", token, Map.of("idNumber", wrong));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("data-field=\"idNumber\">身份证号的校验码不正确<").doesNotContain(wrong)
			.doesNotContain("查询结果");
		assertThat(post(doctor, "/persons", token, Map.of("birthDate", "1960-2-30")).body())
			.contains("data-field=\"birthDate\">请按 2025-03-01 的格式填写日期<");
		assertThat(post(doctor, "/persons", token, Map.of("name", " ")).body())
			.contains("data-field=\"q\">请至少填写一项查询条件<");
		assertThat(post(doctor, "/persons?lang=en", token, Map.of("idNumber", wrong)).body())
			.contains("data-field=\"idNumber\">The check character of the ID number is wrong<");
	}

	@Test
	void thePersonPageShowsTheIdentityMaskedWithItsSourceRecordsAndHistory() throws Exception {
		String id = idNumber(XINYI, "19550817", "319");
		long person = register("XY-H001-MRN", "S-2001", HOSPITAL, id, "梁国栋", "1", "13600002222", DONGZHEN).personId();
		LinkResult second = register("XY-H002-MRN", "T-77", TCM_HOSPITAL, id, "梁国栋", null, null, null);
		assertThat(second.outcome()).isEqualTo(LinkOutcome.ID_NUMBER);
		HttpClient doctor = doctor();

		HttpResponse<String> page = get(doctor, "/persons/" + person + "?lang=zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("档案 #" + person, "梁*栋", "440983********" + id.substring(14), "136****2222", ">男<",
				"1955年8月17日", "东镇街道", "在册", "信宜市人民医院", "信宜市中医院", "XY-H002-MRN", "T-77", "新建档案",
				"身份证号相同", "建档", "关联来源记录", "查看完整身份信息", "合并重复档案", "身份信息已脱敏显示");
		assertThat(page.body()).doesNotContain(id).doesNotContain("13600002222").doesNotContain("梁国栋")
			.doesNotContain("id=\"audit\"");
		assertThat(page.body().split("class=\"source-row\"")).hasSize(3);
		assertThat(audits(person, "read")).isGreaterThanOrEqualTo(1);

		String english = get(doctor, "/persons/" + person + "?lang=en").body();
		assertThat(english).contains("Person #" + person, "Male", "August 17, 1955", "Dongzhen Subdistrict", "Same ID number",
				"New person", "Linkage history", "Show identifiers in full").doesNotContain(id);

		// an administrator also sees who read the record
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);
		String adminPage = get(admin, "/persons/" + person + "?lang=zh-CN").body();
		assertThat(adminPage).contains("id=\"audit\"", "访问审计", "doctor-xinyi-persons", "查阅", "person page");
	}

	@Test
	void unmaskingNeedsAReasonAndShowsTheIdentifiersOnThatResponseOnly() throws Exception {
		String id = idNumber(XINYI, "19881212", "357");
		long person = register("XY-H001-MRN", "S-3001", HOSPITAL, id, "黎志强", "1", "13700007777", DONGZHEN).personId();
		HttpClient doctor = doctor();
		String path = "/persons/" + person;
		String token = csrf(get(doctor, path + "?lang=zh-CN").body());

		HttpResponse<String> noReason = post(doctor, path + "/unmask", token, Map.of("reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("data-field=\"reason\">请填写查看完整身份信息的理由<").doesNotContain(id);

		HttpResponse<String> full = post(doctor, path + "/unmask", token, Map.of("reason", "家庭医生随访核对身份"));
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).contains(id, "黎志强", "13700007777", "仅在本页面显示一次", "家庭医生随访核对身份");
		assertThat(full.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(jdbc.sql("select purpose from security.audit_event where person_id = ? and action = 'unmask'")
			.param(person).query(String.class).list()).containsExactly("家庭医生随访核对身份");

		// the next page is masked again: nothing was kept in the session
		assertThat(get(doctor, path).body()).doesNotContain(id).doesNotContain("13700007777").contains("身份信息已脱敏显示");

		// an analyst neither sees the form nor may post it
		HttpClient analyst = user("analyst-persons", "analyst-password-9", Role.ANALYST, null);
		String analystPage = get(analyst, path).body();
		assertThat(analystPage).contains("黎*强").doesNotContain("unmask-form").doesNotContain("merge-form");
		assertThat(post(analyst, path + "/unmask", csrf(analystPage), Map.of("reason", "想看看")).statusCode()).isEqualTo(403);
	}

	@Test
	void aDoctorOfAnotherDistrictGetsTheForbiddenPageAndFindsNoOne() throws Exception {
		String id = idNumber(XINYI, "19900505", "418");
		long person = register("XY-H001-MRN", "S-4001", HOSPITAL, id, "蔡美玲", "2", null, DONGZHEN).personId();
		HttpClient tianhe = user("doctor-tianhe-persons", "doctor-password-8", Role.DOCTOR, "440106");

		HttpResponse<String> page = get(tianhe, "/persons/" + person);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("无权访问").doesNotContain("蔡*玲");
		HttpResponse<String> search = post(tianhe, "/persons", csrf(get(tianhe, "/persons").body()), Map.of("idNumber", id));
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("查询结果（0 人）", "未找到符合条件的居民");
		assertThat(get(tianhe, "/persons/99999999").statusCode()).isEqualTo(404);
	}

	@Test
	void aClerkMergesADuplicateAndUndoesIt() throws Exception {
		long a = register("XY-C001-MRN", "M-1", "440983-C001", null, "谭晓燕", "2", "13500001111", HUAIXIANG, "1991-04-05")
			.personId();
		// nothing alike: the index keeps them apart, a clerk who knows better merges them
		long b = register("XY-H001-MRN", "M-2", HOSPITAL, null, "韦志明", "1", "13500002222", DONGZHEN, "1988-11-02").personId();
		assertThat(b).isNotEqualTo(a);
		HttpClient clerk = user("clerk-xinyi-persons", "clerk-password-7", Role.CLERK, XINYI);
		String path = "/persons/" + a;
		String token = csrf(get(clerk, path + "?lang=zh-CN").body());

		HttpResponse<String> self = post(clerk, path + "/merge", token, Map.of("merged", String.valueOf(a), "reason", "同一人"));
		assertThat(self.statusCode()).isEqualTo(400);
		assertThat(self.body()).contains("data-field=\"merged\">不能将档案合并到它自己<");
		HttpResponse<String> unknown = post(clerk, path + "/merge", token, Map.of("merged", "99999999", "reason", "同一人"));
		assertThat(unknown.body()).contains("data-field=\"merged\">没有档案号为 99999999 的档案<");
		HttpResponse<String> noReason = post(clerk, path + "/merge", token, Map.of("merged", String.valueOf(b), "reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("data-field=\"reason\">请填写理由<", "value=\"" + b + "\"");

		HttpResponse<String> merged = post(clerk, path + "/merge", token,
				Map.of("merged", String.valueOf(b), "reason", "电话核实为同一人"));
		assertThat(merged.statusCode()).isEqualTo(302);
		assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith(path);
		String survivor = get(clerk, path).body();
		assertThat(survivor).contains("已将档案 #" + b + " 合并到本档案", "合并转入", "电话核实为同一人");
		assertThat(survivor.split("class=\"source-row\"")).hasSize(3);
		String mergedPage = get(clerk, "/persons/" + b).body();
		assertThat(mergedPage).contains("已合并", "本档案已合并到", "href=\"/persons/" + a + "\"", "unmerge-form")
			.doesNotContain("class=\"stack merge-form\"");

		HttpResponse<String> refused = post(clerk, "/persons/" + b + "/unmerge", token, Map.of("reason", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("data-field=\"reason\">请填写理由<");
		HttpResponse<String> unmerged = post(clerk, "/persons/" + b + "/unmerge", token, Map.of("reason", "核实为两人"));
		assertThat(unmerged.statusCode()).isEqualTo(302);
		String restored = get(clerk, "/persons/" + b).body();
		assertThat(restored).contains("已撤销合并", "在册", "撤销合并转回", "核实为两人");
		assertThat(get(clerk, path).body().split("class=\"source-row\"")).hasSize(2);
		assertThat(get(clerk, "/persons/" + b + "?lang=en").body()).contains("Active", "Moved back by an unmerge", "Unmerged");
	}

	@Test
	void aReviewDecisionMergesAndTheNextOpenItemFollows() throws Exception {
		// the same name and town but nothing else: a possible match, filed for review
		LinkResult first = reviewPair("R-1", "欧阳惠兰", "1977-09-30", "13300003333");
		LinkResult second = reviewPair("R-2", "司徒家明", "1969-01-15", "13300004444");
		HttpClient clerk = user("clerk-huaixiang", "clerk-password-6", Role.CLERK, HUAIXIANG);

		HttpResponse<String> queue = get(clerk, "/persons/review?lang=zh-CN");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("疑似重复审核", "待审核（2）", "href=\"/persons/" + first.personId() + "\"");
		Matcher items = Pattern.compile("data-review=\"(\\d+)\"").matcher(queue.body());
		assertThat(items.find()).isTrue();
		long item = Long.parseLong(items.group(1));
		assertThat(items.find()).isTrue();
		long next = Long.parseLong(items.group(1));

		String page = get(clerk, "/persons/review/" + item).body();
		assertThat(page).contains("审核 #" + item, "待审核", "新档案", "疑似同一人", "欧**兰", "怀乡镇", "逐项比较",
				"同一人（合并两份档案）", "怀乡镇中心卫生院").doesNotContain("欧阳惠兰").doesNotContain("13300003333");
		assertThat(page.split("class=\"field-row")).hasSize(7);
		// the matcher's per-field weights mark the lines: the names agree exactly
		assertThat(page).containsPattern("data-field=\"name\" data-agreement=\"agree\">\\s*<th scope=\"row\">姓名</th>[\\s\\S]*?完全一致");

		HttpResponse<String> undecided = post(clerk, "/persons/review/" + item, csrf(page), Map.of("note", "x"));
		assertThat(undecided.statusCode()).isEqualTo(400);
		assertThat(undecided.body()).contains("data-field=\"decision\">请选择判定结果");

		HttpResponse<String> same = post(clerk, "/persons/review/" + item, csrf(page),
				Map.of("decision", "same", "note", "出生日期与电话经本人核实"));
		assertThat(same.statusCode()).isEqualTo(302);
		assertThat(same.headers().firstValue("Location").orElseThrow()).endsWith("/persons/review/" + next);
		assertThat(get(clerk, "/persons/review/" + next).body()).contains("审核 #" + item + "：已判定为同一人并合并");
		String candidate = get(clerk, "/persons/" + candidateOf(first)).body();
		assertThat(candidate.split("class=\"source-row\"")).hasSize(3);
		assertThat(get(clerk, "/persons/" + first.personId()).body()).contains("本档案已合并到");
		assertThat(get(clerk, "/persons/review/" + item).body()).contains("已由 clerk-huaixiang", "同一人")
			.doesNotContain("decision-form");

		HttpResponse<String> different = post(clerk, "/persons/review/" + next, csrf(page),
				Map.of("decision", "different", "note", "父子同名"));
		assertThat(different.statusCode()).isEqualTo(302);
		assertThat(different.headers().firstValue("Location").orElseThrow()).endsWith("/persons/review");
		assertThat(get(clerk, "/persons/review").body()).contains("审核 #" + next + "：已判定为不同的人", "没有待审核的记录");
		assertThat(persons.person(second.personId(), "test").status()).isEqualTo("active");
		assertThat(get(clerk, "/persons/review?lang=en").body()).contains("Review queue", "Nothing to review");
		assertThat(get(clerk, "/persons/review/" + next + "?lang=en").body()).contains("Field by field", "Different persons");
	}

	@Test
	void thePersonPageShowsTheRecordTimelineByYearAndTheChartsReadTheirJson() throws Exception {
		PatientRecords records = new PatientRecords("19580704", "219", "严", "国华", true, "13622220000", DONGZHEN);
		var first = records.visit("2023-06-12T09:30:00+08:00", "高血压随访", 152, 96);
		records.fastingGlucose(first, "2023-06-12T09:35:00+08:00", 133.3, "mg/dL");
		records.immunization("2023-10-20", "141", "流感疫苗", 1);
		var second = records.visit("2024-03-05T10:00:00+08:00", "糖尿病随访", 138, 86);
		records.diagnosis(second, "2024-03-05", "E11.9", "2型糖尿病");
		records.fastingGlucose(second, "2024-03-05T10:05:00+08:00", 7.8, "mmol/L");
		records.hba1c(second, "2024-03-05T10:06:00+08:00", 7.1);
		records.labReport(second, "2024-03-05T11:00:00+08:00", "24331-1", "血脂四项");
		records.prescription(second, "2024-03-05T10:30:00+08:00", "17767", "苯磺酸氨氯地平片 5mg");
		assertThat(recordApi.storeAll(records.resources(), HOSPITAL)).noneMatch(StoreOutcome::rejected);
		long person = persons.personOfSource("Patient", records.patientId).orElseThrow();
		HttpClient doctor = doctor();

		String page = get(doctor, "/persons/" + person + "?lang=zh-CN").body();
		assertThat(page).contains("健康档案时间线", "血压与血糖", "data-vitals=\"blood-pressure\"", "/js/vitals.js",
				"/persons/" + person + "/vitals.json", "信宜市人民医院").doesNotContain(records.idNumber);
		assertThat(page).doesNotContain("<script>");
		// newest year first, and on one day the visit before what came of it
		assertThat(page.indexOf("data-year=\"2024\"")).isLessThan(page.indexOf("data-year=\"2023\""));
		String year2024 = page.substring(page.indexOf("data-year=\"2024\""), page.indexOf("data-year=\"2023\""));
		assertThat(year2024).containsSubsequence("3月5日", "就诊", "糖尿病随访", "门诊", "诊断", "2型糖尿病", "E11.9",
				"检查报告", "血脂四项", "检验", "用药", "苯磺酸氨氯地平片 5mg", "处方");
		String year2023 = page.substring(page.indexOf("data-year=\"2023\""));
		assertThat(year2023).containsSubsequence("10月20日", "接种", "流感疫苗", "第 1 剂", "6月12日", "高血压随访");
		assertThat(audits(person, "read")).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from security.audit_event where person_id = ? and what = 'record timeline'")
			.param(person).query(Long.class).single()).isEqualTo(1);

		HttpResponse<String> json = get(doctor, "/persons/" + person + "/vitals.json", "Accept", "application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"name\":\"收缩压\"", "[\"2023-06-12T09:30+08:00\",152]", "[\"2024-03-05T10:00+08:00\",138]",
				"\"name\":\"舒张压\"", "[\"2023-06-12T09:30+08:00\",96]", "\"reference\":140",
				// 133.3 mg/dL ÷ 18.016 = 7.4 mmol/L
				"\"name\":\"空腹血糖\"", "[\"2023-06-12T09:35+08:00\",7.4]", "[\"2024-03-05T10:05+08:00\",7.8]",
				"\"name\":\"糖化血红蛋白\"", "[\"2024-03-05T10:06+08:00\",7.1]", "\"referenceLabel\":\"6.5%\"");
		assertThat(get(doctor, "/persons/" + person + "/vitals.json?lang=en").body()).contains("\"name\":\"Systolic\"",
				"\"name\":\"Fasting glucose\"");
		String english = get(doctor, "/persons/" + person + "?lang=en").body();
		assertThat(english).contains("Record timeline", "Blood pressure and glucose", "Encounter", "Outpatient", "Prescription",
				"dose 1", "Mar 5");

		// another district's doctor reads neither the page nor the values
		HttpClient tianhe = user("doctor-tianhe-persons", "doctor-password-8", Role.DOCTOR, "440106");
		assertThat(get(tianhe, "/persons/" + person + "/vitals.json").statusCode()).isEqualTo(403);
	}

	// --- helpers ---------------------------------------------------------------------------------

	/** A person of 怀乡镇 and a second record with only the same name and town (score 8 + 3 = 11: review). */
	private LinkResult reviewPair(String value, String name, String birth, String phone) {
		register("XY-C001-MRN", value + "a", "440983-C001", null, name, "2", phone, HUAIXIANG, birth);
		LinkResult review = register("XY-H001-MRN", value + "b", HOSPITAL, null, name, null, null, HUAIXIANG, null);
		assertThat(review.outcome()).as("the second record of " + value).isEqualTo(LinkOutcome.REVIEW);
		return review;
	}

	private long candidateOf(LinkResult review) {
		return jdbc.sql("select candidate_person_id from person.review_item where person_id = ?")
			.param(review.personId())
			.query(Long.class)
			.single();
	}

	private HttpClient doctor() throws Exception {
		return user("doctor-xinyi-persons", "doctor-password-9", Role.DOCTOR, XINYI);
	}

	private HttpClient user(String username, String password, Role role, String orgUnit) throws Exception {
		try {
			security.createUser(username, username, password, role, orgUnit);
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		return signedIn(username, password);
	}

	private LinkResult register(String system, String value, String institution, String idNumber, String name, String sex,
			String phone, String orgUnit) {
		return register(system, value, institution, idNumber, name, sex, phone, orgUnit, null);
	}

	/** Registered as the system (no signed-in user in the test's thread). */
	private LinkResult register(String system, String value, String institution, String idNumber, String name, String sex,
			String phone, String orgUnit, String birthDate) {
		return persons.register(new SourcePatient(system, value, institution, List.of(), idNumber, List.of(), name, sex,
				birthDate == null ? null : LocalDate.parse(birthDate), phone, orgUnit, null, true, true, null));
	}

	private long audits(long person, String action) {
		return jdbc.sql("select count(*) from security.audit_event where person_id = ? and action = ?")
			.params(person, action)
			.query(Long.class)
			.single();
	}

	static String idNumber(String area, String birth, String sequence) {
		String body = area + birth + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
