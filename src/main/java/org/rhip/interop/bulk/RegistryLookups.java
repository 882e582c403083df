package org.rhip.interop.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Patient;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

/**
 * {@link CsvLookups} against the database for one file: org units by code, or by name within the
 * importing institution's district (names read once per file), and the CSV patient keys.
 */
final class RegistryLookups implements CsvLookups {

	private final RegistryApi registry;

	private final ImportJobs jobs;

	private final ResourceSink store;

	private Map<String, List<String>> byName;

	RegistryLookups(RegistryApi registry, ImportJobs jobs, ResourceSink store) {
		this.registry = registry;
		this.jobs = jobs;
		this.store = store;
	}

	@Override
	public Optional<Patient> storedPatient(String id) {
		return store.read("Patient", id).filter(Patient.class::isInstance).map(Patient.class::cast);
	}

	@Override
	public Optional<String> patientId(String institution, String kind, String keyHash) {
		return jobs.csvPatient(institution, kind, keyHash);
	}

	@Override
	public synchronized Optional<String> orgUnit(String institution, String codeOrName) {
		if (codeOrName.matches("[0-9]{2,12}")) {
			return registry.findOrgUnit(codeOrName).map(OrgUnit::code);
		}
		if (byName == null) {
			byName = new HashMap<>();
			registry.findInstitution(institution)
				.flatMap(i -> registry.regionOf(i.orgUnitCode()))
				.ifPresent(region -> registry.subtreeCodes(region.code()).forEach(code -> registry.findOrgUnit(code)
					.ifPresent(u -> byName.computeIfAbsent(u.name(), k -> new java.util.ArrayList<>()).add(u.code()))));
		}
		List<String> codes = byName.getOrDefault(codeOrName.strip(), List.of());
		if (codes.size() > 1) {
			throw new IllegalArgumentException("names " + codes.size() + " org units of the district; write the code");
		}
		return codes.stream().findFirst();
	}

	@Override
	public boolean institutionExists(String code) {
		return registry.findInstitution(code).isPresent();
	}

}
