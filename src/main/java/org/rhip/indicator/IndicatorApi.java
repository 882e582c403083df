package org.rhip.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.indicator.catalog.Catalog;
import org.rhip.indicator.catalog.CatalogRepository;
import org.rhip.indicator.catalog.IndicatorDefinition;
import org.rhip.indicator.demo.DemoData;
import org.rhip.indicator.entry.DataEntryService;
import org.rhip.indicator.evaluation.Evaluator;
import org.rhip.indicator.evaluation.PlanEvaluation;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.Plan;
import org.rhip.indicator.plan.PlanFileLoader;
import org.rhip.indicator.plan.PlanRepository;
import org.rhip.indicator.report.EvaluationReports;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;

import org.springframework.stereotype.Service;

/**
 * The indicator module (规划监测评估): plans, indicators, data entry and evaluation. The console, the
 * JSON API and the command line use this class only.
 */
@Service
public class IndicatorApi {

	/** A plan in a list: enough to choose it. */
	public record PlanSummary(String id, String name, String nameEn, String regionCode, int baselineYear,
			int targetYear, int rows) {
	}

	/** One plan's row for an indicator, evaluated: for comparing the regions. */
	public record RegionValue(Plan plan, RowResult row) {
	}

	private final PlanRepository plans;

	private final CatalogRepository catalogs;

	private final Evaluator evaluator;

	private final PlanFileLoader planLoader;

	private final DataEntryService entry;

	private final DemoData demo;

	IndicatorApi(PlanRepository plans, CatalogRepository catalogs, Evaluator evaluator, PlanFileLoader planLoader,
			DataEntryService entry, DemoData demo) {
		this.plans = plans;
		this.catalogs = catalogs;
		this.evaluator = evaluator;
		this.planLoader = planLoader;
		this.entry = entry;
		this.demo = demo;
	}

	public List<PlanSummary> plans() {
		return plans.ids().stream().map(this::plan).map(p -> new PlanSummary(p.id(), p.name(), p.nameEn(),
				p.regionCode(), p.baselineYear(), p.targetYear(), p.rows().size())).toList();
	}

	public Plan plan(String id) {
		return plans.find(id).orElseThrow(() -> new NotFound("plan.not-found", "no plan with id " + id));
	}

	public Catalog catalog() {
		return catalogs.catalog();
	}

	public PlanEvaluation evaluate(String planId, int year) {
		Plan plan = plan(planId);
		if (year < plan.baselineYear() - 10 || year > plan.targetYear() + 10) {
			throw new InvalidInput("evaluate.year", "year", "year " + year + " is far outside the plan "
					+ plan.baselineYear() + "–" + plan.targetYear());
		}
		return evaluator.evaluate(plan, year);
	}

	/** The latest year up to the target year for which any row of the plan has a value. */
	public int latestYear(String planId) {
		Plan plan = plan(planId);
		PlanEvaluation full = evaluator.evaluate(plan, plan.targetYear());
		return full.rows().stream()
			.flatMap(r -> r.indicators().stream())
			.flatMap(i -> i.series().keySet().stream())
			.max(Integer::compare)
			.orElse(plan.baselineYear());
	}

	/** The same indicator in every plan that has it, evaluated for a year. */
	public List<RegionValue> across(String indicatorCode, int year) {
		IndicatorDefinition indicator = catalogs.catalog().indicator(indicatorCode)
			.orElseThrow(() -> new NotFound("indicator.not-found", "no indicator with code " + indicatorCode));
		List<RegionValue> values = new ArrayList<>();
		for (String id : plans.ids()) {
			Plan plan = plan(id);
			if (!plan.covers(year)) {
				continue;
			}
			Optional<RowResult> row = evaluator.evaluate(plan, year).rows().stream()
				.filter(r -> r.row().indicators().contains(indicator.code()))
				.findFirst();
			row.ifPresent(r -> values.add(new RegionValue(plan, r)));
		}
		return values;
	}

	/** Stores a data-entry form for a plan, all or nothing; see {@link DataEntryService}. */
	public int enter(String planId, String orgUnit, String period, List<DataEntryService.Entry> values, String user,
			String scope) {
		return entry.enter(plan(planId), orgUnit, period, values, user, scope);
	}

	/** What data entry holds for an org unit and year, by data element code (for the data-entry form). */
	public Map<String, BigDecimal> enteredValues(String orgUnit, int year, Collection<String> dataElements) {
		return entry.entered(orgUnit, year, dataElements);
	}

	/** Adds or replaces a plan from the text of a plan file (docs/plan-format.md). */
	public Plan loadPlan(String fileName, String text) {
		return planLoader.load(fileName, text);
	}

	/** An evaluation as an XLSX workbook or a Word document ({@code format} xlsx or docx). */
	public byte[] report(PlanEvaluation evaluation, String format, java.util.Locale locale) {
		return switch (format) {
			case "xlsx" -> EvaluationReports.xlsx(evaluation, locale);
			case "docx" -> EvaluationReports.docx(evaluation, locale);
			default -> throw new InvalidInput("report.format", "format", "report format must be xlsx or docx, not " + format);
		};
	}

	/** Writes the demo values of every plan; returns how many. */
	public int loadDemo() {
		return demo.load(plans.ids().stream().map(this::plan).toList());
	}

}
