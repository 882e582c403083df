package org.rhip.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.interop.ImportApi;
import org.rhip.interop.ImportFormat;
import org.rhip.interop.ImportJob;
import org.rhip.interop.ImportStatus;
import org.rhip.person.PersonApi;
import org.rhip.record.RecordApi;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generator's family-doctor files imported the way {@code import} does ({@link ImportApi#importFiles}:
 * the format from the file name, no institution needed): bad rows go to the error report with line and
 * column and never an ID number, good rows are kept, the same files again change nothing. Residents of
 * 华明街道 (120110002).
 */
class FamilyDoctorImportTest extends IntegrationTest {

	private static final String HUAMING = "120110002";

	@Autowired
	ImportApi imports;

	@Autowired
	PersonApi persons;

	@Autowired
	RecordApi records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityApi security;

	@TempDir
	Path dir;

	@Test
	void badRowsAreReportedByLineAndColumnGoodRowsKeptAndTheSameFilesAgainChangeNothing() throws Exception {
		Residents people = new Residents(persons, records);
		Residents.Resident a = people.register(HUAMING, LocalDate.of(1952, 10, 1), "211", "钟振华");
		Residents.Resident b = people.register(HUAMING, LocalDate.of(1987, 12, 24), "222", "黄晓燕");
		Residents.Resident c = people.register(HUAMING, LocalDate.of(1979, 7, 19), "231", "罗建平");
		String badId = a.idNumber.substring(0, 17) + (a.idNumber.endsWith("1") ? "2" : "1");

		Path teams = Files.writeString(dir.resolve("90-family_doctor_teams.csv"), """
				team_code,team_name,institution_code,org_unit_code,doctor,nurse,public_health,specialists
				FD-HM-01,华明街道家庭医生团队一,120110-C004,120110002,张全科,李护士;周护士,王公卫,陈心内;刘内分泌
				FD-HM-02,华明街道家庭医生团队二,120110-C004,440106007,赵全科,,,
				""");
		Path contracts = Files.writeString(dir.resolve("91-family_doctor_contracts.csv"), """
				签约编号,身份证号,团队编码,签约开始日期,签约结束日期,签约渠道,服务包,签约状态,解约日期,重点人群
				HM-2024-001,%1$s,FD-HM-01,2024-01-01,2024-12-31,线下,老年人包,有效,,残疾人
				HM-2024-002,%2$s,FD-HM-01,2024-02-01,,online,basic,cancelled,2024-06-01,
				HM-2024-003,%1$s,FD-HM-01,2024-06-01,2025-05-31,offline,basic,active,,
				HM-2025-001,%1$s,FD-HM-01,2025-01-01,,offline,elderly,active,,disabled
				HM-2024-004,%4$s,FD-HM-01,2024-03-01,,offline,basic,active,,
				HM-2024-005,%3$s,FD-HM-02,2024-03-01,,offline,basic,active,,
				""".formatted(a.idNumber, b.idNumber, c.idNumber, badId));
		assertThat(ImportFormat.ofFileName(teams.toString())).contains(ImportFormat.CSV_FAMILY_DOCTOR_TEAMS);
		assertThat(ImportFormat.ofFileName(contracts.toString())).contains(ImportFormat.CSV_FAMILY_DOCTOR_CONTRACTS);

		ImportJob job = imports.importFiles(List.of(teams, contracts), Optional.empty(), Optional.empty(), 100);
		StringWriter report = new StringWriter();
		imports.errors(job.id(), report);
		assertThat(job.status()).as(job.message().orElse("")).isEqualTo(ImportStatus.DONE);
		assertThat(List.of(job.read(), job.created(), job.updated(), job.unchanged(), job.rejected()))
			.as(report.toString()).containsExactly(8L, 4L, 0L, 0L, 4L);
		assertThat(report.toString().lines().toList()).hasSize(5)
			.anySatisfy(l -> assertThat(l).startsWith("90-family_doctor_teams.csv,3,FamilyDoctorTeam,,org_unit_code,"))
			.anySatisfy(l -> assertThat(l).startsWith("91-family_doctor_contracts.csv,4,FamilyDoctorContract,,签约开始日期,")
				.contains("HM-2024-001"))
			.anySatisfy(l -> assertThat(l).startsWith("91-family_doctor_contracts.csv,6,FamilyDoctorContract,,身份证号,")
				.contains("check character"))
			.anySatisfy(l -> assertThat(l).startsWith("91-family_doctor_contracts.csv,7,FamilyDoctorContract,,团队编码,"));
		assertThat(report.toString()).doesNotContain(a.idNumber).doesNotContain(badId).doesNotContain(c.idNumber);

		assertThat(jdbc.sql("""
				select c.contract_number || ' ' || c.status || ' ' || c.end_date || ' ' || coalesce(r.contract_number, '-')
				       || ' ' || array_to_string(c.key_tags, ';') || ' ' || c.service_package
				from care.contract c left join care.contract r on r.id = c.renewed_from
				where c.contract_number like 'HM-%' order by c.contract_number
				""").query(String.class).list()).containsExactly(
						"HM-2024-001 active 2024-12-31 - disabled elderly",
						"HM-2024-002 cancelled 2025-01-31 - " + " basic",
						"HM-2025-001 active 2025-12-31 HM-2024-001 disabled elderly");
		assertThat(jdbc.sql("select string_agg(m.role || ':' || m.name, ',' order by m.seq) from care.family_doctor_team_member m "
				+ "join care.family_doctor_team t on t.id = m.team_id where t.code = 'FD-HM-01'").query(String.class).single())
			.isEqualTo("doctor:张全科,nurse:李护士,nurse:周护士,public-health:王公卫,specialist:陈心内,specialist:刘内分泌");

		ImportJob again = imports.importFiles(List.of(teams, contracts), Optional.empty(), Optional.empty(), 100);
		assertThat(List.of(again.read(), again.created(), again.updated(), again.unchanged(), again.rejected()))
			.containsExactly(8L, 0L, 0L, 4L, 4L);

		// a changed row updates its contract: the 2025 renewal cancelled later
		Path changed = Files.writeString(dir.resolve("92-family_doctor_contracts.csv"), """
				contract_number,id_number,team_code,start_date,end_date,channel,service_package,status,cancelled_on,key_population
				HM-2025-001,%s,FD-HM-01,2025-01-01,,offline,elderly,cancelled,2025-03-01,disabled
				""".formatted(a.idNumber));
		ImportJob update = imports.importFiles(List.of(changed), Optional.empty(), Optional.empty(), 100);
		assertThat(List.of(update.created(), update.updated(), update.rejected())).containsExactly(0L, 1L, 0L);
		assertThat(jdbc.sql("select cancelled_on from care.contract where contract_number = 'HM-2025-001'")
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 3, 1));
	}

	/**
	 * An upload through the JSON API by a clerk, for a CHC of 东丽区: teams of that district are saved, a
	 * team of a 天河区 institution is refused (a user's upload writes for its institution's district).
	 */
	@Test
	void aUsersUploadWritesOnlyTheTeamsOfItsInstitutionsDistrict() throws Exception {
		String clerk = security.createToken("fd-import-" + System.nanoTime(), Role.CLERK, "120110");
		String csv = """
				团队编码,团队名称,机构编码,服务街道编码,家庭医生
				FD-HM-11,华明街道家庭医生团队十一,120110-C004,120110002,吴全科
				FD-TH-11,天河团队,440106-C001,440106007,郑全科
				""";
		java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/imports?template=family-doctor-teams&institution=120110-C004")))
					.header("Authorization", "Bearer " + clerk).header("Content-Type", "text/csv")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		long id = Long.parseLong(accepted.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
		ImportJob job = imports.job(id, new org.rhip.security.RhipPrincipal("admin", Role.ADMIN, Optional.empty(), false));
		for (int i = 0; i < 300 && !job.status().equals(ImportStatus.DONE) && !job.status().equals(ImportStatus.FAILED); i++) {
			Thread.sleep(100);
			job = imports.job(id, new org.rhip.security.RhipPrincipal("admin", Role.ADMIN, Optional.empty(), false));
		}
		StringWriter report = new StringWriter();
		imports.errors(id, report);
		assertThat(List.of(job.status(), job.created(), job.rejected())).as(report.toString())
			.containsExactly(ImportStatus.DONE, 1L, 1L);
		assertThat(report.toString()).contains(",3,FamilyDoctorTeam,,机构编码,").contains("outside 120110");
	}

}
