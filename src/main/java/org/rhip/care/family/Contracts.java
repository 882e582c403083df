package org.rhip.care.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rhip.care.ContractStatus;
import org.rhip.care.FamilyDoctorContract;
import org.rhip.care.KeyGroup;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.stereotype.Component;

/**
 * The rules of family-doctor contracts (家庭医生签约), for one signing at the desk and for a file of
 * contracts alike: one year by default, at most three; the resident alive at the start and living in
 * the district the team serves; one contract in force per resident at a time (checked here and held by
 * the exclusion constraint {@code contract_one_in_force}). A bad value is an {@link InvalidInput}
 * naming the field.
 */
@Component
public class Contracts {

	/** A contract may last this many years at the most: a typo in the end date must not block a resident for decades. */
	static final int MAX_YEARS = 3;

	/** An imported contract continues (renews) the resident's contract with the same team that ended at most this many days before. */
	static final int RENEWAL_GRACE_DAYS = 30;

	static final List<String> CHANNELS = List.of("online", "offline");

	static final List<String> PACKAGES = List.of("basic", "elderly", "chronic", "maternal-child", "disabled", "personalized");

	/** What the checks need to know of a resident (from the person index). */
	public record Resident(long personId, LocalDate birthDate, LocalDate deathDate, String orgUnitCode) {
	}

	/** A contract as asked for; null end date: one year; null channel: offline; null package: basic. */
	public record Terms(String contractNumber, LocalDate startDate, LocalDate endDate, String channel,
			String servicePackage, List<String> declaredTags) {
	}

	private final ContractRepository repository;

	private final RegistryApi registry;

	private final Map<String, String> regions = new ConcurrentHashMap<>();

	Contracts(ContractRepository repository, RegistryApi registry) {
		this.repository = repository;
		this.registry = registry;
	}

	/** Signs a contract (or a renewal, with {@code renewedFrom}); {@code personField} names the resident in messages. */
	public FamilyDoctorContract sign(TeamRepository.Team team, Resident resident, String personField, Terms terms,
			Long renewedFrom) {
		repository.lockPerson(resident.personId());
		ContractRepository.Draft draft = draft(team, resident, personField, terms, ContractStatus.ACTIVE, null, null,
				renewedFrom, null, repository::overlapping);
		String number = terms.contractNumber() == null ? repository.nextNumber(draft.startDate().getYear())
				: unusedNumber(terms.contractNumber());
		ContractRepository.Draft numbered = withNumber(draft, number);
		repository.insert(numbered, actor());
		return repository.byNumber(number).orElseThrow().contract();
	}

	/** Cancels a contract from {@code date} on (the first day it is no longer in force). */
	public FamilyDoctorContract cancel(ContractRepository.Stored stored, LocalDate date, String reason) {
		FamilyDoctorContract c = stored.contract();
		ContractStatus status = ContractStatus.of(c.status()).orElseThrow();
		if (!status.mayMoveTo(ContractStatus.CANCELLED)) {
			throw new InvalidInput("care.contract-status", "status", "the contract is cancelled already");
		}
		if (date.isBefore(c.startDate())) {
			throw new InvalidInput("care.cancel-date", "date", "the cancellation date is before the contract's start");
		}
		if (date.isAfter(c.endDate())) {
			throw new InvalidInput("care.cancel-date", "date", "the contract ended on " + c.endDate() + " already");
		}
		if (reason == null || reason.strip().length() < 2) {
			throw new InvalidInput("care.cancel-reason", "reason", "give the reason for cancelling");
		}
		repository.update(c.id(), new ContractRepository.Draft(c.contractNumber(), c.personId(), stored.teamId(),
				c.startDate(), c.endDate(), c.channel(), c.servicePackage(), ContractStatus.CANCELLED.key(), date,
				reason.strip(), stored.renewedFromId(), c.declaredTags()), actor());
		return repository.byNumber(c.contractNumber()).orElseThrow().contract();
	}

	/** A row of a file of contracts whose team and resident were found. */
	public record ImportRow(int index, TeamRepository.Team team, Resident resident, Terms terms, String status,
			LocalDate cancelledOn) {
	}

