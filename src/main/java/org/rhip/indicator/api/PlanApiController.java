package org.rhip.indicator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.indicator.EvaluationJson;
import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.entry.DataEntryService;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.yaml.YamlProblem;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of plans: list, table, evaluation, data entry, and loading a district's own plan file. */
@RestController
@RequestMapping("/api/plans")
class PlanApiController {

	/** A data-entry form: values by data element code, as typed. */
	record ValuesRequest(String orgUnit, String period, Map<String, String> values) {
	}

	private final IndicatorApi indicators;

	PlanApiController(IndicatorApi indicators) {
		this.indicators = indicators;
	}

	@GetMapping
	List<IndicatorApi.PlanSummary> plans() {
		return indicators.plans();
	}

	@GetMapping("/{id}")
	Map<String, Object> plan(@PathVariable String id) {
		Plan plan = indicators.plan(id);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", plan.id());
		json.put("name", plan.name());
		json.put("nameEn", plan.nameEn());
		json.put("region", plan.regionCode());
		json.put("baselineYear", plan.baselineYear());
		json.put("targetYear", plan.targetYear());
		json.put("source", plan.source());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (PlanRow row : plan.rows()) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("position", row.position());
			r.put("no", row.no());
			r.put("category", row.category());
			r.put("indicators", row.indicators());
			r.put("name", row.name());
			r.put("nameEn", row.nameEn());
			r.put("unit", row.unit());
			r.put("baseline", row.baseline());
			r.put("target", row.target());
			r.put("attribute", row.attribute());
			r.put("remark", row.remark());
			rows.add(r);
		}
		json.put("rows", rows);
		return json;
	}

	@GetMapping("/{id}/evaluation")
	Map<String, Object> evaluation(@PathVariable String id, @RequestParam(required = false) Integer year) {
		int y = year != null ? year : indicators.latestYear(id);
		return EvaluationJson.of(indicators.evaluate(id, y));
	}

	@PostMapping("/{id}/values")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> enter(@PathVariable String id, @RequestBody ValuesRequest request) {
		RhipPrincipal user = CurrentUser.require();
		if (!user.mayEnterData()) {
			throw new Forbidden("role", "role " + user.role().key() + " may not enter data");
		}
		if (request.values() == null || request.values().isEmpty()) {
			throw new InvalidInput("entry.empty", "values", "the form holds no value");
		}
		List<DataEntryService.Entry> entries = request.values().entrySet().stream()
			.map(e -> new DataEntryService.Entry(e.getKey(), e.getValue()))
			.toList();
		int stored = indicators.enter(id, request.orgUnit(), request.period(), entries, user.name(),
				user.scope().orElse(null));
		return Map.of("stored", stored);
	}

	/** Loads or replaces a plan from the text of a plan file (docs/plan-format.md); admin only. */
	@PostMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> load(@RequestBody String text, @RequestParam(defaultValue = "uploaded.yaml") String file) {
		try {
			Plan plan = indicators.loadPlan(file, text);
			return Map.of("id", plan.id(), "rows", plan.rows().size());
		}
		catch (YamlProblem ex) {
			throw new InvalidInput("plan.file", "file", ex.getMessage());
		}
	}

}
