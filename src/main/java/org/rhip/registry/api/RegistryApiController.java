package org.rhip.registry.api;

import java.util.List;
import java.util.Map;

import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.registry.RegistryTotals;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the registry: read by every user, changed by admins (see SecurityConfiguration). */
@RestController
@RequestMapping("/api/registry")
class RegistryApiController {

	record PopulationRequest(Long count, String note) {
	}

	private final RegistryApi registry;

	RegistryApiController(RegistryApi registry) {
		this.registry = registry;
	}

	@GetMapping("/org-units/{code}")
	OrgUnit orgUnit(@PathVariable String code) {
		return registry.orgUnit(code);
	}

	@GetMapping("/org-units/{code}/children")
	List<OrgUnit> children(@PathVariable String code) {
		registry.orgUnit(code);
		return registry.children(code);
	}

	@GetMapping("/org-units/{code}/institutions")
	List<Institution> institutions(@PathVariable String code) {
		return registry.institutionsWithin(code);
	}

	@GetMapping("/org-units/{code}/totals/{year}")
	RegistryTotals totals(@PathVariable String code, @PathVariable int year) {
		registry.orgUnit(code);
		return registry.totals(code, year);
	}

	@PutMapping("/org-units/{code}/population/{year}")
	Map<String, Object> population(@PathVariable String code, @PathVariable int year, @RequestBody PopulationRequest body) {
		if (body.count() == null) {
			throw new InvalidInput("population.count", "count", "count is required");
		}
		registry.savePopulation(code, year, body.count(), body.note());
		return Map.of("orgUnit", code, "year", year, "count", body.count());
	}

	@GetMapping("/institutions/{code}")
	Institution institution(@PathVariable String code) {
		return registry.institution(code);
	}

	@PutMapping("/institutions/{code}")
	Institution saveInstitution(@PathVariable String code, @RequestBody Institution institution) {
		if (institution.code() != null && !institution.code().equals(code)) {
			throw new InvalidInput("institution.code-mismatch", "code", "the body's code differs from the path's");
		}
		return registry.saveInstitution(new Institution(code, institution.name(), institution.type(), institution.level(),
				institution.ownership(), institution.orgUnitCode(),
				institution.departments() == null ? List.of() : institution.departments()));
	}

	@GetMapping("/institutions/{code}/resources/{year}")
	Map<String, Integer> resources(@PathVariable String code, @PathVariable int year) {
		return registry.resources(code, year);
	}

	@PutMapping("/institutions/{code}/resources/{year}")
	Map<String, Integer> saveResources(@PathVariable String code, @PathVariable int year,
			@RequestBody Map<String, Integer> counts) {
		registry.saveResources(code, year, counts);
		return registry.resources(code, year);
	}

}
