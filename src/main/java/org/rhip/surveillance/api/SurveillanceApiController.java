package org.rhip.surveillance.api;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.rhip.security.CurrentUser;
import org.rhip.surveillance.AlertView;
import org.rhip.surveillance.CardVersion;
import org.rhip.surveillance.CaseCard;
import org.rhip.surveillance.CaseCardInput;
import org.rhip.surveillance.DetectionResult;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.EpidemicCurve;
import org.rhip.surveillance.LoadResult;
import org.rhip.surveillance.Notification;
import org.rhip.surveillance.SentinelCount;
import org.rhip.surveillance.SignalView;
import org.rhip.surveillance.SurveillanceApi;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of surveillance: report cards, sentinel counts, detection runs, signals and their
 * response, alerts and curves. Who may do what is checked in the module's services.
 */
@RestController
@RequestMapping("/api/surveillance")
class SurveillanceApiController {

	record Draft(String icd10, CaseCardInput patient) {
	}

	record Revision(CaseCardInput card, String reason) {
	}

	record Run(String region, LocalDate from, LocalDate to) {
	}

	record Move(String status, String note) {
	}

	record Note(String note) {
	}

	private final SurveillanceApi surveillance;

	SurveillanceApiController(SurveillanceApi surveillance) {
		this.surveillance = surveillance;
	}

	@GetMapping("/diseases")
	List<Disease> diseases() {
		return surveillance.diseases();
	}

	@PostMapping("/cases")
	@ResponseStatus(HttpStatus.CREATED)
	CaseCard report(@RequestBody CaseCardInput card) {
		return surveillance.report(card, CurrentUser.require());
	}

	/** A diagnosis from a hospital system: a draft card when its code is notifiable, else 200 and nothing. */
	@PostMapping("/cases/drafts")
	ResponseEntity<?> draft(@RequestBody Draft draft) {
		Optional<CaseCard> card = surveillance.draftFromDiagnosis(draft.icd10(),
				draft.patient() == null ? new CaseCardInput(null, null, null, null, null, null, null, null, null, null,
						null, null, null) : draft.patient(),
				CurrentUser.require());
		return card.<ResponseEntity<?>>map(c -> ResponseEntity.status(HttpStatus.CREATED).body(c))
			.orElseGet(() -> ResponseEntity.ok(Map.of("notifiable", false)));
	}

	@GetMapping("/cases")
	List<CaseCard> cards(@RequestParam String orgUnit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam Optional<String> disease, @RequestParam Optional<String> status) {
		return surveillance.cards(orgUnit, from, to, disease, status, CurrentUser.require());
	}

	@GetMapping("/cases/{cardNo}")
	CaseCard card(@PathVariable String cardNo) {
		return surveillance.card(cardNo, CurrentUser.require());
	}

	@GetMapping("/cases/{cardNo}/history")
	List<CardVersion> history(@PathVariable String cardNo) {
		return surveillance.cardHistory(cardNo, CurrentUser.require());
	}

	@PutMapping("/cases/{cardNo}")
	CaseCard revise(@PathVariable String cardNo, @RequestBody Revision revision) {
		return surveillance.revise(cardNo, revision.card(), revision.reason(), CurrentUser.require());
	}

	@PostMapping("/cases/{cardNo}/confirm")
	CaseCard confirm(@PathVariable String cardNo) {
		return surveillance.confirm(cardNo, CurrentUser.require());
	}

	@DeleteMapping("/cases/{cardNo}")
	CaseCard delete(@PathVariable String cardNo, @RequestParam(required = false) String reason) {
		return surveillance.deleteCard(cardNo, reason, CurrentUser.require());
	}

	/** Sentinel counts as JSON; good items are stored, the rest listed by their 1-based position. */
	@PostMapping(path = "/counts", consumes = "application/json")
	LoadResult counts(@RequestBody List<SentinelCount> counts) {
		return surveillance.storeCounts(counts, CurrentUser.require());
	}

	/** Sentinel counts as CSV ({@code date,source,syndrome,orgUnit,count}); rejected rows listed by line. */
	@PostMapping(path = "/counts", consumes = "text/csv")
	LoadResult countsCsv(HttpServletRequest request) throws IOException {
		return surveillance.loadCounts(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8),
				CurrentUser.require());
	}

	@PostMapping("/detection-runs")
	DetectionResult detect(@RequestBody Run run) {
		if (run.region() == null || run.from() == null || run.to() == null) {
			throw new org.rhip.platform.problem.InvalidInput("detection.fields", run.region() == null ? "region"
					: run.from() == null ? "from" : "to", "region, from and to are required");
		}
		return surveillance.detect(run.region(), run.from(), run.to(), CurrentUser.require());
	}

	@GetMapping("/signals")
	List<SignalView> signals(@RequestParam String orgUnit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean open) {
		return surveillance.signals(orgUnit, from, to, open, CurrentUser.require());
	}

	@GetMapping("/signals/{id}")
	Map<String, Object> signal(@PathVariable long id) {
		return Map.of("signal", surveillance.signal(id, CurrentUser.require()), "timeline",
				surveillance.timeline(id, CurrentUser.require()));
	}

	@PostMapping("/signals/{id}/status")
	SignalView move(@PathVariable long id, @RequestBody Move move) {
		return surveillance.moveSignal(id, move.status(), move.note(), CurrentUser.require());
	}

	@PostMapping("/signals/{id}/notes")
	SignalView note(@PathVariable long id, @RequestBody Note note) {
		return surveillance.noteSignal(id, note.note(), CurrentUser.require());
	}

	@GetMapping("/alerts")
	List<AlertView> alerts(@RequestParam String orgUnit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return surveillance.alerts(orgUnit, from, to, CurrentUser.require());
	}

	@GetMapping("/curve")
	EpidemicCurve curve(@RequestParam String stream, @RequestParam String subject, @RequestParam String orgUnit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return surveillance.curve(stream, subject, orgUnit, from, to, CurrentUser.require());
	}

	@GetMapping("/notifications")
	List<Notification> notifications() {
		return surveillance.notifications(CurrentUser.require());
	}

}
