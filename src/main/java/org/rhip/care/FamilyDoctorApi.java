package org.rhip.care;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rhip.care.family.ContractRepository;
import org.rhip.care.family.Contracts;
import org.rhip.care.family.KeyPopulations;
import org.rhip.care.family.Residents;
import org.rhip.care.family.TeamPerformances;
import org.rhip.care.family.TeamRepository;
import org.rhip.care.family.Teams;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.person.PersonQuery;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.RegistryApi;
import org.rhip.security.AuditTrail;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 家庭医生签约服务 — family-doctor contracting: teams, signing, renewal (续约) and cancellation (解约),
 * a resident's key populations (重点人群), team workload and performance, and the import of teams and
 * contracts from files. Who may: reads for every role within their org unit; contracts written by the
 * roles that write records (admin, clerk, doctor), teams by admin and clerk; an API client of an
 * institution writes only for that institution's teams. Every read of a resident's contracts is in
 * the audit trail; residents come masked.
 */
@Service
public class FamilyDoctorApi {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A signing: the resident by person id or by resident ID number; null dates: from today, for one year. */
	public record SignRequest(Long personId, String idNumber, String teamCode, LocalDate startDate, LocalDate endDate,
			String channel, String servicePackage, List<String> declaredTags, String contractNumber) {
	}

	/** A renewal: what changes from the contract renewed (null: as before); it starts the day after the old one ends. */
	public record RenewRequest(LocalDate endDate, String channel, String servicePackage, List<String> declaredTags,
			String contractNumber) {
	}

	/** A row of {@code family_doctor_contracts.csv} as interop reads it (ID number already checked). */
	public record ContractRow(String contractNumber, String idNumber, String teamCode, LocalDate startDate,
			LocalDate endDate, String channel, String servicePackage, String status, LocalDate cancelledOn,
			List<String> declaredTags) {
	}

	/** What became of row {@code index} of an import: created, updated, unchanged or rejected (field and reason). */
	public record RowOutcome(int index, String outcome, String field, String message) {

		public boolean rejected() {
			return "rejected".equals(outcome);
		}

	}

	/**
	 * What a file may write: the teams of one institution (the import of that institution's API client),
	 * or the teams of institutions within an org unit (a user's upload: the district of the institution
	 * named). Both empty: anything (the command line, run by the platform's operator).
	 */
	public record ImportLimits(Optional<String> institution, Optional<String> orgUnit) {

		public static ImportLimits none() {
			return new ImportLimits(Optional.empty(), Optional.empty());
		}

	}

	/** A team saved: created, updated or unchanged. */
	public record SavedTeam(FamilyDoctorTeam team, String outcome) {
	}

	private final Teams teams;

	private final TeamRepository teamRepository;

	private final Contracts contracts;

	private final ContractRepository contractRepository;

	private final Residents residents;

	private final KeyPopulations keyPopulations;

	private final TeamPerformances performances;

	private final PersonApi persons;

	private final RegistryApi registry;

	private final AuditTrail audit;

	FamilyDoctorApi(Teams teams, TeamRepository teamRepository, Contracts contracts, ContractRepository contractRepository,
			Residents residents, KeyPopulations keyPopulations, TeamPerformances performances, PersonApi persons,
			RegistryApi registry, AuditTrail audit) {
		this.teams = teams;
		this.teamRepository = teamRepository;
		this.contracts = contracts;
		this.contractRepository = contractRepository;
		this.residents = residents;
		this.keyPopulations = keyPopulations;
		this.performances = performances;
		this.persons = persons;
		this.registry = registry;
		this.audit = audit;
	}

	// teams

