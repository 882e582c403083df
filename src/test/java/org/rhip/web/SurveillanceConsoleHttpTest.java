package org.rhip.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;
import org.rhip.surveillance.CaseCard;
import org.rhip.surveillance.CaseCardInput;
import org.rhip.surveillance.SignalView;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The surveillance pages of the console through real HTTP, as an epidemiologist of Xinyi (信宜市)
 * uses them: the board with a red alert for a cholera case, the signal moved on through its form,
 * the epidemic curve and the report cards with their timeliness. Xinyi is used by no other test.
 */
class SurveillanceConsoleHttpTest extends IntegrationTest {

	private static final String XINYI = "440983";

	private static final String DONGZHEN = "440983001"; // 东镇街道

	private static final String YUDU = "440983002"; // 玉都街道

	private static final String HOSPITAL = "440983-H001";


	private static final RhipPrincipal CLERK = new RhipPrincipal("clerk-xinyi-http", Role.CLERK, Optional.of(XINYI), false);

	private static final RhipPrincipal EPI = new RhipPrincipal("epi-xinyi", Role.EPIDEMIOLOGIST, Optional.of(XINYI), false);

	@Autowired
	SecurityApi security;

	@Autowired
	SurveillanceApi surveillance;

	@Test
	void theBoardShowsARedAlertAndTheSignalMovesOnThroughItsForms() throws Exception {
		createUnlessThere("epi-xinyi", "epi-password-1", Role.EPIDEMIOLOGIST, XINYI);
		surveillance.report(card("cholera", null, DONGZHEN, now().minusHours(1)), CLERK);
		long id = signalOf("cholera", DONGZHEN);
		HttpClient epi = signedIn("epi-xinyi", "epi-password-1");

		HttpResponse<String> board = get(epi, "/surveillance?region=" + XINYI);
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("信号看板", "多点触发预警", "红色预警", "肠道传染病", "霍乱", "东镇街道", "甲类管理",
				"待处置信号", "新信号", "固定阈值法", "我的未读消息", "href=\"/surveillance/signals/" + id + "\"", ">传染病监测<");
		assertThat(board.body()).containsPattern("【甲类】东镇街道 霍乱 预警信号");

		String signalPage = "/surveillance/signals/" + id;
		String page = get(epi, signalPage).body();
		assertThat(page).contains("霍乱 · 东镇街道", "处置时间线", "发出信号", "转为：核实中", "现场调查记录", "data-curve",
				"/surveillance/curve.json?stream=cases&amp;subject=cholera&amp;orgUnit=" + DONGZHEN);
		assertThat(page).doesNotContain("转为：已排除");
		String token = csrf(page);

		// a move the workflow does not allow is refused next to its field
		HttpResponse<String> refused = post(epi, signalPage + "/status", token, Map.of("status", "closed", "note", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("data-field=\"status\">当前状态不能转为“已结案”<");

		HttpResponse<String> moved = post(epi, signalPage + "/status", token, Map.of("status", "verifying", "note", "已电话联系报告医生"));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(signalPage);
		page = get(epi, signalPage).body();
		assertThat(page).contains("已将信号转为“核实中”", "已电话联系报告医生", "转为：已排除", "转为：疑似事件", "epi-xinyi");
		assertThat(page.split("class=\"event-row\"")).hasSize(3);

		// excluding needs a reason: the note's error stands next to the note of that form
		HttpResponse<String> noReason = post(epi, signalPage + "/status", token, Map.of("status", "excluded", "note", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("data-field=\"note\">转为“已排除”须填写说明<");

		HttpResponse<String> noted = post(epi, signalPage + "/notes", token, Map.of("note", "患者已在县人民医院隔离治疗"));
		assertThat(noted.statusCode()).isEqualTo(302);
		page = get(epi, signalPage).body();
		assertThat(page).contains("已添加现场调查记录", "患者已在县人民医院隔离治疗");
		assertThat(page.split("class=\"event-row\"")).hasSize(4);
		assertThat(surveillance.signal(id, EPI).firstResponseAt()).isPresent();

		String english = get(epi, signalPage + "?lang=en").body();
		assertThat(english).contains("Response timeline", "Verifying", "Move to: Excluded", "Field note", "Cholera");

		// the notification is marked read from the board
		Matcher read = Pattern.compile("/surveillance/notifications/(\\d+)/read").matcher(get(epi, "/surveillance?region=" + XINYI).body());
		assertThat(read.find()).isTrue();
		HttpResponse<String> marked = post(epi, read.group(), token, Map.of("region", XINYI));
		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(get(epi, "/surveillance?region=" + XINYI).body()).doesNotContain(read.group());
		String englishBoard = get(epi, "/surveillance?lang=en&region=" + XINYI).body();
		assertThat(englishBoard).contains("Signal board", "Red alert", "Intestinal infections", "Cholera", "Dongzhen Subdistrict",
				"Open signals", ">Surveillance<");
	}

	@Test
	void onlyEpidemiologistsAndAdministratorsMoveASignal() throws Exception {
		surveillance.report(card("plague", null, DONGZHEN, now().minusHours(1)), CLERK);
		long id = signalOf("plague", DONGZHEN);
		createUnlessThere("analyst-surveillance", "analyst-password-3", Role.ANALYST, null);
		createUnlessThere("clerk-xinyi", "clerk-password-3", Role.CLERK, XINYI);

		HttpClient analyst = signedIn("analyst-surveillance", "analyst-password-3");
		String page = get(analyst, "/surveillance/signals/" + id).body();
		assertThat(page).contains("鼠疫", "仅疾控流行病学人员和系统管理员可以处置信号").doesNotContain("转为：核实中");
		assertThat(post(analyst, "/surveillance/signals/" + id + "/status", csrf(page), Map.of("status", "verifying"))
			.statusCode()).isEqualTo(403);

		HttpClient clerk = signedIn("clerk-xinyi", "clerk-password-3");
		String clerkPage = get(clerk, "/surveillance/signals/" + id).body();
		assertThat(post(clerk, "/surveillance/signals/" + id + "/status", csrf(clerkPage), Map.of("status", "verifying"))
			.statusCode()).isEqualTo(403);
		assertThat(surveillance.signal(id, EPI).status().key()).isEqualTo("new");
	}

	@Test
	void theCurveIsDrawnFromJsonWithItsThresholdsAndAlarmDays() throws Exception {
		surveillance.report(card("cholera", null, YUDU, now().minusHours(2)), CLERK);
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		String query = "stream=cases&subject=cholera&orgUnit=" + YUDU + "&from=" + today.minusDays(30) + "&to=" + today;

		HttpResponse<String> page = get(admin, "/surveillance/curve?" + query);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("霍乱 · 玉都街道 流行曲线", "甲类传染病", "固定阈值法", "报警日数", "data-curve",
				"/js/surveillance.js", "value=\"" + YUDU + "\" selected=\"selected\"");
		assertThat(page.body()).doesNotContain("<script>");

		HttpResponse<String> json = get(admin, "/surveillance/curve.json?" + query, "Accept", "application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"days\":[\"" + today.minusDays(30) + "\"", "\"method\":\"fixed\"",
				"\"name\":\"固定阈值法 阈值\"", "\"points\":[[\"" + today + "\",", "\"sum\":\"7 日合计（右轴）\"");

		String influenza = get(admin, "/surveillance/curve?subject=influenza&orgUnit=" + XINYI).body();
		assertThat(influenza).contains("流行性感冒 · 信宜市 流行曲线", "移动百分位数法", "7 日合计");
		assertThat(get(admin, "/surveillance/curve.json?subject=influenza&orgUnit=" + XINYI + "&from=" + today.minusDays(30)
				+ "&to=" + today).body()).contains("\"axis\":\"sum\"", "阈值（7 日合计，右轴）");
		assertThat(get(admin, "/surveillance/curve?subject=influenza&orgUnit=" + XINYI + "&lang=en").body())
			.contains("Influenza · Xinyi City epidemic curve", "moving percentile method judges the 7-day sum");
		assertThat(get(admin, "/surveillance/curve?subject=no-such-disease&orgUnit=" + XINYI).statusCode()).isEqualTo(400);
	}

	@Test
	void theCardListShowsTimelinessAndDuplicatesWithoutIdentifiers() throws Exception {
		String street = "440983101"; // 怀乡镇
		String id = idNumber("440983", "19850506", "317");
		CaseCard late = surveillance.report(card("hepatitis", id, street, now().minusHours(30)), CLERK);
		CaseCard onTime = surveillance.report(card("hepatitis", id, street, now().minusHours(3)), CLERK);
		assertThat(onTime.duplicateOf()).contains(late.id());
		HttpClient admin = signedIn("admin", ADMIN_PASSWORD);

		HttpResponse<String> page = get(admin, "/surveillance/cases?orgUnit=" + street);
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("传染病疫情报告及时率", "怀乡镇", "病毒性肝炎", "24 小时", "✓", "✗ 迟报", late.cardNo(), onTime.cardNo());
		assertThat(body).containsPattern("class=\"card-count\">2<").containsPattern("class=\"on-time-rate has-late\">50.0%<")
			.containsPattern("class=\"duplicate-count\">1<");
		String duplicateRow = body.substring(body.indexOf("data-card=\"" + onTime.cardNo() + "\""));
		duplicateRow = duplicateRow.substring(0, duplicateRow.indexOf("</tr>"));
		assertThat(duplicateRow).contains("<code>" + late.cardNo() + "</code>", "✓");
		assertThat(body).doesNotContain(id).doesNotContain("19850506");
		assertThat(get(admin, "/surveillance/cases?orgUnit=" + street + "&disease=cholera").body()).contains("所选范围内没有报告卡");
		assertThat(get(admin, "/surveillance/cases?orgUnit=" + street + "&lang=en").body())
			.contains("Reporting timeliness", "Viral hepatitis", "Late", "Duplicates");
		assertThat(get(admin, "/surveillance/cases?orgUnit=" + street + "&from=yesterday").statusCode()).isEqualTo(400);
	}

	// --- helpers ---------------------------------------------------------------------------------

	private long signalOf(String disease, String street) {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		return surveillance.signals(street, today.minusDays(1), today.plusDays(1), false, EPI).stream()
			.filter(s -> s.subject().equals(disease) && s.orgUnit().equals(street))
			.findFirst()
			.map(SignalView::id)
			.orElseThrow(() -> new AssertionError("no " + disease + " signal in " + street));
	}

	private static CaseCardInput card(String disease, String idNumber, String street, OffsetDateTime diagnosed) {
		return new CaseCardInput(null, disease, "clinical", idNumber, "male", 40, "其他", street, null,
				diagnosed, null, HOSPITAL, null);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
	}

	private static String idNumber(String area, String birth, String sequence) {
		String body = area + birth + sequence;
		return body + ResidentIdNumber.checkCharacter(body);
	}

	private void createUnlessThere(String username, String password, Role role, String orgUnit) {
		try {
			security.createUser(username, username, password, role, orgUnit);
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
	}


}
