package org.rhip.care.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rhip.care.ContractPage;
import org.rhip.care.FamilyDoctorApi;
import org.rhip.care.FamilyDoctorContract;
import org.rhip.care.FamilyDoctorTeam;
import org.rhip.care.KeyGroup;
import org.rhip.care.KeyPopulation;
import org.rhip.care.TeamPerformance;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of family-doctor contracting (家庭医生签约): teams, contracts, a resident's key populations,
 * team performance. Roles, org-unit scope, audit and masking are applied in {@link FamilyDoctorApi}.
 * Residents' ID numbers travel only in request bodies, never in URLs.
 */
@RestController
@RequestMapping("/api/care")
class FamilyDoctorApiController {

	/** A resident's key populations by their keys ({@code elderly}, {@code hypertension}, {@code disabled} …). */
	record KeyPopulationView(long personId, LocalDate on, List<String> groups, boolean key) {

		static KeyPopulationView of(KeyPopulation k) {
			return new KeyPopulationView(k.personId(), k.on(), k.groups().stream().map(KeyGroup::key).toList(), k.key());
		}

	}

	record Cancellation(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason) {
	}

	private final FamilyDoctorApi familyDoctors;

	FamilyDoctorApiController(FamilyDoctorApi familyDoctors) {
		this.familyDoctors = familyDoctors;
	}

	@GetMapping("/teams")
	List<FamilyDoctorTeam> teams(@RequestParam Optional<String> orgUnit) {
		return familyDoctors.teams(orgUnit);
	}

	/** Creates a team (201) or changes the one with its code (200). */
	@PostMapping("/teams")
	ResponseEntity<FamilyDoctorTeam> saveTeam(@RequestBody FamilyDoctorTeam team) {
		FamilyDoctorApi.SavedTeam saved = familyDoctors.saveTeam(team);
		return ResponseEntity.status(saved.outcome().equals("created") ? HttpStatus.CREATED : HttpStatus.OK).body(saved.team());
	}

	@GetMapping("/teams/{code}")
	FamilyDoctorTeam team(@PathVariable String code) {
		return familyDoctors.team(code);
	}

	@GetMapping("/teams/{code}/contracts")
	ContractPage teamContracts(@PathVariable String code,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
		return familyDoctors.contractsOfTeam(code, on, offset, limit);
	}

	@GetMapping("/teams/{code}/performance")
	TeamPerformance performance(@PathVariable String code, @RequestParam int year) {
		return familyDoctors.performance(code, year);
	}

	@GetMapping("/teams/performance")
	List<TeamPerformance> performances(@RequestParam Optional<String> orgUnit, @RequestParam int year) {
		return familyDoctors.performance(orgUnit, year);
	}

	@PostMapping("/contracts")
	@ResponseStatus(HttpStatus.CREATED)
	FamilyDoctorContract sign(@RequestBody FamilyDoctorApi.SignRequest request) {
		return familyDoctors.sign(request);
	}

	@GetMapping("/contracts")
	List<FamilyDoctorContract> contractsOf(@RequestParam long personId) {
		return familyDoctors.contractsOf(personId);
	}

	@GetMapping("/contracts/{number}")
	FamilyDoctorContract contract(@PathVariable String number) {
		return familyDoctors.contract(number);
	}

	@PostMapping("/contracts/{number}/renew")
	@ResponseStatus(HttpStatus.CREATED)
	FamilyDoctorContract renew(@PathVariable String number, @RequestBody(required = false) FamilyDoctorApi.RenewRequest request) {
		return familyDoctors.renew(number, request);
	}

	@PostMapping("/contracts/{number}/cancel")
	FamilyDoctorContract cancel(@PathVariable String number, @RequestBody Cancellation cancellation) {
		return familyDoctors.cancel(number, cancellation.date(), cancellation.reason());
	}

	@GetMapping("/persons/{id}/key-population")
	KeyPopulationView keyPopulation(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
		return KeyPopulationView.of(familyDoctors.keyPopulation(id, on));
	}

}
