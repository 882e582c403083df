package org.rhip.synthetic.fhir;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.rhip.synthetic.model.DistrictSink;
import org.rhip.synthetic.model.LifeEvent;
import org.rhip.synthetic.model.LifeEvent.Contracted;
import org.rhip.synthetic.model.PersonHistory;
import org.rhip.synthetic.model.Team;

/**
 * 家庭医生团队 and 家庭医生签约 as the CSV files of the shared contract: the teams, then one row per
 * contract naming the resident by ID number (so the contracts file goes after the patients).
 */
public final class FamilyDoctorCsvWriter implements DistrictSink {

	static final String TEAMS = "90-family_doctor_teams.csv";

	static final String CONTRACTS = "91-family_doctor_contracts.csv";

	private final OutputFiles files;

	public FamilyDoctorCsvWriter(OutputFiles files) {
		this.files = files;
	}

	@Override
	public void teams(List<Team> teams) throws IOException {
		files.header(TEAMS, "team_code,team_name,institution_code,org_unit_code,doctor,nurse,public_health,specialists");
		for (Team team : teams) {
			files.line(TEAMS, String.join(",", team.code(), team.name(), team.institution(), team.orgUnit(), team.doctor(),
					team.nurse(), team.publicHealth(), String.join(";", team.specialists())));
		}
		files.header(CONTRACTS, "contract_number,id_number,team_code,start_date,end_date,channel,service_package,status,"
				+ "cancelled_on,key_population");
	}

	@Override
	public void person(PersonHistory history) throws IOException {
		for (LifeEvent event : history.events()) {
			if (event instanceof Contracted contract) {
				LocalDate start = contract.time().toLocalDate();
				files.line(CONTRACTS, String.join(",", contract.number(), history.person().idNumber(), contract.team(),
						start.toString(), contract.end().toString(), contract.online() ? "online" : "offline",
						contract.servicePackage(), contract.cancelledOn().isPresent() ? "cancelled" : "active",
						contract.cancelledOn().map(LocalDate::toString).orElse(""), String.join(";", contract.declared())));
			}
		}
		for (PersonHistory child : history.children()) {
			person(child);
		}
	}

	@Override
	public void close() {
		// the files are closed by their owner
	}

}
