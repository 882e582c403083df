package org.rhip.indicator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.catalog.IndicatorDefinition;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the indicator catalogue, and one indicator across the regions. */
@RestController
@RequestMapping("/api/indicators")
class IndicatorApiController {

	private final IndicatorApi indicators;

	IndicatorApiController(IndicatorApi indicators) {
		this.indicators = indicators;
	}

	@GetMapping
	List<IndicatorDefinition> catalog() {
		return List.copyOf(indicators.catalog().allIndicators());
	}

	@GetMapping("/{code}/regions")
	List<Map<String, Object>> regions(@PathVariable String code, @RequestParam int year) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (IndicatorApi.RegionValue value : indicators.across(code, year)) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("plan", value.plan().id());
			json.put("region", value.plan().regionCode());
			json.put("baseline", value.row().row().baseline());
			json.put("target", value.row().row().target());
			json.put("actual", value.row().actualText().orElse(null));
			json.put("source", value.row().source());
			json.put("status", value.row().status().key());
			rows.add(json);
		}
		return rows;
	}

}
