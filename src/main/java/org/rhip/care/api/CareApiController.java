package org.rhip.care.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.care.CareServices;
import org.rhip.care.IndicatorComputation;
import org.rhip.care.IndicatorValue;
import org.rhip.care.RecordIndicators;
import org.rhip.care.ServiceRecord;
import org.rhip.care.WorkItem;
import org.rhip.care.Worklists;
import org.rhip.platform.problem.Forbidden;
import org.rhip.security.CurrentUser;
import org.rhip.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the care module: record-based indicator values with numerator and denominator and the
 * people behind them, worklists, services done and reminders. Scope and audit are applied in the
 * services.
 */
@RestController
@RequestMapping("/api/care")
class CareApiController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final RecordIndicators indicators;

	private final Worklists worklists;

	private final CareServices services;

	CareApiController(RecordIndicators indicators, Worklists worklists, CareServices services) {
		this.indicators = indicators;
		this.worklists = worklists;
		this.services = services;
	}

	/** Every record-based indicator of an org unit for a year. */
	@GetMapping("/indicators")
	Map<String, IndicatorValue> indicators(@RequestParam String orgUnit, @RequestParam int year) {
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		for (String code : indicators.indicators()) {
			indicators.value(code, orgUnit, year).ifPresent(v -> values.put(code, v));
		}
		return values;
	}

	/** One indicator for an org unit and its children (a district and its streets). */
	@GetMapping("/indicators/{code}")
	List<IndicatorValue> indicator(@PathVariable String code, @RequestParam String orgUnit, @RequestParam int year) {
		return indicators.values(code, orgUnit, year);
	}

	@GetMapping("/indicators/{code}/members")
	RecordIndicators.Members members(@PathVariable String code, @RequestParam String orgUnit, @RequestParam int year,
			@RequestParam(defaultValue = "numerator") String part, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		RecordIndicators.Part which = switch (part) {
			case "numerator" -> RecordIndicators.Part.NUMERATOR;
			case "denominator" -> RecordIndicators.Part.DENOMINATOR;
			default -> throw new org.rhip.platform.problem.InvalidInput("care.part", "part", "part is numerator or denominator");
		};
		return indicators.members(code, orgUnit, year, which, offset, limit);
	}

	/** Recomputes a region's values now (administrators). */
	@PostMapping("/indicators/refresh")
	IndicatorComputation refresh(@RequestParam String region) {
		if (CurrentUser.require().role() != Role.ADMIN) {
			throw new Forbidden("role", "only an administrator recomputes the indicators");
		}
		return indicators.refresh(region);
	}

	@GetMapping("/worklist")
	List<WorkItem> worklist(@RequestParam String orgUnit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "7") int days, @RequestParam(required = false) Set<String> program,
			@RequestParam(defaultValue = "200") int limit) {
		return worklists.worklist(orgUnit, date == null ? LocalDate.now(CHINA) : date, days, program == null ? Set.of() : program,
				limit);
	}

	record Created(String encounter) {
	}

	@PostMapping("/services")
	@ResponseStatus(HttpStatus.CREATED)
	Created service(@RequestBody ServiceRecord service) {
		requireWriter();
		return new Created(services.record(service));
	}

	record Vaccination(long personId, String vaccineCode, int doseNumber, LocalDate date, String institution) {
	}

	record CreatedImmunization(String immunization) {
	}

	@PostMapping("/vaccinations")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedImmunization vaccination(@RequestBody Vaccination v) {
		requireWriter();
		return new CreatedImmunization(services.recordVaccination(v.personId(), v.vaccineCode(), v.doseNumber(), v.date(),
				v.institution()));
	}

	record Reminder(long personId, String service, LocalDate dueDate, String channel) {
	}

	record ReminderId(long id) {
	}

	@PostMapping("/reminders")
	@ResponseStatus(HttpStatus.CREATED)
	ReminderId remind(@RequestBody Reminder r) {
		requireWriter();
		return new ReminderId(worklists.remind(r.personId(), r.service(), r.dueDate(), r.channel()));
	}

	private static void requireWriter() {
		if (!CurrentUser.require().role().mayWriteRecords()) {
			throw new Forbidden("role", "this role does not record services");
		}
	}

}
