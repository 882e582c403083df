package org.rhip.interop.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rhip.care.FamilyDoctorApi;
import org.rhip.care.FamilyDoctorTeam;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

import org.springframework.stereotype.Component;

/**
 * Where the rows of the family-doctor templates go: the care module, in the batch's transaction. One
 * outcome per row, in order; a rejection names the column as headed in the file.
 */
@Component
class CareSink {

	private final FamilyDoctorApi familyDoctors;

	private final RegistryApi registry;

	CareSink(FamilyDoctorApi familyDoctors, RegistryApi registry) {
		this.familyDoctors = familyDoctors;
		this.registry = registry;
	}

	/**
	 * The rows of one file (all of one kind). An institution's API client imports its own teams only; a
	 * user's upload (via the JSON API) the teams of its institution's district; the command line anything.
	 */
	List<ResourceSink.Outcome> store(List<FamilyDoctorRows.Item> items, ImportJobs.Settings job) {
		if (items.isEmpty()) {
			return List.of();
		}
		Optional<String> institution = Optional.ofNullable(job.institution());
		FamilyDoctorApi.ImportLimits limits = job.institutionOnly()
				? new FamilyDoctorApi.ImportLimits(institution, Optional.empty())
				: "api".equals(job.via())
						? new FamilyDoctorApi.ImportLimits(Optional.empty(), institution.flatMap(registry::findInstitution)
							.flatMap(i -> registry.regionOf(i.orgUnitCode())).map(OrgUnit::code).or(() -> Optional.of("-")))
						: FamilyDoctorApi.ImportLimits.none();
		String kind = items.get(0).kind();
		List<FamilyDoctorApi.RowOutcome> outcomes = kind.equals(FamilyDoctorRows.TEAM)
				? familyDoctors.importTeams(items.stream().map(i -> (FamilyDoctorTeam) i.value()).toList(), limits)
				: familyDoctors.importContracts(items.stream().map(i -> (FamilyDoctorApi.ContractRow) i.value()).toList(),
						limits);
		List<ResourceSink.Outcome> out = new ArrayList<>(outcomes.size());
		for (FamilyDoctorApi.RowOutcome o : outcomes) {
			String column = o.field() == null ? null : items.get(o.index()).columns().getOrDefault(o.field(), o.field());
			out.add(new ResourceSink.Outcome(o.index(), kind, null, o.outcome(), column, o.message()));
		}
		return out;
	}

}