	/** Creates a team, or changes the one with its code (members replaced). */
	@Transactional
	public SavedTeam saveTeam(FamilyDoctorTeam team) {
		Optional<RhipPrincipal> user = CurrentUser.get();
		user.filter(u -> u.role() != Role.ADMIN && u.role() != Role.CLERK).ifPresent(u -> {
			throw new Forbidden("role", "role " + u.role().key() + " may not change family-doctor teams");
		});
		Optional<String> own = user.flatMap(RhipPrincipal::institution);
		if (own.isPresent() && team.institutionCode() != null && !own.get().equals(team.institutionCode().strip())) {
			throw new Forbidden("institutionCode", "this client writes only for institution " + own.get());
		}
		user.flatMap(RhipPrincipal::scope).ifPresent(scope -> {
			if (team.orgUnitCode() == null || !registry.isWithin(team.orgUnitCode().strip(), scope)) {
				throw new Forbidden("orgUnitCode", "the team would serve an org unit outside your scope");
			}
		});
		teamRepository.byCode(Optional.ofNullable(team.code()).map(String::strip).orElse(""))
			.ifPresent(existing -> writableTeam(existing));
		Teams.Saved saved = teams.save(team);
		return new SavedTeam(saved.team(), saved.outcome());
	}

	public FamilyDoctorTeam team(String code) {
		return teamRepository.team(readableTeam(code));
	}

	/** The teams serving, or working from an institution in, an org unit (default: the caller's scope, or all). */
	public List<FamilyDoctorTeam> teams(Optional<String> orgUnitCode) {
		Optional<String> scope = CurrentUser.get().flatMap(RhipPrincipal::scope);
		String unit = orgUnitCode.or(() -> scope).orElse(null);
		if (unit == null) {
			return teamRepository.all();
		}
		registry.findOrgUnit(unit).orElseThrow(() -> new InvalidInput("care.org-unit", "orgUnit", "no org unit with this code"));
		if (scope.isPresent() && !registry.isWithin(unit, scope.get())) {
			throw new Forbidden("orgUnit", "org unit " + unit + " is outside your scope");
		}
		List<String> units = registry.subtreeCodes(unit);
		List<String> institutions = registry.institutionsWithin(unit).stream().map(i -> i.code()).toList();
		return teamRepository.within(units, institutions);
	}

	// contracts

	/** Signs a contract (签约). Rejected, naming the field, when it would overlap another contract in force. */
	@Transactional
	public FamilyDoctorContract sign(SignRequest r) {
		requireWriter();
		TeamRepository.Team team = writableTeam(activeTeam(r.teamCode()));
		LocalDate start = r.startDate() != null ? r.startDate() : LocalDate.now(CHINA);
		if (start.isAfter(LocalDate.now(CHINA).plusYears(1))) {
			throw new InvalidInput("care.start-date", "startDate", "a contract starts within a year from today");
		}
		String personField = r.personId() != null ? "personId" : "idNumber";
		Contracts.Resident resident = resident(r.personId(), r.idNumber());
		return contracts.sign(team, resident, personField, new Contracts.Terms(blankToNull(r.contractNumber()), start,
				r.endDate(), r.channel(), r.servicePackage(), r.declaredTags()), null);
	}

	/** Renews a contract (续约): a new one from the day after it ends, with the same team; {@code renewedFrom} set. */
	@Transactional
	public FamilyDoctorContract renew(String contractNumber, RenewRequest r) {
		requireWriter();
		ContractRepository.Stored old = stored(contractNumber);
		FamilyDoctorContract c = old.contract();
		if (!ContractStatus.ACTIVE.key().equals(c.status())) {
			throw new InvalidInput("care.contract-status", "status", "a cancelled contract is not renewed: sign a new one");
		}
		TeamRepository.Team team = writableTeam(activeTeam(c.teamCode()));
		Contracts.Resident resident = resident(c.personId(), null);
		RenewRequest req = r == null ? new RenewRequest(null, null, null, null, null) : r;
		return contracts.sign(team, resident, "personId",
				new Contracts.Terms(blankToNull(req.contractNumber()), c.endDate().plusDays(1), req.endDate(),
						Optional.ofNullable(req.channel()).orElse(c.channel()),
						Optional.ofNullable(req.servicePackage()).orElse(c.servicePackage()),
						Optional.ofNullable(req.declaredTags()).orElse(c.declaredTags())),
				old.contract().id());
	}

