package org.rhip.care.family;

import java.util.List;
import java.util.Optional;

import org.rhip.care.FamilyDoctorTeam;
import org.rhip.care.TeamMember;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code care.family_doctor_team} and {@code care.family_doctor_team_member}. */
@Repository
public class TeamRepository {

	/** A team as stored, with its id. */
	public record Team(long id, String code, String name, String institutionCode, String orgUnitCode, boolean active) {
	}

	private final JdbcClient jdbc;

	TeamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Team> byCode(String code) {
		return jdbc.sql("select id, code, name, institution_code, org_unit_code, active from care.family_doctor_team where code = :code")
			.param("code", code)
			.query(TeamRepository::row)
			.optional();
	}

	public FamilyDoctorTeam team(Team t) {
		List<TeamMember> members = jdbc.sql("""
				select role, name, institution_code from care.family_doctor_team_member where team_id = :id order by seq
				""").param("id", t.id())
			.query((rs, n) -> new TeamMember(rs.getString("role"), rs.getString("name"), rs.getString("institution_code")))
			.list();
		return new FamilyDoctorTeam(t.code(), t.name(), t.institutionCode(), t.orgUnitCode(), t.active(), members);
	}

	public List<FamilyDoctorTeam> all() {
		return jdbc.sql("select id, code, name, institution_code, org_unit_code, active from care.family_doctor_team order by code")
			.query(TeamRepository::row).list().stream().map(this::team).toList();
	}

	/** Teams serving, or working from an institution in, one of these org units. */
	public List<FamilyDoctorTeam> within(List<String> orgUnitCodes, List<String> institutionCodes) {
		if (orgUnitCodes.isEmpty() && institutionCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, code, name, institution_code, org_unit_code, active from care.family_doctor_team
				where org_unit_code in (:units) or institution_code in (:institutions)
				order by code
				""")
			.param("units", orgUnitCodes.isEmpty() ? List.of("") : orgUnitCodes)
			.param("institutions", institutionCodes.isEmpty() ? List.of("") : institutionCodes)
			.query(TeamRepository::row)
			.list()
			.stream()
			.map(this::team)
			.toList();
	}

	public long insert(FamilyDoctorTeam t) {
		long id = jdbc.sql("""
				insert into care.family_doctor_team (code, name, institution_code, org_unit_code, active)
				values (:code, :name, :institution, :orgUnit, :active) returning id
				""")
			.param("code", t.code()).param("name", t.name()).param("institution", t.institutionCode())
			.param("orgUnit", t.orgUnitCode()).param("active", t.active() == null || t.active())
			.query(Long.class).single();
		insertMembers(id, t.members());
		return id;
	}

	public void update(long id, FamilyDoctorTeam t) {
		jdbc.sql("""
				update care.family_doctor_team set name = :name, institution_code = :institution, org_unit_code = :orgUnit,
				    active = :active, updated_at = now()
				where id = :id
				""")
			.param("id", id).param("name", t.name()).param("institution", t.institutionCode())
			.param("orgUnit", t.orgUnitCode()).param("active", t.active() == null || t.active())
			.update();
		jdbc.sql("delete from care.family_doctor_team_member where team_id = :id").param("id", id).update();
		insertMembers(id, t.members());
	}

	private void insertMembers(long teamId, List<TeamMember> members) {
		for (int i = 0; i < members.size(); i++) {
			TeamMember m = members.get(i);
			jdbc.sql("""
					insert into care.family_doctor_team_member (team_id, seq, role, name, institution_code)
					values (:team, :seq, :role, :name, :institution)
					""")
				.param("team", teamId).param("seq", i).param("role", m.role()).param("name", m.name())
				.param("institution", m.institutionCode())
				.update();
		}
	}

	private static Team row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Team(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("institution_code"),
				rs.getString("org_unit_code"), rs.getBoolean("active"));
	}

}
