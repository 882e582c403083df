package org.rhip.care.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rhip.care.FamilyDoctorTeam;
import org.rhip.care.TeamMember;
import org.rhip.care.TeamRole;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

import org.springframework.stereotype.Component;

/** Checking and saving family-doctor teams (家庭医生团队); the team code is the key. */
@Component
public class Teams {

	/** What saving did: {@code created}, {@code updated} or {@code unchanged}. */
	public record Saved(FamilyDoctorTeam team, String outcome) {
	}

	private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";

	private final TeamRepository repository;

	private final RegistryApi registry;

	Teams(TeamRepository repository, RegistryApi registry) {
		this.repository = repository;
		this.registry = registry;
	}

	/** Creates or updates a team by its code. */
	public Saved save(FamilyDoctorTeam input) {
		FamilyDoctorTeam team = checked(input);
		Optional<TeamRepository.Team> existing = repository.byCode(team.code());
		if (existing.isEmpty()) {
			repository.insert(team);
			return new Saved(team, "created");
		}
		if (repository.team(existing.get()).equals(team)) {
			return new Saved(team, "unchanged");
		}
		repository.update(existing.get().id(), team);
		return new Saved(team, "updated");
	}

	/** The team normalised (trimmed, active unless said otherwise), or {@link InvalidInput} naming the field. */
	FamilyDoctorTeam checked(FamilyDoctorTeam t) {
		String code = strip(t.code());
		if (code == null) {
			throw new InvalidInput("care.team-code", "code", "give the team's code");
		}
		if (!code.matches(CODE)) {
			throw new InvalidInput("care.team-code", "code", "a team code is 1–40 letters, digits, '-' or '_'");
		}
		String name = strip(t.name());
		if (name == null || name.length() > 100) {
			throw new InvalidInput("care.team-name", "name", "give the team's name (at most 100 characters)");
		}
		String institutionCode = strip(t.institutionCode());
		Institution institution = Optional.ofNullable(institutionCode)
			.flatMap(registry::findInstitution)
			.orElseThrow(() -> new InvalidInput("care.team-institution", "institutionCode",
					"give the registry institution the team works from"));
		String orgUnitCode = strip(t.orgUnitCode());
		OrgUnit served = Optional.ofNullable(orgUnitCode)
			.flatMap(registry::findOrgUnit)
			.orElseThrow(() -> new InvalidInput("care.team-org-unit", "orgUnitCode",
					"give the registry org unit (street or town) the team serves"));
		Optional<OrgUnit> region = registry.regionOf(institution.orgUnitCode());
		if (region.isEmpty() || !region.get().contains(served) || region.get().code().equals(served.code())) {
			throw new InvalidInput("care.team-org-unit", "orgUnitCode",
					"the team serves a street or town of its institution's district");
		}
		List<TeamMember> members = new ArrayList<>();
		for (int i = 0; i < t.members().size(); i++) {
			TeamMember m = t.members().get(i);
			String field = "members[" + i + "]";
			String role = strip(m.role());
			if (role == null || TeamRole.of(role).isEmpty()) {
				throw new InvalidInput("care.team-member-role", field + ".role",
						"a member's role is doctor, nurse, public-health or specialist");
			}
			String memberName = strip(m.name());
			if (memberName == null || memberName.length() > 50) {
				throw new InvalidInput("care.team-member-name", field + ".name", "give the member's name (at most 50 characters)");
			}
			String works = strip(m.institutionCode());
			if (works != null && registry.findInstitution(works).isEmpty()) {
				throw new InvalidInput("care.team-member-institution", field + ".institutionCode",
						"not an institution of the registry");
			}
			members.add(new TeamMember(role, memberName, works));
		}
		if (members.stream().noneMatch(m -> m.role().equals(TeamRole.DOCTOR.key()))) {
			throw new InvalidInput("care.team-doctor", "members", "a team needs a family doctor (a member with role doctor)");
		}
		return new FamilyDoctorTeam(code, name, institutionCode, orgUnitCode, t.active() == null || t.active(), members);
	}

	static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