	/** Cancels a contract (解约) from {@code date} on (default today), with a reason; who cancelled is kept. */
	@Transactional
	public FamilyDoctorContract cancel(String contractNumber, LocalDate date, String reason) {
		requireWriter();
		ContractRepository.Stored stored = stored(contractNumber);
		writableTeam(teamByCode(stored.contract().teamCode()));
		requireVisible(stored.contract().personId());
		return contracts.cancel(stored, date != null ? date : LocalDate.now(CHINA), reason);
	}

	/** One contract; the read is audited. */
	@Transactional
	public FamilyDoctorContract contract(String contractNumber) {
		FamilyDoctorContract c = stored(contractNumber).contract();
		readableTeam(c.teamCode());
		requireVisible(c.personId());
		audit.record("read", c.personId(), "family doctor contract " + c.contractNumber(), null);
		return c;
	}

	/** A resident's contracts, newest first; the read is audited. */
	@Transactional
	public List<FamilyDoctorContract> contractsOf(long personId) {
		persons.person(personId, "family doctor contracts");
		return contractRepository.ofPerson(personId);
	}

	/** A team's contracts (in force on {@code on} when given), newest first, with their residents masked; audited. */
	@Transactional
	public ContractPage contractsOfTeam(String teamCode, Optional<LocalDate> on, int offset, int limit) {
		TeamRepository.Team team = readableTeam(teamCode);
		int size = Math.min(Math.max(limit, 1), 200);
		int from = Math.max(offset, 0);
		List<SignedResident> items = new ArrayList<>();
		for (FamilyDoctorContract c : contractRepository.ofTeam(team.id(), on.orElse(null), from, size)) {
			items.add(signed(c, "family doctor contracts of team " + team.code()));
		}
		return new ContractPage(items, contractRepository.countOfTeam(team.id(), on.orElse(null)), from, size);
	}

	/** The key populations a resident belongs to on a day (default today); audited. */
	@Transactional
	public KeyPopulation keyPopulation(long personId, Optional<LocalDate> on) {
		Person p = persons.person(personId, "key population");
		return keyPopulations.of(p.id(), p.birthDate(), on.orElse(LocalDate.now(CHINA)));
	}

	// performance

	public TeamPerformance performance(String teamCode, int year) {
		TeamRepository.Team team = readableTeam(teamCode);
		return performances.of(List.of(team.id()), checkedYear(year)).get(0);
	}

	/** Every team of an org unit (default: the caller's scope) in a year. */
	public List<TeamPerformance> performance(Optional<String> orgUnitCode, int year) {
		List<Long> ids = teams(orgUnitCode).stream()
			.map(t -> teamRepository.byCode(t.code()).orElseThrow().id())
			.toList();
		return performances.of(ids, checkedYear(year));
	}

	// import (interop: family_doctor_teams.csv, family_doctor_contracts.csv)

