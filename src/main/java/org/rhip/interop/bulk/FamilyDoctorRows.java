package org.rhip.interop.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rhip.care.FamilyDoctorApi;
import org.rhip.care.FamilyDoctorTeam;
import org.rhip.care.TeamMember;
import org.rhip.care.TeamRole;

/**
 * 家庭医生团队 / 家庭医生签约 (family-doctor templates): rows that are no FHIR resources but teams and
 * contracts of the care module ({@link FamilyDoctorApi#importTeams}, {@link FamilyDoctorApi#importContracts}).
 * A row is read into the care module's input here (cell syntax: dates, lists, Chinese values); the care
 * module checks the rest and names its fields, which {@link #columns} maps back to the columns as
 * headed in the file.
 */
final class FamilyDoctorRows {

	private FamilyDoctorRows() {
	}

	/** A row read into the care module's input, with the column (as headed) of each of its fields. */
	record Item(String kind, Object value, Map<String, String> columns) {
	}

	/** Maps a row to an {@link Item}, or throws {@link RowProblem}. */
	interface Mapper {

		Item map(Row row);

	}

	static final String TEAM = "FamilyDoctorTeam";

	static final String CONTRACT = "FamilyDoctorContract";

	// family_doctor_teams.csv

	static final Column TEAM_CODE = Column.required("team_code", "团队编码", "团队代码", "签约团队编码", "team");

	static final Column TEAM_NAME = Column.required("team_name", "团队名称", "家庭医生团队名称");

	static final Column INSTITUTION = Column.required("institution_code", "机构编码", "所属机构编码", "签约机构编码",
			"医疗机构编码", "institution");

	static final Column ORG_UNIT = Column.required("org_unit_code", "服务街道编码", "服务街道", "签约街道", "街道编码",
			"服务区域编码", "org_unit");

	static final Column DOCTOR = Column.optional("doctor", "家庭医生", "全科医生", "签约医生", "团队长");

	static final Column NURSE = Column.optional("nurse", "护士", "社区护士");

	static final Column PUBLIC_HEALTH = Column.optional("public_health", "公卫人员", "公共卫生人员", "公卫医生");

	static final Column SPECIALISTS = Column.optional("specialists", "专科医生", "医联体专科医生", "专家");

	static final List<Column> TEAM_COLUMNS = List.of(TEAM_CODE, TEAM_NAME, INSTITUTION, ORG_UNIT, DOCTOR, NURSE,
			PUBLIC_HEALTH, SPECIALISTS);

	/** The member columns in the order the members are listed. */
	private static final List<Map.Entry<Column, TeamRole>> MEMBER_COLUMNS = List.of(Map.entry(DOCTOR, TeamRole.DOCTOR),
			Map.entry(NURSE, TeamRole.NURSE), Map.entry(PUBLIC_HEALTH, TeamRole.PUBLIC_HEALTH),
			Map.entry(SPECIALISTS, TeamRole.SPECIALIST));

	static final Mapper TEAMS = row -> {
		Map<String, String> columns = headers(row, "code", TEAM_CODE, "name", TEAM_NAME, "institutionCode", INSTITUTION,
				"orgUnitCode", ORG_UNIT, "members", DOCTOR);
		List<TeamMember> members = new ArrayList<>();
		for (Map.Entry<Column, TeamRole> cell : MEMBER_COLUMNS) {
			for (String name : row.text(cell.getKey()).map(Cells::list).orElse(List.of())) {
				String field = "members[" + members.size() + "]";
				columns.putAll(headers(row, field + ".name", cell.getKey(), field + ".role", cell.getKey(),
						field + ".institutionCode", cell.getKey()));
				members.add(new TeamMember(cell.getValue().key(), name, null));
			}
		}
		FamilyDoctorTeam team = new FamilyDoctorTeam(row.required(TEAM_CODE), row.required(TEAM_NAME),
				row.required(INSTITUTION), row.required(ORG_UNIT), true, members);
		return new Item(TEAM, team, columns);
	};

	// family_doctor_contracts.csv

	static final Column CONTRACT_NUMBER = Column.required("contract_number", "签约编号", "签约协议编号", "协议编号",
			"合同编号", "contract no");

	static final Column ID_NUMBER = Column.required("id_number", "身份证号", "身份证号码", "公民身份号码", "证件号码",
			"resident id");

	static final Column START = Column.required("start_date", "签约开始日期", "开始日期", "签约日期", "生效日期", "start");

	static final Column END = Column.optional("end_date", "签约结束日期", "结束日期", "到期日期", "end");

	static final Column CHANNEL = Column.optional("channel", "签约渠道", "渠道", "签约方式");

	static final Column PACKAGE = Column.optional("service_package", "服务包", "签约服务包");

	static final Column STATUS = Column.optional("status", "签约状态", "状态");

	static final Column CANCELLED_ON = Column.optional("cancelled_on", "解约日期");

	static final Column KEY_POPULATION = Column.optional("key_population", "重点人群", "申报重点人群", "人群标签");

