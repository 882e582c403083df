package org.rhip.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.indicator.IndicatorApi;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanRow;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The plans (规划): the list, a plan's dashboard for a year, one row's chart, the evaluation reports. */
@Controller
class PlanController {

	/** A plan in the list, with where its rows stand in the latest year that has data. */
	public record PlanCard(String id, String name, String region, int baselineYear, int targetYear, int rows,
			int latestYear, Map<String, Long> counts) {
	}

	/** A choice of a filter: the value sent, the label shown. */
	public record Option(String value, String label) {
	}

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final IndicatorApi indicators;

	private final PlanPages pages;

	private final Wording wording;

	private final MessageSource messages;

	PlanController(IndicatorApi indicators, PlanPages pages, Wording wording, MessageSource messages) {
		this.indicators = indicators;
		this.pages = pages;
		this.wording = wording;
		this.messages = messages;
	}

	@GetMapping("/")
	String plans(Model model, Locale locale) {
		List<PlanCard> cards = new ArrayList<>();
		for (IndicatorApi.PlanSummary summary : indicators.plans()) {
			Plan plan = indicators.plan(summary.id());
			int latest = pages.year(plan, null);
			PlanEvaluation evaluation = indicators.evaluate(plan.id(), latest);
			cards.add(new PlanCard(plan.id(), PlanPages.planName(plan, locale), pages.regionName(plan.regionCode(), locale),
					plan.baselineYear(), plan.targetYear(), summary.rows(), latest, PlanPages.counts(evaluation)));
		}
		model.addAttribute("plans", cards);
		return "plans";
	}

	@GetMapping("/plans/{id}")
	String dashboard(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String category, @RequestParam(required = false) String attribute,
			Model model, Locale locale) {
		Plan plan = indicators.plan(id);
		int shown = pages.year(plan, year);
		PlanEvaluation evaluation = indicators.evaluate(id, shown);
		List<RowView> rows = new ArrayList<>();
		for (RowResult result : evaluation.rows()) {
			PlanRow row = result.row();
			boolean categoryMatches = category == null || category.isBlank() || category.equals(row.category());
			String rowAttribute = row.attribute() == null ? "not_stated" : row.attribute();
			boolean attributeMatches = attribute == null || attribute.isBlank() || attribute.equals(rowAttribute);
			if (categoryMatches && attributeMatches) {
				rows.add(RowView.of(result, locale, wording));
			}
		}
		Map<String, Option> categories = new LinkedHashMap<>();
		boolean en = ConsoleView.isEnglish(locale);
		for (PlanRow row : plan.rows()) {
			categories.putIfAbsent(row.category(), new Option(row.category(),
					en && row.categoryEn() != null ? row.categoryEn() : row.category()));
		}
		model.addAttribute("plan", plan);
		model.addAttribute("planName", PlanPages.planName(plan, locale));
		model.addAttribute("region", pages.regionName(plan.regionCode(), locale));
		model.addAttribute("year", shown);
		model.addAttribute("years", PlanPages.years(plan));
		model.addAttribute("rows", rows);
		model.addAttribute("total", evaluation.rows().size());
		model.addAttribute("counts", PlanPages.counts(evaluation));
		model.addAttribute("flagged", evaluation.flagged().stream().map(r -> RowView.of(r, locale, wording)).toList());
		model.addAttribute("categories", List.copyOf(categories.values()));
		model.addAttribute("category", category == null ? "" : category);
		model.addAttribute("attribute", attribute == null ? "" : attribute);
		model.addAttribute("midTermYear", plan.midTermYear());
		model.addAttribute("filtered", rows.size() != evaluation.rows().size());
		return "dashboard";
	}

	@GetMapping("/plans/{id}/rows/{position}")
	String row(@PathVariable String id, @PathVariable int position, @RequestParam(required = false) Integer year,
			Model model, Locale locale) {
		Plan plan = indicators.plan(id);
		int shown = pages.year(plan, year);
		RowResult result = PlanPages.row(indicators.evaluate(id, shown), position);
		model.addAttribute("plan", plan);
		model.addAttribute("planName", PlanPages.planName(plan, locale));
		model.addAttribute("region", pages.regionName(plan.regionCode(), locale));
		model.addAttribute("year", shown);
		model.addAttribute("years", PlanPages.years(plan));
		model.addAttribute("row", RowView.of(result, locale, wording));
		model.addAttribute("series", pages.series(plan, position, shown, locale));
		return "row";
	}

	@GetMapping("/plans/{id}/report.{format:xlsx|docx}")
	ResponseEntity<byte[]> report(@PathVariable String id, @PathVariable String format,
			@RequestParam(required = false) Integer year, Locale locale) {
		Plan plan = indicators.plan(id);
		int shown = year == null ? plan.targetYear() : pages.year(plan, year);
		byte[] body = indicators.report(indicators.evaluate(id, shown), format, locale);
		String kind = messages.getMessage(shown >= plan.targetYear() ? "report.final" : shown == plan.midTermYear()
				? "report.mid-term" : "report.annual", new Object[] { String.valueOf(shown) }, locale);
		String fileName = PlanPages.planName(plan, locale) + "-" + kind + "." + format;
		return ResponseEntity.ok()
			.contentType("xlsx".equals(format) ? XLSX : DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(plan.id() + "-" + shown + "." + format, fileName))
			.body(body);
	}

	/** {@code attachment} with an ASCII file name and the real one encoded per RFC 5987 / RFC 6266. */
	static String attachment(String asciiName, String name) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean attrChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0;
			if (attrChar) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
				+ encoded;
	}

}
