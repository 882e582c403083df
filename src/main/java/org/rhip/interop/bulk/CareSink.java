package org.rhip.interop.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rhip.care.FamilyDoctorApi;
import org.rhip.care.FamilyDoctorTeam;

import org.springframework.stereotype.Component;

/**
 * Where the rows of the family-doctor templates go: the care module, in the batch's transaction. One
 * outcome per row, in order; a rejection names the column as headed in the file.
 */
@Component
class CareSink {

	private final FamilyDoctorApi familyDoctors;

	CareSink(FamilyDoctorApi familyDoctors) {
		this.familyDoctors = familyDoctors;
	}

	/** The rows of one file (all of one kind); {@code institutionOnly}: an institution's client imports its own teams only. */
	List<ResourceSink.Outcome> store(List<FamilyDoctorRows.Item> items, Optional<String> institutionOnly) {
		if (items.isEmpty()) {
			return List.of();
		}
		String kind = items.get(0).kind();
		List<FamilyDoctorApi.RowOutcome> outcomes = kind.equals(FamilyDoctorRows.TEAM)
				? familyDoctors.importTeams(items.stream().map(i -> (FamilyDoctorTeam) i.value()).toList(), institutionOnly)
				: familyDoctors.importContracts(items.stream().map(i -> (FamilyDoctorApi.ContractRow) i.value()).toList(),
						institutionOnly);
		List<ResourceSink.Outcome> out = new ArrayList<>(outcomes.size());
		for (FamilyDoctorApi.RowOutcome o : outcomes) {
			String column = o.field() == null ? null : items.get(o.index()).columns().getOrDefault(o.field(), o.field());
			out.add(new ResourceSink.Outcome(o.index(), kind, null, o.outcome(), column, o.message()));
		}
		return out;
	}

}