	/** What became of an import row: {@code created}, {@code updated}, {@code unchanged}, or the problem. */
	public record ImportResult(int index, String outcome, InvalidInput problem) {
	}

	/** Where an overlapping contract is looked for: the database, or a batch's contracts in memory. */
	private interface Overlaps {

		Optional<FamilyDoctorContract> find(long personId, LocalDate start, LocalDate endExclusive, Long except);

	}

	/**
	 * Contracts of a file (one batch): created, or — the same contract number again — {@code unchanged}
	 * or {@code updated} (dates, status, package …; never the resident). A new contract of the same team
	 * that starts within {@value #RENEWAL_GRACE_DAYS} days after the resident's previous one ended
	 * renews it. The batch's residents and their contracts are read once and checked in memory, row
	 * after row, so a later row sees the earlier ones; the new contracts are written in one statement.
	 */
	public List<ImportResult> importAll(List<ImportRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> personIds = rows.stream().map(r -> r.resident().personId()).distinct().toList();
		repository.lockPersons(personIds);
		repository.deferOverlapCheck();
		Map<String, ContractRepository.Stored> byNumber = new java.util.HashMap<>(repository.byNumbers(rows.stream()
			.map(r -> r.terms().contractNumber()).filter(java.util.Objects::nonNull).map(String::strip).toList()));
		Map<Long, List<ContractRepository.Stored>> byPerson = repository.ofPersons(personIds);
		Overlaps inMemory = (person, start, endExclusive, except) -> !start.isBefore(endExclusive) ? Optional.empty()
				: byPerson.getOrDefault(person, List.of()).stream()
			.map(ContractRepository.Stored::contract)
			.filter(c -> !java.util.Objects.equals(c.id(), except) && c.startDate().isBefore(endExclusive)
					&& start.isBefore(c.lastDay().plusDays(1)) && !c.lastDay().isBefore(c.startDate()))
			.findFirst();
		java.util.Deque<Long> ids = repository.newIds(rows.size());
		List<Long> newIds = new ArrayList<>();
		List<ContractRepository.Draft> inserts = new ArrayList<>();
		Map<Long, ContractRepository.Draft> updates = new java.util.LinkedHashMap<>();
		List<ImportResult> out = new ArrayList<>(rows.size());
		for (ImportRow row : rows) {
			try {
				Resident resident = row.resident();
				ContractStatus state = importedStatus(row.status(), row.cancelledOn());
				if (row.terms().contractNumber() == null) {
					throw new InvalidInput("care.contract-number", "contractNumber", "give the contract number");
				}
				String number = checkedNumber(row.terms().contractNumber());
				ContractRepository.Stored existing = byNumber.get(number);
				if (existing != null && existing.contract().personId() != resident.personId()) {
					throw new InvalidInput("care.contract-number", "contractNumber",
							"the contract number belongs to another resident's contract");
				}
				Long except = existing == null ? null : existing.contract().id();
				String reason = state != ContractStatus.CANCELLED ? null
						: existing != null && existing.contract().cancelReason() != null ? existing.contract().cancelReason()
								: "imported";
				ContractRepository.Draft draft = withNumber(draft(row.team(), resident, "idNumber", row.terms(), state,
						row.cancelledOn(), reason, null, except, inMemory), number);
				String outcome;
				long id;
				if (existing == null) {
					id = ids.removeFirst();
					draft = withRenewal(draft, renewable(byPerson.getOrDefault(resident.personId(), List.of()),
							row.team().id(), draft.startDate()));
					newIds.add(id);
					inserts.add(draft);
					outcome = "created";
				}
				else if (same(existing, draft)) {
					out.add(new ImportResult(row.index(), "unchanged", null));
					continue;
				}
				else {
					id = existing.contract().id();
					draft = withRenewal(draft, existing.renewedFromId());
					if (newIds.contains(id)) {
						inserts.set(newIds.indexOf(id), draft);
					}
					else {
						updates.put(id, draft);
					}
					outcome = "updated";
				}
				ContractRepository.Stored stored = inMemory(id, row.team(), draft);
				List<ContractRepository.Stored> own = byPerson.computeIfAbsent(resident.personId(), k -> new ArrayList<>());
				own.removeIf(c -> c.contract().id() == id);
				own.add(stored);
				byNumber.put(number, stored);
				out.add(new ImportResult(row.index(), outcome, null));
			}
			catch (InvalidInput ex) {
				out.add(new ImportResult(row.index(), "rejected", ex));
			}
		}
		String actor = actor();
		repository.insertAll(newIds, inserts, actor);
		updates.forEach((id, draft) -> repository.update(id, draft, actor));
		return out;
	}

