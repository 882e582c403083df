package org.rhip.surveillance.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.IdentifierHash;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.surveillance.CardVersion;
import org.rhip.surveillance.CaseCard;
import org.rhip.surveillance.CaseCardInput;
import org.rhip.surveillance.CaseReported;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.reference.ReferenceData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 传染病报告卡: reporting, revising (订正), deleting and confirming drafts, each written to the card's
 * history. A card is checked field by field before anything is stored; a second card of the same
 * person (same ID-number hash) and disease within {@value #DUPLICATE_DAYS} days is kept but marked a
 * duplicate of the first, and only the first counts.
 */
@Service
public class CaseReports {

	/** The national system's 查重 window for the same person and disease. */
	static final int DUPLICATE_DAYS = 30;

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Set<String> CLASSIFICATIONS = Set.of("suspected", "clinical", "confirmed", "carrier");

	private static final Set<String> SEXES = Set.of("male", "female", "unknown");

	private final CaseReportRepository repository;

	private final ReferenceData reference;

	private final RegistryApi registry;

	private final IdentifierHash identifierHash;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseReports(CaseReportRepository repository, ReferenceData reference, RegistryApi registry,
			IdentifierHash identifierHash, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.repository = repository;
		this.reference = reference;
		this.registry = registry;
		this.identifierHash = identifierHash;
		this.events = events;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/** Stores an active card. */
	@Transactional
	public CaseCard report(CaseCardInput input, RhipPrincipal who) {
		mayReport(who);
		if (input.cardNo() != null && repository.byCardNo(input.cardNo()).isPresent()) {
			throw new InvalidInput("case.exists", "cardNo", "card " + input.cardNo() + " exists already; revise it instead");
		}
		Checked checked = check(input, who, false);
		Long duplicateOf = repository.earlierCardOfSamePerson(checked.row().idHash(), checked.row().disease(),
				checked.row().diagnosisTime(), DUPLICATE_DAYS, null).orElse(null);
		long id = repository.insert(blankToNull(input.cardNo()), "active", checked.row(), duplicateOf, who.name());
		repository.history(id, "report", who.name(), null);
		publish(id, checked);
		return card(id);
	}

	/**
	 * A draft card from a diagnosis with a notifiable ICD-10 code, for the reporting doctor to
	 * confirm; empty when the code is not notifiable on the date of diagnosis.
	 */
	@Transactional
	public Optional<CaseCard> draftFromDiagnosis(String icd10, CaseCardInput patient, RhipPrincipal who) {
		mayReport(who);
		if (icd10 == null || !icd10.strip().matches("[A-Za-z][0-9]{2}(\\.[0-9A-Za-z]{1,4})?")) {
			throw new InvalidInput("case.icd10", "icd10", "an ICD-10 code looks like A01 or B05.9");
		}
		if (patient.diagnosisTime() == null) {
			throw new InvalidInput("case.diagnosis-time", "diagnosisTime", "the time of diagnosis is required");
		}
		LocalDate day = patient.diagnosisTime().atZoneSameInstant(CHINA).toLocalDate();
		Optional<Disease> disease = Disease.forIcd10(reference.diseases(), icd10, day);
		if (disease.isEmpty()) {
			return Optional.empty();
		}
		CaseCardInput draft = new CaseCardInput(null, disease.get().code(),
				patient.classification() == null ? "clinical" : patient.classification(), patient.idNumber(),
				patient.sex(), patient.ageYears(), patient.occupation(), patient.orgUnit(), patient.onsetDate(),
				patient.diagnosisTime(), null, patient.institution(), patient.doctor());
		Checked checked = check(draft, who, true);
		long id = repository.insert(null, "draft", checked.row(), null, who.name());
		repository.history(id, "draft", who.name(), "ICD-10 " + icd10.strip().toUpperCase(java.util.Locale.ROOT));
		return Optional.of(card(id));
	}

	/** The reporting doctor confirms a draft: it becomes active, reported now. */
	@Transactional
	public CaseCard confirm(String cardNo, RhipPrincipal who) {
		mayReport(who);
		CaseCard card = require(cardNo, who);
		if (!card.status().equals("draft")) {
			throw new InvalidInput("case.not-draft", "cardNo", "card " + cardNo + " is " + card.status() + ", not a draft");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		String idHash = repository.idHash(card.id()).orElse(null);
		CaseReportRepository.Row row = new CaseReportRepository.Row(card.disease(), card.classification(), idHash,
				card.sex(), card.ageYears(), card.occupation(), card.orgUnit(), card.onsetDate(), card.diagnosisTime(), now,
				card.institution(), card.doctor(), card.reportLimitHours(), onTime(card.diagnosisTime(), now,
						card.reportLimitHours()));
		Long duplicateOf = repository.earlierCardOfSamePerson(idHash, card.disease(), card.diagnosisTime(),
				DUPLICATE_DAYS, card.id()).orElse(null);
		repository.update(card.id(), "active", row, duplicateOf);
		repository.history(card.id(), "confirm", who.name(), null);
		Disease disease = reference.disease(card.disease()).orElseThrow();
		publish(card.id(), new Checked(row, disease.listingOn(card.diagnosisTime().atZoneSameInstant(CHINA).toLocalDate())
			.orElseThrow()));
		return card(card.id());
	}

	/** 订正: the card's fields replaced, the reason kept with the earlier version. */
	@Transactional
	public CaseCard revise(String cardNo, CaseCardInput input, String reason, RhipPrincipal who) {
		mayReport(who);
		CaseCard card = require(cardNo, who);
		if (card.status().equals("deleted")) {
			throw new InvalidInput("case.deleted", "cardNo", "card " + cardNo + " is deleted");
		}
		requireReason(reason);
		CaseCardInput merged = new CaseCardInput(cardNo, input.disease(), input.classification(), input.idNumber(),
				input.sex(), input.ageYears(), input.occupation(), input.orgUnit(), input.onsetDate(), input.diagnosisTime(),
				input.reportTime() == null ? card.reportTime().orElse(null) : input.reportTime(), input.institution(),
				input.doctor());
		Checked checked = check(merged, who, card.status().equals("draft"));
		CaseReportRepository.Row row = checked.row();
		if (input.idNumber() == null || input.idNumber().isBlank()) {
			// the ID number is never shown, so a revision without one keeps the stored hash
			row = new CaseReportRepository.Row(row.disease(), row.classification(), repository.idHash(card.id()).orElse(null),
					row.sex(), row.ageYears(), row.occupation(), row.orgUnit(), row.onsetDate(), row.diagnosisTime(),
					row.reportTime(), row.institution(), row.doctor(), row.reportLimitHours(), row.onTime());
		}
		Long duplicateOf = repository.earlierCardOfSamePerson(row.idHash(), row.disease(), row.diagnosisTime(),
				DUPLICATE_DAYS, card.id()).filter(other -> other < card.id()).orElse(null);
		repository.update(card.id(), card.status(), row, duplicateOf);
		repository.history(card.id(), "revise", who.name(), reason.strip());
		return card(card.id());
	}

	/** Deletes a card (it stops counting); the card and its history stay. */
	@Transactional
	public CaseCard delete(String cardNo, String reason, RhipPrincipal who) {
		mayReport(who);
		CaseCard card = require(cardNo, who);
		if (card.status().equals("deleted")) {
			throw new InvalidInput("case.deleted", "cardNo", "card " + cardNo + " is deleted already");
		}
		requireReason(reason);
		repository.setStatus(card.id(), "deleted");
		repository.history(card.id(), "delete", who.name(), reason.strip());
		return card(card.id());
	}

	public CaseCard card(String cardNo, RhipPrincipal who) {
		return require(cardNo, who);
	}

	public List<CardVersion> history(String cardNo, RhipPrincipal who) {
		return repository.history(require(cardNo, who).id());
	}

	/** Cards diagnosed in [from, to] within an org unit (and the caller's scope), newest first. */
	public List<CaseCard> list(String orgUnit, LocalDate from, LocalDate to, Optional<String> disease,
			Optional<String> status, RhipPrincipal who) {
		registry.orgUnit(orgUnit);
		if (who.scope().isPresent() && !registry.isWithin(orgUnit, who.scope().get())) {
			throw new Forbidden("scope", "org unit " + orgUnit + " is outside your scope");
		}
		return repository
			.list(registry.subtreeCodes(orgUnit), from.atStartOfDay(CHINA).toOffsetDateTime(),
					to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(), disease.orElse(null), status.orElse(null), 5000)
			.stream()
			.map(this::named)
			.toList();
	}

	private CaseCard require(String cardNo, RhipPrincipal who) {
		CaseCard card = repository.byCardNo(cardNo)
			.orElseThrow(() -> new NotFound("case.not-found", "no card with number " + cardNo));
		if (who.scope().isPresent() && !registry.isWithin(card.orgUnit(), who.scope().get())
				&& !registry.isWithin(registry.institution(card.institution()).orgUnitCode(), who.scope().get())) {
			throw new NotFound("case.not-found", "no card with number " + cardNo);
		}
		return named(card);
	}

	private CaseCard card(long id) {
		return named(repository.byCardNo(repository.cardNo(id)).orElseThrow());
	}

	private CaseCard named(CaseCard card) {
		String name = registry.findOrgUnit(card.orgUnit()).map(OrgUnit::name).orElse(card.orgUnit());
		return new CaseCard(card.id(), card.cardNo(), card.status(), card.version(), card.disease(), card.diseaseName(),
				card.classification(), card.sex(), card.ageYears(), card.occupation(), card.orgUnit(), name,
				card.onsetDate(), card.diagnosisTime(), card.reportTime(), card.institution(), card.doctor(),
				card.reportLimitHours(), card.onTime(), card.duplicateOf());
	}

	private record Checked(CaseReportRepository.Row row, Disease.Listing listing) {
	}

	/** Every field checked; the first problem is thrown naming its field. */
	private Checked check(CaseCardInput in, RhipPrincipal who, boolean draft) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Disease disease = reference.disease(in.disease())
			.orElseThrow(() -> new InvalidInput("case.disease", "disease", "unknown disease code '" + in.disease() + "'"));
		if (in.diagnosisTime() == null) {
			throw new InvalidInput("case.diagnosis-time", "diagnosisTime", "the time of diagnosis is required");
		}
		if (in.diagnosisTime().isAfter(now.plusMinutes(5))) {
			throw new InvalidInput("case.diagnosis-future", "diagnosisTime", "the time of diagnosis is in the future");
		}
		LocalDate diagnosisDay = in.diagnosisTime().atZoneSameInstant(CHINA).toLocalDate();
		Disease.Listing listing = disease.listingOn(diagnosisDay)
			.orElseThrow(() -> new InvalidInput("case.disease-not-listed", "disease",
					disease.name() + " was not a notifiable disease on " + diagnosisDay));
		String classification = in.classification() == null ? null : in.classification().strip();
		if (!CLASSIFICATIONS.contains(classification)) {
			throw new InvalidInput("case.classification", "classification",
					"classification must be suspected, clinical, confirmed or carrier");
		}
		if (in.onsetDate() != null && in.onsetDate().isAfter(diagnosisDay)) {
			throw new InvalidInput("case.onset-after-diagnosis", "onsetDate", "the onset date is after the diagnosis");
		}
		OffsetDateTime reportTime = draft ? null : (in.reportTime() == null ? now : in.reportTime());
		if (reportTime != null && reportTime.isBefore(in.diagnosisTime())) {
			throw new InvalidInput("case.report-before-diagnosis", "reportTime", "the report time is before the diagnosis");
		}
		if (reportTime != null && reportTime.isAfter(now.plusMinutes(5))) {
			throw new InvalidInput("case.report-future", "reportTime", "the report time is in the future");
		}
		String idHash = null;
		String sex = in.sex() == null ? null : in.sex().strip();
		Integer age = in.ageYears();
		if (in.idNumber() != null && !in.idNumber().isBlank()) {
			ResidentIdNumber id;
			try {
				id = ResidentIdNumber.parse(in.idNumber(), diagnosisDay);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("case.id-number", "idNumber", ex.getMessage());
			}
			idHash = identifierHash.hash(id.value());
			if (sex == null) {
				sex = id.sex();
			}
			else if (!sex.equals("unknown") && !sex.equals(id.sex())) {
				throw new InvalidInput("case.sex-id-number", "sex", "the sex does not agree with the ID number");
			}
			int fromId = java.time.Period.between(id.birthDate(), diagnosisDay).getYears();
			if (age == null) {
				age = fromId;
			}
			else if (Math.abs(age - fromId) > 1) {
				throw new InvalidInput("case.age-id-number", "ageYears", "the age does not agree with the ID number");
			}
		}
		if (!SEXES.contains(sex)) {
			throw new InvalidInput("case.sex", "sex", "sex must be male, female or unknown");
		}
		if (age != null && (age < 0 || age > 150)) {
			throw new InvalidInput("case.age", "ageYears", "age must be between 0 and 150 years");
		}
		OrgUnit place = in.orgUnit() == null ? null : registry.findOrgUnit(in.orgUnit().strip()).orElse(null);
		if (place == null) {
			throw new InvalidInput("case.org-unit", "orgUnit", "unknown org unit '" + in.orgUnit() + "'");
		}
		if (!Set.of("street", "town", "community", "village").contains(place.kind())
				|| registry.regionOf(place.code()).isEmpty()) {
			throw new InvalidInput("case.org-unit-level", "orgUnit",
					"the address must be a street, town, community or village of one of the platform's districts");
		}
		if (in.institution() == null || registry.findInstitution(in.institution().strip()).isEmpty()) {
			throw new InvalidInput("case.institution", "institution", "unknown institution '" + in.institution() + "'");
		}
		Institution institution = registry.institution(in.institution().strip());
		if (who.scope().isPresent() && !registry.isWithin(institution.orgUnitCode(), who.scope().get())) {
			throw new Forbidden("scope", "institution " + institution.code() + " is outside your scope");
		}
		Boolean onTime = reportTime == null ? null : onTime(in.diagnosisTime(), reportTime, listing.reportLimitHours());
		return new Checked(new CaseReportRepository.Row(disease.code(), classification, idHash, sex, age,
				blankToNull(in.occupation()), place.code(), in.onsetDate(), in.diagnosisTime(), reportTime,
				institution.code(), blankToNull(in.doctor()), listing.reportLimitHours(), onTime), listing);
	}

	private static boolean onTime(OffsetDateTime diagnosis, OffsetDateTime report, int limitHours) {
		return Duration.between(diagnosis, report).compareTo(Duration.ofHours(limitHours)) <= 0;
	}

	private void publish(long id, Checked checked) {
		events.publishEvent(new CaseReported(id, checked.row().disease(), checked.row().orgUnit(),
				checked.row().reportTime().atZoneSameInstant(CHINA).toLocalDate(), checked.listing().classAMeasures()));
	}

	private static void mayReport(RhipPrincipal who) {
		if (who.role() == Role.ANALYST) {
			throw new Forbidden("role", "an analyst reads and does not report");
		}
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("case.reason", "reason", "say why the card is revised or deleted");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
