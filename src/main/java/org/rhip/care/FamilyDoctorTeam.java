package org.rhip.care;

import java.util.List;

/**
 * 家庭医生团队 — a family-doctor team: works from a registry institution (a CHC or township health
 * centre) and serves a street or town. Also the input of {@link FamilyDoctorApi#saveTeam}.
 */
public record FamilyDoctorTeam(String code, String name, String institutionCode, String orgUnitCode, Boolean active,
		List<TeamMember> members) {

	public FamilyDoctorTeam {
		members = members == null ? List.of() : List.copyOf(members);
	}

}
