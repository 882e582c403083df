package org.rhip.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.internal.RegistryFileLoader;
import org.rhip.registry.internal.RegistryRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry (医疗卫生资源登记): org units, institutions, their beds and staff, population. Other
 * modules use it through this class only.
 */
@Service
public class RegistryApi {

	private final RegistryRepository repository;

	private final RegistryFileLoader loader;

	RegistryApi(RegistryRepository repository, RegistryFileLoader loader) {
		this.repository = repository;
		this.loader = loader;
	}

	/** Loads the bundled registry files for regions not yet in the database. */
	public void loadBundledRegions() {
		loader.loadBundled();
	}

	public Optional<OrgUnit> findOrgUnit(String code) {
		return repository.orgUnit(code);
	}

	public OrgUnit orgUnit(String code) {
		return repository.orgUnit(code)
			.orElseThrow(() -> new NotFound("org-unit.not-found", "no org unit with code " + code));
	}

	/** The districts and county-level cities the platform serves. */
	public List<OrgUnit> regions() {
		return repository.regions();
	}

	/** The district or county-level city an org unit lies in (itself when it is one). */
	public Optional<OrgUnit> regionOf(String code) {
		Optional<OrgUnit> unit = repository.orgUnit(code);
		while (unit.isPresent() && !unit.get().kind().equals("district") && !unit.get().kind().equals("county_city")) {
			unit = unit.get().parentCode().flatMap(repository::orgUnit);
		}
		return unit;
	}

	public List<OrgUnit> children(String code) {
		return repository.children(code);
	}

	/** True when {@code code} is {@code ancestor} or lies below it. */
	public boolean isWithin(String code, String ancestor) {
		Optional<OrgUnit> unit = repository.orgUnit(code);
		Optional<OrgUnit> top = repository.orgUnit(ancestor);
		return unit.isPresent() && top.isPresent() && top.get().contains(unit.get());
	}

	/** The codes of an org unit and everything below it. */
	public List<String> subtreeCodes(String code) {
		return repository.subtreeCodes(code);
	}

	public List<Institution> institutionsWithin(String orgUnitCode) {
		orgUnit(orgUnitCode);
		return repository.institutionsWithin(orgUnitCode);
	}

	public Optional<Institution> findInstitution(String code) {
		return repository.institution(code);
	}

	public Institution institution(String code) {
		return repository.institution(code)
			.orElseThrow(() -> new NotFound("institution.not-found", "no institution with code " + code));
	}

	public Map<String, Integer> resources(String institutionCode, int year) {
		institution(institutionCode);
		return repository.resources(institutionCode, year);
	}

	/** The registry's figures for an org unit's subtree in a year, as indicator data elements. */
	public RegistryTotals totals(String orgUnitCode, int year) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		repository.population(orgUnitCode, year).ifPresent(pop -> values.put("POP", BigDecimal.valueOf(pop)));
		repository.resourceTotals(orgUnitCode, year)
			.forEach((item, total) -> ResourceItem.byKey(item).ifPresent(i -> values.put(i.dataElement(), total)));
		values.putAll(repository.institutionCounts(orgUnitCode, year));
		return new RegistryTotals(orgUnitCode, year, values);
	}

	@Transactional
	public Institution saveInstitution(Institution institution) {
		validate(institution);
		repository.upsertInstitution(institution);
		return institution(institution.code());
	}

	@Transactional
	public void saveResources(String institutionCode, int year, Map<String, Integer> counts) {
		institution(institutionCode);
		checkYear(year);
		counts.forEach((item, count) -> {
			if (ResourceItem.byKey(item).isEmpty()) {
				throw new InvalidInput("resource.unknown-item", item, "unknown resource item '" + item + "'");
			}
			if (count == null || count < 0) {
				throw new InvalidInput("resource.negative", item, item + " must be a whole number ≥ 0");
			}
		});
		counts.forEach((item, count) -> repository.putResource(institutionCode, year, item, count));
	}

	@Transactional
	public void savePopulation(String orgUnitCode, int year, long count, String note) {
		orgUnit(orgUnitCode);
		checkYear(year);
		if (count < 0) {
			throw new InvalidInput("population.negative", "count", "population must be ≥ 0");
		}
		repository.putPopulation(orgUnitCode, year, count, note);
	}

	private void validate(Institution institution) {
		if (institution.code() == null || !institution.code().matches("[A-Za-z0-9-]{1,40}")) {
			throw new InvalidInput("institution.code", "code", "code must be 1–40 letters, digits or '-'");
		}
		if (institution.name() == null || institution.name().isBlank()) {
			throw new InvalidInput("institution.name", "name", "name is required");
		}
		if (!InstitutionTypes.TYPES.contains(institution.type())) {
			throw new InvalidInput("institution.type", "type", "unknown institution type '" + institution.type() + "'");
		}
		if (!InstitutionTypes.LEVELS.contains(institution.level())) {
			throw new InvalidInput("institution.level", "level", "unknown level '" + institution.level() + "'");
		}
		if (!"public".equals(institution.ownership()) && !"private".equals(institution.ownership())) {
			throw new InvalidInput("institution.ownership", "ownership", "ownership must be public or private");
		}
		if (institution.orgUnitCode() == null || repository.orgUnit(institution.orgUnitCode()).isEmpty()) {
			throw new InvalidInput("institution.org-unit", "orgUnitCode", "unknown org unit " + institution.orgUnitCode());
		}
	}

	private static void checkYear(int year) {
		if (year < 1949 || year > 2100) {
			throw new InvalidInput("year.range", "year", "year must be between 1949 and 2100");
		}
	}

}