	private static ContractStatus importedStatus(String status, LocalDate cancelledOn) {
		ContractStatus state = ContractStatus.of(status == null ? "active" : status)
			.orElseThrow(() -> new InvalidInput("care.contract-status", "status", "status is active or cancelled"));
		if (state == ContractStatus.CANCELLED && cancelledOn == null) {
			throw new InvalidInput("care.cancel-date", "cancelledOn", "a cancelled contract needs its cancellation date");
		}
		if (state == ContractStatus.ACTIVE && cancelledOn != null) {
			throw new InvalidInput("care.cancel-date", "cancelledOn", "an active contract has no cancellation date");
		}
		return state;
	}

	/** The contract a new one renews: the same team's, not cancelled, ended at most the grace days before. */
	private static Long renewable(List<ContractRepository.Stored> contracts, long teamId, LocalDate start) {
		LocalDate earliest = start.minusDays(RENEWAL_GRACE_DAYS + 1L);
		return contracts.stream()
			.filter(s -> s.teamId() == teamId && ContractStatus.ACTIVE.key().equals(s.contract().status()))
			.filter(s -> s.contract().endDate().isBefore(start) && !s.contract().endDate().isBefore(earliest))
			.max(java.util.Comparator.comparing(s -> s.contract().endDate()))
			.map(s -> s.contract().id())
			.orElse(null);
	}

	private static boolean same(ContractRepository.Stored existing, ContractRepository.Draft d) {
		FamilyDoctorContract old = existing.contract();
		return existing.teamId() == d.teamId() && old.startDate().equals(d.startDate()) && old.endDate().equals(d.endDate())
				&& old.channel().equals(d.channel()) && old.servicePackage().equals(d.servicePackage())
				&& old.status().equals(d.status()) && java.util.Objects.equals(old.cancelledOn(), d.cancelledOn())
				&& old.declaredTags().stream().sorted().toList().equals(d.tags());
	}

	/** A contract of the batch as it will be stored (what the checks of later rows need). */
	private static ContractRepository.Stored inMemory(long id, TeamRepository.Team team, ContractRepository.Draft d) {
		return new ContractRepository.Stored(team.id(), d.renewedFrom(), new FamilyDoctorContract(id, d.contractNumber(),
				d.personId(), team.code(), d.startDate(), d.endDate(), d.channel(), d.servicePackage(), d.status(),
				d.cancelledOn(), d.cancelReason(), null, d.tags(), null));
	}