	static final List<Column> CONTRACT_COLUMNS = List.of(CONTRACT_NUMBER, ID_NUMBER, TEAM_CODE, START, END, CHANNEL,
			PACKAGE, STATUS, CANCELLED_ON, KEY_POPULATION);

	static final Mapper CONTRACTS = row -> {
		Map<String, String> columns = headers(row, "contractNumber", CONTRACT_NUMBER, "idNumber", ID_NUMBER, "personId",
				ID_NUMBER, "teamCode", TEAM_CODE, "startDate", START, "endDate", END, "channel", CHANNEL, "servicePackage",
				PACKAGE, "status", STATUS, "cancelledOn", CANCELLED_ON, "declaredTags", KEY_POPULATION);
		String idNumber = row.idNumber(ID_NUMBER).map(n -> n.value())
			.orElseThrow(() -> row.problem(ID_NUMBER, "is required"));
		FamilyDoctorApi.ContractRow contract = new FamilyDoctorApi.ContractRow(row.required(CONTRACT_NUMBER), idNumber,
				row.required(TEAM_CODE), date(row, START).orElseThrow(() -> row.problem(START, "is required")),
				date(row, END).orElse(null), row.text(CHANNEL).map(c -> channel(row, c)).orElse(null),
				row.text(PACKAGE).map(p -> servicePackage(row, p)).orElse(null),
				row.text(STATUS).map(s -> status(row, s)).orElse(null), date(row, CANCELLED_ON).orElse(null),
				row.text(KEY_POPULATION).map(Cells::list).orElse(List.of()).stream().map(t -> tag(row, t)).toList());
		return new Item(CONTRACT, contract, columns);
	};

	/** The column, as headed in the file, of each field the care module may name: pairs of field and column. */
	private static Map<String, String> headers(Row row, Object... fieldsAndColumns) {
		Map<String, String> headers = new HashMap<>();
		for (int i = 0; i + 1 < fieldsAndColumns.length; i += 2) {
			headers.put((String) fieldsAndColumns[i], row.header((Column) fieldsAndColumns[i + 1]));
		}
		return headers;
	}

	/** A date that may lie ahead (a contract's end): the template's date syntax, 1900 to 2100. */
	private static Optional<LocalDate> date(Row row, Column column) {
		return row.text(column).map(text -> {
			LocalDate date = Row.parseDate(text).orElseThrow(() -> row.problem(column, "is not a date (write yyyy-mm-dd)"));
			if (date.getYear() < 1900 || date.getYear() > 2100) {
				throw row.problem(column, "is not a date of 1900–2100");
			}
			return date;
		});
	}

	/** The values a cell may hold: each key with the words (English, Chinese) that mean it. */
	private static final Map<String, List<String>> CHANNELS = Map.of(
			"online", List.of("线上", "网上", "互联网", "app"),
			"offline", List.of("线下", "现场", "门诊"));

	private static final Map<String, List<String>> PACKAGES = Map.of(
			"basic", List.of("基础包", "基础服务包", "基本服务包"),
			"elderly", List.of("老年人包", "老年人服务包"),
			"chronic", List.of("慢病包", "慢性病服务包", "慢病服务包"),
			"maternal-child", List.of("母婴包", "妇幼包", "妇幼服务包"),
			"disabled", List.of("残疾人包", "残疾人服务包"),
			"personalized", List.of("个性化包", "个性化服务包"));

	private static final Map<String, List<String>> STATUSES = Map.of(
			"active", List.of("有效", "正常", "在约", "已签约"),
			"cancelled", List.of("canceled", "已解约", "解约"));

	private static final Map<String, List<String>> TAGS = Map.of(
			"disabled", List.of("残疾人"),
			"low-income", List.of("低保", "低收入", "低收入人群", "低保户"),
			"special-hardship", List.of("计生特殊家庭", "特殊家庭"));

	private static String channel(Row row, String text) {
		return choice(row, CHANNEL, text, CHANNELS, "must be online or offline (线上, 线下)");
	}

	private static String servicePackage(Row row, String text) {
		return choice(row, PACKAGE, text, PACKAGES,
				"must be basic, elderly, chronic, maternal-child, disabled or personalized (基础包, 老年人包, 慢病包, 妇幼包, 残疾人包, 个性化包)");
	}

	private static String status(Row row, String text) {
		return choice(row, STATUS, text, STATUSES, "must be active or cancelled (有效, 已解约)");
	}

	private static String tag(Row row, String text) {
		return choice(row, KEY_POPULATION, text, TAGS,
				"holds disabled, low-income or special-hardship (残疾人, 低收入, 计生特殊家庭); the other key groups come from the records");
	}

	private static String choice(Row row, Column column, String text, Map<String, List<String>> words, String expected) {
		String t = text.strip().toLowerCase(Locale.ROOT);
		return words.entrySet().stream()
			.filter(e -> e.getKey().equals(t) || e.getValue().contains(t))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> row.problem(column, expected));
	}

}