	/** Teams of a file, in the caller's transaction: each saved or rejected on its own. */
	@Transactional
	public List<RowOutcome> importTeams(List<FamilyDoctorTeam> rows, ImportLimits limits) {
		requireWriter();
		List<RowOutcome> out = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			try {
				FamilyDoctorTeam row = rows.get(i);
				allowed(row.institutionCode() == null ? null : row.institutionCode().strip(), limits, "institutionCode");
				out.add(new RowOutcome(i, teams.save(row).outcome(), null, null));
			}
			catch (InvalidInput ex) {
				out.add(new RowOutcome(i, "rejected", ex.field(), ex.getMessage()));
			}
		}
		return out;
	}

	/**
	 * Contracts of a file, in the caller's transaction: each created, updated (the same contract
	 * number again), unchanged or rejected on its own, with the same rules as {@link #sign}. The
	 * residents are found by ID number in the person index (they must be there already).
	 */
	@Transactional
	public List<RowOutcome> importContracts(List<ContractRow> rows, ImportLimits limits) {
		requireWriter();
		Map<String, Long> ids = persons.personsByIdNumber(
				rows.stream().map(ContractRow::idNumber).filter(n -> n != null).collect(java.util.stream.Collectors.toSet()));
		Map<Long, Contracts.Resident> facts = residents.of(Set.copyOf(ids.values()));
		Map<String, Optional<TeamRepository.Team>> teamsByCode = new java.util.HashMap<>();
		RowOutcome[] out = new RowOutcome[rows.size()];
		List<Contracts.ImportRow> found = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ContractRow row = rows.get(i);
			try {
				String code = row.teamCode() == null ? "" : row.teamCode().strip();
				TeamRepository.Team team = teamsByCode.computeIfAbsent(code, teamRepository::byCode)
					.orElseThrow(() -> new InvalidInput("care.team", "teamCode", "no family-doctor team with this code"));
				allowed(team.institutionCode(), limits, "teamCode");
				Long personId = row.idNumber() == null ? null : ids.get(row.idNumber());
				if (personId == null) {
					throw new InvalidInput("care.resident", "idNumber", "no resident with this ID number in the person index");
				}
				Contracts.Resident resident = facts.get(personId);
				if (resident == null) {
					throw new InvalidInput("care.resident-region", "idNumber", "the resident has no address in a district of the platform");
				}
				found.add(new Contracts.ImportRow(i, team, resident, new Contracts.Terms(blankToNull(row.contractNumber()),
						row.startDate(), row.endDate(), row.channel(), row.servicePackage(), row.declaredTags()),
						blankToNull(row.status()), row.cancelledOn()));
			}
			catch (InvalidInput ex) {
				out[i] = new RowOutcome(i, "rejected", ex.field(), ex.getMessage());
			}
		}
		for (Contracts.ImportResult r : contracts.importAll(found)) {
			out[r.index()] = r.problem() == null ? new RowOutcome(r.index(), r.outcome(), null, null)
					: new RowOutcome(r.index(), "rejected", r.problem().field(), r.problem().getMessage());
		}
		return List.of(out);
	}

	// helpers

	/** Whether a file may write for a team of this institution (an unknown one is left to the team's checks). */
	private void allowed(String institutionCode, ImportLimits limits, String field) {
		if (institutionCode == null) {
			return;
		}
		if (limits.institution().isPresent() && !limits.institution().get().equals(institutionCode)) {
			throw new InvalidInput("care.import-limit", field, "this import writes only for institution "
					+ limits.institution().get() + " and its teams");
		}
		Optional<String> unit = registry.findInstitution(institutionCode).map(i -> i.orgUnitCode());
		if (limits.orgUnit().isPresent() && unit.isPresent() && !registry.isWithin(unit.get(), limits.orgUnit().get())) {
			throw new InvalidInput("care.import-limit", field, "the team's institution lies outside " + limits.orgUnit().get()
					+ ", the district of this import");
		}
	}

	/** The resident by person id (scoped, audited read) or ID number (scoped, audited search); never echoes the number. */
	private Contracts.Resident resident(Long personId, String idNumber) {
		Person p;
		if (personId != null) {
			p = persons.person(personId, "family doctor contract");
			if ("merged".equals(p.status())) {
				throw new InvalidInput("care.resident", "personId", "the person was merged into person " + p.mergedInto());
			}
		}
		else {
			if (idNumber == null || idNumber.isBlank()) {
				throw new InvalidInput("care.resident", "personId", "name the resident by personId or idNumber");
			}
			String valid;
			try {
				valid = ResidentIdNumber.parse(idNumber, LocalDate.now(CHINA)).value();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("care.id-number", "idNumber", ex.getMessage());
			}
			List<Person> found = persons.search(new PersonQuery(valid, null, null, null), 2);
			if (found.isEmpty()) {
				throw new InvalidInput("care.resident", "idNumber",
						"no resident with this ID number in the person index (within your org unit)");
			}
			if (found.size() > 1) {
				throw new InvalidInput("care.resident", "idNumber", "more than one person has this ID number: sign by personId");
			}
			p = found.get(0);
		}
		String unit = p.orgUnitCode() == null || p.orgUnitCode().equals("000000") ? null : p.orgUnitCode();
		return new Contracts.Resident(p.id(), p.birthDate(), p.deathDate(), unit);
	}

	private SignedResident signed(FamilyDoctorContract c, String what) {
		// asked first, not caught: a refusal inside the transaction would mark it for rollback
		if (!persons.visible(c.personId())) {
			return new SignedResident(c, null, null, null, null, null);
		}
		Person p = persons.person(c.personId(), what);
		return new SignedResident(c, p.name(), p.idNumber(), p.sex(), p.birthDate(), p.orgUnitCode());
	}

	private ContractRepository.Stored stored(String contractNumber) {
		return contractRepository.byNumber(contractNumber == null ? "" : contractNumber.strip())
			.orElseThrow(() -> new NotFound("care.contract", "no family-doctor contract " + contractNumber));
	}

	private TeamRepository.Team teamByCode(String code) {
		return teamRepository.byCode(code == null ? "" : code.strip())
			.orElseThrow(() -> new NotFound("care.team", "no family-doctor team " + code));
	}

	private TeamRepository.Team activeTeam(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInput("care.team", "teamCode", "give the team's code");
		}
		TeamRepository.Team team = teamRepository.byCode(code.strip())
			.orElseThrow(() -> new InvalidInput("care.team", "teamCode", "no family-doctor team with this code"));
		if (!team.active()) {
			throw new InvalidInput("care.team", "teamCode", "the team no longer takes contracts (inactive)");
		}
		return team;
	}

	/** A team the caller may see: it serves, or works from, an org unit in their scope. */
	private TeamRepository.Team readableTeam(String code) {
		TeamRepository.Team team = teamByCode(code);
		Optional<String> scope = CurrentUser.get().flatMap(RhipPrincipal::scope);
		if (scope.isPresent() && !inScope(team, scope.get())) {
			throw new Forbidden("teamCode", "team " + team.code() + " is outside your org unit");
		}
		return team;
	}

	private TeamRepository.Team writableTeam(TeamRepository.Team team) {
		Optional<RhipPrincipal> user = CurrentUser.get();
		Optional<String> own = user.flatMap(RhipPrincipal::institution);
		if (own.isPresent() && !own.get().equals(team.institutionCode())) {
			throw new Forbidden("teamCode", "this client writes only for the teams of institution " + own.get());
		}
		Optional<String> scope = user.flatMap(RhipPrincipal::scope);
		if (scope.isPresent() && !inScope(team, scope.get())) {
			throw new Forbidden("teamCode", "team " + team.code() + " is outside your org unit");
		}
		return team;
	}

	private boolean inScope(TeamRepository.Team team, String scope) {
		return registry.isWithin(team.orgUnitCode(), scope)
				|| registry.findInstitution(team.institutionCode()).map(i -> registry.isWithin(i.orgUnitCode(), scope)).orElse(false);
	}

	private void requireVisible(long personId) {
		if (!persons.visible(personId)) {
			throw new Forbidden("person", "the resident is outside your org unit");
		}
	}

	private static void requireWriter() {
		CurrentUser.get().filter(u -> !u.role().mayWriteRecords()).ifPresent(u -> {
			throw new Forbidden("role", "role " + u.role().key() + " may not sign or change family-doctor contracts");
		});
	}

	private static int checkedYear(int year) {
		if (year < 2000 || year > LocalDate.now(CHINA).getYear() + 1) {
			throw new InvalidInput("care.year", "year", "a year from 2000 to next year");
		}
		return year;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
