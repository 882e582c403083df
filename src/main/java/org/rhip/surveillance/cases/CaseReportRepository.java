package org.rhip.surveillance.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.rhip.surveillance.CardVersion;
import org.rhip.surveillance.CaseCard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code case_report} and {@code case_report_history}. */
@Repository
class CaseReportRepository {

	private static final String SELECT = """
			select c.*, d.name disease_name from surveillance.case_report c
			join surveillance.disease d on d.code = c.disease_code
			""";

	private final JdbcClient jdbc;

	CaseReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Values of a card as stored: the checked input, the hash in place of the ID number. */
	record Row(String disease, String classification, String idHash, String sex, Integer ageYears, String occupation,
			String orgUnit, LocalDate onsetDate, OffsetDateTime diagnosisTime, OffsetDateTime reportTime,
			String institution, String doctor, int reportLimitHours, Boolean onTime) {
	}

	long insert(String cardNo, String status, Row row, Long duplicateOf, String actor) {
		long id = jdbc.sql("""
				insert into surveillance.case_report (card_no, status, disease_code, classification, id_hash, sex, age_years,
				    occupation, org_unit_code, onset_date, diagnosis_time, report_time, institution_code, doctor,
				    report_limit_hours, on_time, duplicate_of, created_by)
				values (coalesce(:cardNo, 'tmp-' || gen_random_uuid()), :status, :disease, :classification, :idHash, :sex, :age,
				    :occupation, :orgUnit, :onset, :diagnosis, :report, :institution, :doctor, :limit, :onTime, :duplicateOf, :actor)
				returning id
				""")
			.paramSource(params(row).addValue("cardNo", cardNo).addValue("status", status)
				.addValue("duplicateOf", duplicateOf).addValue("actor", actor))
			.query(Long.class).single();
		if (cardNo == null) {
			jdbc.sql("update surveillance.case_report set card_no = 'RHIP' || lpad(id::text, 10, '0') where id = :id")
				.param("id", id).update();
		}
		return id;
	}

	void update(long id, String status, Row row, Long duplicateOf) {
		jdbc.sql("""
				update surveillance.case_report set status = :status, version = version + 1, disease_code = :disease,
				    classification = :classification, id_hash = :idHash, sex = :sex, age_years = :age, occupation = :occupation,
				    org_unit_code = :orgUnit, onset_date = :onset, diagnosis_time = :diagnosis, report_time = :report,
				    institution_code = :institution, doctor = :doctor, report_limit_hours = :limit, on_time = :onTime,
				    duplicate_of = :duplicateOf, updated_at = now()
				where id = :id
				""")
			.paramSource(params(row).addValue("id", id).addValue("status", status).addValue("duplicateOf", duplicateOf))
			.update();
	}

	void setStatus(long id, String status) {
		jdbc.sql("update surveillance.case_report set status = :status, version = version + 1, updated_at = now() where id = :id")
			.param("id", id).param("status", status).update();
	}

	/** Writes the card's current state as a history version. */
	void history(long id, String action, String actor, String reason) {
		jdbc.sql("""
				insert into surveillance.case_report_history (card_id, version, action, actor, reason, snapshot)
				select id, version, :action, :actor, :reason,
				       to_jsonb(c) - 'id_hash' || jsonb_build_object('has_id_number', id_hash is not null)
				from surveillance.case_report c where id = :id
				""")
			.param("id", id).param("action", action).param("actor", actor).param("reason", reason)
			.update();
	}

	/** The earliest active card of the same person and disease diagnosed within {@code days} of this one. */
	Optional<Long> earlierCardOfSamePerson(String idHash, String disease, OffsetDateTime diagnosis, int days, Long except) {
		if (idHash == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from surveillance.case_report
				where id_hash = :hash and disease_code = :disease and status = 'active' and duplicate_of is null
				  and id <> coalesce(:except, -1)
				  and diagnosis_time between :diagnosis - make_interval(days => :days) and :diagnosis + make_interval(days => :days)
				order by diagnosis_time, id limit 1
				""")
			.param("hash", idHash).param("disease", disease).param("diagnosis", diagnosis).param("days", days)
			.param("except", except)
			.query(Long.class).optional();
	}

	Optional<CaseCard> byCardNo(String cardNo) {
		return jdbc.sql(SELECT + " where c.card_no = :no").param("no", cardNo).query(CaseReportRepository::card).optional();
	}

	String cardNo(long id) {
		return jdbc.sql("select card_no from surveillance.case_report where id = :id").param("id", id)
			.query(String.class).single();
	}

	Optional<String> idHash(long id) {
		return jdbc.sql("select id_hash from surveillance.case_report where id = :id").param("id", id)
			.query(String.class).optional();
	}

	/** Cards reported (or drafted) between two instants in the given org units, newest first. */
	List<CaseCard> list(List<String> orgUnits, OffsetDateTime from, OffsetDateTime to, String disease, String status,
			int limit) {
		return jdbc.sql(SELECT + """
				where c.org_unit_code = any(:units) and c.diagnosis_time >= :from and c.diagnosis_time < :to
				  and (:disease::text is null or c.disease_code = :disease)
				  and (:status::text is null or c.status = :status)
				order by c.diagnosis_time desc, c.id desc limit :limit
				""")
			.param("units", orgUnits.toArray(String[]::new)).param("from", from).param("to", to)
			.param("disease", disease).param("status", status).param("limit", limit)
			.query(CaseReportRepository::card).list();
	}

	List<CardVersion> history(long id) {
		return jdbc.sql("""
				select version, action, actor, at, reason, snapshot::text snapshot
				from surveillance.case_report_history where card_id = :id order by version
				""")
			.param("id", id)
			.query((rs, n) -> new CardVersion(rs.getInt("version"), rs.getString("action"), rs.getString("actor"),
					rs.getObject("at", OffsetDateTime.class), rs.getString("reason"), rs.getString("snapshot")))
			.list();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Row row) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("disease", row.disease()).addValue("classification", row.classification())
			.addValue("idHash", row.idHash()).addValue("sex", row.sex()).addValue("age", row.ageYears())
			.addValue("occupation", row.occupation()).addValue("orgUnit", row.orgUnit())
			.addValue("onset", row.onsetDate()).addValue("diagnosis", row.diagnosisTime())
			.addValue("report", row.reportTime()).addValue("institution", row.institution())
			.addValue("doctor", row.doctor()).addValue("limit", row.reportLimitHours()).addValue("onTime", row.onTime());
	}

	private static CaseCard card(ResultSet rs, int n) throws SQLException {
		return new CaseCard(rs.getLong("id"), rs.getString("card_no"), rs.getString("status"), rs.getInt("version"),
				rs.getString("disease_code"), rs.getString("disease_name"), rs.getString("classification"),
				rs.getString("sex"), (Integer) rs.getObject("age_years"), rs.getString("occupation"),
				rs.getString("org_unit_code"), null, rs.getObject("onset_date", LocalDate.class),
				rs.getObject("diagnosis_time", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("report_time", OffsetDateTime.class)), rs.getString("institution_code"),
				rs.getString("doctor"), rs.getInt("report_limit_hours"),
				Optional.ofNullable((Boolean) rs.getObject("on_time")),
				Optional.ofNullable((Long) rs.getObject("duplicate_of")));
	}

}
