package org.rhip.care.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rhip.care.FamilyDoctorContract;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code care.contract}. */
@Repository
public class ContractRepository {

	private static final String SELECT = """
			select c.*, t.code as team_code, r.contract_number as renewed_from_number
			from care.contract c
			join care.family_doctor_team t on t.id = c.team_id
			left join care.contract r on r.id = c.renewed_from
			""";

	/** A contract to write: the checked values. */
	public record Draft(String contractNumber, long personId, long teamId, LocalDate startDate, LocalDate endDate,
			String channel, String servicePackage, String status, LocalDate cancelledOn, String cancelReason,
			Long renewedFrom, List<String> tags) {

		/** The day after the last day in force. */
		LocalDate endExclusive() {
			LocalDate after = endDate.plusDays(1);
			return cancelledOn != null && cancelledOn.isBefore(after) ? cancelledOn : after;
		}

	}

	/** A stored contract with the ids the public record leaves out. */
	public record Stored(long teamId, Long renewedFromId, FamilyDoctorContract contract) {
	}

	private final JdbcClient jdbc;

	ContractRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Stored> byNumber(String contractNumber) {
		return jdbc.sql(SELECT + " where c.contract_number = :number").param("number", contractNumber)
			.query(ContractRepository::stored).optional();
	}

	public List<FamilyDoctorContract> ofPerson(long personId) {
		return jdbc.sql(SELECT + " where c.person_id = :person order by c.start_date desc, c.id desc")
			.param("person", personId).query(ContractRepository::stored).list()
			.stream().map(Stored::contract).toList();
	}

	/** A team's contracts (in force on {@code on} when given), newest start first. */
	public List<FamilyDoctorContract> ofTeam(long teamId, LocalDate on, int offset, int limit) {
		return jdbc.sql(SELECT + """
				 where c.team_id = :team and (cast(:on as date) is null or c.in_force @> cast(:on as date))
				order by c.start_date desc, c.id desc offset :offset limit :limit
				""")
			.param("team", teamId).param("on", on).param("offset", offset).param("limit", limit)
			.query(ContractRepository::stored).list()
			.stream().map(Stored::contract).toList();
	}

	public long countOfTeam(long teamId, LocalDate on) {
		return jdbc.sql("""
				select count(*) from care.contract c
				where c.team_id = :team and (cast(:on as date) is null or c.in_force @> cast(:on as date))
				""")
			.param("team", teamId).param("on", on).query(Long.class).single();
	}

	/** The contracts with these numbers (a batch of a file). */
	public java.util.Map<String, Stored> byNumbers(java.util.Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<String, Stored> found = new java.util.HashMap<>();
		jdbc.sql(SELECT + " where c.contract_number in (:numbers)").param("numbers", List.copyOf(numbers))
			.query(ContractRepository::stored).list()
			.forEach(s -> found.put(s.contract().contractNumber(), s));
		return found;
	}

	/** Every contract of these persons, by person. */
	public java.util.Map<Long, List<Stored>> ofPersons(java.util.Collection<Long> personIds) {
		java.util.Map<Long, List<Stored>> found = new java.util.HashMap<>();
		if (!personIds.isEmpty()) {
			jdbc.sql(SELECT + " where c.person_id in (:persons)").param("persons", List.copyOf(personIds))
				.query(ContractRepository::stored).list()
				.forEach(s -> found.computeIfAbsent(s.contract().personId(), k -> new java.util.ArrayList<>()).add(s));
		}
		return found;
	}

	/** Ids for new contracts, taken ahead so that a batch can refer to contracts it has not written yet. */
	public java.util.Deque<Long> newIds(int count) {
		return new java.util.ArrayDeque<>(jdbc.sql("select nextval('care.contract_id_seq') from generate_series(1, :n)")
			.param("n", count).query(Long.class).list());
	}