	/** Checks a contract's values against the rules; {@code except}: the contract itself when it is changed. */
	private ContractRepository.Draft draft(TeamRepository.Team team, Resident resident, String personField, Terms t,
			ContractStatus status, LocalDate cancelledOn, String cancelReason, Long renewedFrom, Long except,
			Overlaps overlaps) {
		LocalDate start = t.startDate();
		if (start == null) {
			throw new InvalidInput("care.start-date", "startDate", "give the start date");
		}
		LocalDate end = t.endDate() != null ? t.endDate() : start.plusYears(1).minusDays(1);
		if (end.isBefore(start)) {
			throw new InvalidInput("care.end-date", "endDate", "the end date is before the start date");
		}
		if (end.isAfter(start.plusYears(MAX_YEARS))) {
			throw new InvalidInput("care.end-date", "endDate", "a contract lasts at most " + MAX_YEARS + " years");
		}
		if (cancelledOn != null && (cancelledOn.isBefore(start) || cancelledOn.isAfter(end.plusDays(1)))) {
			throw new InvalidInput("care.cancel-date", "cancelledOn", "the cancellation date lies outside the contract's dates");
		}
		String channel = lower(t.channel(), "offline");
		if (!CHANNELS.contains(channel)) {
			throw new InvalidInput("care.channel", "channel", "the channel is online or offline");
		}
		String servicePackage = lower(t.servicePackage(), "basic");
		if (!PACKAGES.contains(servicePackage)) {
			throw new InvalidInput("care.service-package", "servicePackage",
					"the service package is one of " + String.join(", ", PACKAGES));
		}
		List<String> tags = new ArrayList<>();
		for (String tag : t.declaredTags() == null ? List.<String>of() : t.declaredTags()) {
			String key = lower(tag, null);
			if (key == null) {
				continue;
			}
			if (KeyGroup.declarable(key).isEmpty()) {
				throw new InvalidInput("care.key-population", "declaredTags",
						"a declared key population is disabled, low-income or special-hardship");
			}
			if (!tags.contains(key)) {
				tags.add(key);
			}
		}
		tags.sort(null);
		// a contract may start on the day of death (signed or renewed that morning), not after it
		if (resident.deathDate() != null && resident.deathDate().isBefore(start)) {
			throw new InvalidInput("care.resident-dead", personField, "the resident died before the contract's start");
		}
		if (resident.birthDate() != null && resident.birthDate().isAfter(start)) {
			throw new InvalidInput("care.start-date", "startDate", "the contract starts before the resident's birth");
		}
		String region = regionOf(team.orgUnitCode());
		if (resident.orgUnitCode() == null || region == null || !region.equals(regionOf(resident.orgUnitCode()))) {
			throw new InvalidInput("care.resident-region", personField,
					"the resident does not live in the district the team serves");
		}
		ContractRepository.Draft draft = new ContractRepository.Draft(null, resident.personId(), team.id(), start, end,
				channel, servicePackage, status.key(), cancelledOn, cancelReason, renewedFrom, List.copyOf(tags));
		overlaps.find(resident.personId(), start, draft.endExclusive(), except).ifPresent(other -> {
			throw new InvalidInput("care.contract-overlap", "startDate", "the resident has contract " + other.contractNumber()
					+ " in force from " + other.startDate() + " to " + other.lastDay()
					+ "; one contract at a time: cancel it or start after it");
		});
		return draft;
	}

	private String unusedNumber(String number) {
		String checked = checkedNumber(number);
		if (repository.byNumber(checked).isPresent()) {
			throw new InvalidInput("care.contract-number", "contractNumber", "the contract number is used already");
		}
		return checked;
	}

	private static String checkedNumber(String number) {
		String n = number.strip();
		if (n.isEmpty() || n.length() > 40 || !n.matches("[A-Za-z0-9_\\-/.]+")) {
			throw new InvalidInput("care.contract-number", "contractNumber",
					"a contract number is 1–40 letters, digits, '-', '_', '/' or '.'");
		}
		return n;
	}

	/** The district (or county-level city) an org unit lies in; cached, the hierarchy does not move. */
	String regionOf(String orgUnitCode) {
		if (orgUnitCode == null) {
			return null;
		}
		String cached = regions.get(orgUnitCode);
		if (cached != null) {
			return cached.isEmpty() ? null : cached;
		}
		String region = registry.regionOf(orgUnitCode).map(OrgUnit::code).orElse("");
		regions.put(orgUnitCode, region);
		return region.isEmpty() ? null : region;
	}

	private static ContractRepository.Draft withNumber(ContractRepository.Draft d, String number) {
		return new ContractRepository.Draft(number, d.personId(), d.teamId(), d.startDate(), d.endDate(), d.channel(),
				d.servicePackage(), d.status(), d.cancelledOn(), d.cancelReason(), d.renewedFrom(), d.tags());
	}

	private static ContractRepository.Draft withRenewal(ContractRepository.Draft d, Long renewedFrom) {
		return new ContractRepository.Draft(d.contractNumber(), d.personId(), d.teamId(), d.startDate(), d.endDate(),
				d.channel(), d.servicePackage(), d.status(), d.cancelledOn(), d.cancelReason(), renewedFrom, d.tags());
	}

	private static String actor() {
		return CurrentUser.get().map(RhipPrincipal::name).orElse("system");
	}

	private static String lower(String s, String fallback) {
		return s == null || s.isBlank() ? fallback : s.strip().toLowerCase(Locale.ROOT);
	}

}