	/** New contracts with the ids taken by {@link #newIds}, in one statement. */
	public void insertAll(List<Long> ids, List<Draft> drafts, String actor) {
		if (drafts.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into care.contract (id, contract_number, person_id, team_id, start_date, end_date, channel,
				    service_package, status, cancelled_on, cancel_reason, renewed_from, key_tags, created_by, cancelled_by)
				select u.id, u.number, u.person, u.team, u.start_date::date, u.end_date::date, u.channel, u.package, u.status,
				       u.cancelled_on::date, u.reason, u.renewed, string_to_array(u.tags, ','), :actor,
				       case when u.status = 'cancelled' then :actor end
				from unnest(:ids, :numbers, :persons, :teams, :starts, :ends, :channels, :packages, :statuses, :cancelled,
				            :reasons, :renewed, :tags)
				     as u(id, number, person, team, start_date, end_date, channel, package, status, cancelled_on, reason,
				          renewed, tags)
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("numbers", texts(drafts, Draft::contractNumber))
			.param("persons", drafts.stream().map(Draft::personId).toArray(Long[]::new))
			.param("teams", drafts.stream().map(Draft::teamId).toArray(Long[]::new))
			.param("starts", texts(drafts, Draft::startDate))
			.param("ends", texts(drafts, Draft::endDate))
			.param("channels", texts(drafts, Draft::channel))
			.param("packages", texts(drafts, Draft::servicePackage))
			.param("statuses", texts(drafts, Draft::status))
			.param("cancelled", texts(drafts, Draft::cancelledOn))
			.param("reasons", texts(drafts, Draft::cancelReason))
			.param("renewed", drafts.stream().map(Draft::renewedFrom).toArray(Long[]::new))
			.param("tags", texts(drafts, d -> String.join(",", d.tags())))
			.param("actor", actor)
			.update();
	}

	/** A column of a multi-row insert as text (dates ISO), null where the value is. */
	private static String[] texts(List<Draft> drafts, java.util.function.Function<Draft, Object> value) {
		return drafts.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}

	/** One writer per resident: the batch's residents locked in one go, in id order (no deadlock between batches). */
	public void lockPersons(java.util.Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return;
		}
		Long[] sorted = personIds.stream().sorted().distinct().toArray(Long[]::new);
		jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended('care.contract:' || p, 0))) from unnest(:persons) p")
			.param("persons", sorted).query(Long.class).single();
	}

	/** The one-in-force check at the end of the transaction: a batch checked its rows itself, in any order. */
	public void deferOverlapCheck() {
		jdbc.sql("set constraints care.contract_one_in_force deferred").update();
	}

	/** A contract of the person in force on some day of [start, endExclusive), other than {@code except}. */
	public Optional<FamilyDoctorContract> overlapping(long personId, LocalDate start, LocalDate endExclusive, Long except) {
		if (!start.isBefore(endExclusive)) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + """
				 where c.person_id = :person and c.in_force && daterange(:start, :end, '[)')
				  and c.id <> coalesce(cast(:except as bigint), -1)
				order by c.start_date limit 1
				""")
			.param("person", personId).param("start", start).param("end", endExclusive).param("except", except)
			.query(ContractRepository::stored).optional().map(Stored::contract);
	}

	public long insert(Draft d, String actor) {
		return jdbc.sql("""
				insert into care.contract (contract_number, person_id, team_id, start_date, end_date, channel, service_package,
				    status, cancelled_on, cancel_reason, renewed_from, key_tags, created_by, cancelled_by)
				values (:number, :person, :team, :start, :end, :channel, :package, :status, :cancelledOn, :reason, :renewedFrom,
				    string_to_array(:tags, ','), :actor, case when :status = 'cancelled' then :actor end)
				returning id
				""")
			.param("actor", actor)
			.param("number", d.contractNumber()).param("person", d.personId()).param("team", d.teamId())
			.param("start", d.startDate()).param("end", d.endDate()).param("channel", d.channel())
			.param("package", d.servicePackage()).param("status", d.status()).param("cancelledOn", d.cancelledOn())
			.param("reason", d.cancelReason()).param("renewedFrom", d.renewedFrom()).param("tags", String.join(",", d.tags()))
			.query(Long.class).single();
	}

	/** Changes everything but the number, the person and what it renews; {@code actor} is who cancelled, if it is cancelled now. */
	public void update(long id, Draft d, String actor) {
		jdbc.sql("""
				update care.contract set team_id = :team, start_date = :start, end_date = :end, channel = :channel,
				    service_package = :package, status = :status, cancelled_on = :cancelledOn, cancel_reason = :reason,
				    key_tags = string_to_array(:tags, ','), updated_at = now(),
				    cancelled_by = case when :status = 'cancelled' then coalesce(cancelled_by, :actor) end
				where id = :id
				""")
			.param("actor", actor)
			.param("id", id).param("team", d.teamId()).param("start", d.startDate()).param("end", d.endDate())
			.param("channel", d.channel()).param("package", d.servicePackage()).param("status", d.status())
			.param("cancelledOn", d.cancelledOn()).param("reason", d.cancelReason())
			.param("tags", String.join(",", d.tags()))
			.update();
	}

	/** The next contract number of a year: {@code FD2025} and eight digits. */
	public String nextNumber(int year) {
		long n = jdbc.sql("select nextval('care.contract_number_seq')").query(Long.class).single();
		return "FD" + year + String.format("%08d", n);
	}

	/** One signing of a resident at a time: held to the end of the transaction. */
	public void lockPerson(long personId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('care.contract:' || :person, 0))")
			.param("person", personId).query(Object.class).optional();
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		java.sql.Array tags = rs.getArray("key_tags");
		List<String> tagList = tags == null ? List.of() : Arrays.asList((String[]) tags.getArray());
		long renewed = rs.getLong("renewed_from");
		Long renewedId = rs.wasNull() ? null : renewed;
		FamilyDoctorContract c = new FamilyDoctorContract(rs.getLong("id"), rs.getString("contract_number"),
				rs.getLong("person_id"), rs.getString("team_code"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("channel"), rs.getString("service_package"),
				rs.getString("status"), rs.getObject("cancelled_on", LocalDate.class), rs.getString("cancel_reason"),
				rs.getString("renewed_from_number"), List.copyOf(tagList), rs.getObject("created_at", OffsetDateTime.class));
		return new Stored(rs.getLong("team_id"), renewedId, c);
	}

}
