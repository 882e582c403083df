package org.rhip.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rhip.indicator.evaluation.IndicatorResult;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.indicator.plan.PlanRow;

/**
 * One row of a plan's indicator table as the console shows it: texts in the reader's language,
 * baseline and target as printed, the actual and its status for the evaluated year.
 *
 * @param attribute {@code binding}, {@code expected} or {@code not_stated}
 * @param actual the actual as text ("6.05", "78.50/80.70"), empty without data
 * @param sources where the actual comes from ({@code entry}, {@code demo/plan}, …), empty without data
 * @param status a status key ({@code on_track})
 * @param reasons why each indicator of the row has its status
 * @param notes the evaluator's notes (baseline checks) and the transcriber's remark on the row
 */
public record RowView(int position, String no, String category, String name, String unit, String baseline,
		String target, String attribute, boolean binding, String actual, String sources, String status,
		List<String> reasons, List<String> notes, String remark, List<IndicatorLink> indicators) {

	/** An indicator of the row, linking to its comparison across the regions. */
	public record IndicatorLink(String code, String name) {
	}

	static RowView of(RowResult result, Locale locale, Wording wording) {
		boolean en = ConsoleView.isEnglish(locale);
		PlanRow row = result.row();
		List<String> reasons = new ArrayList<>();
		List<IndicatorLink> indicators = new ArrayList<>();
		for (IndicatorResult indicator : result.indicators()) {
			String name = en ? indicator.indicator().nameEn() : indicator.indicator().name();
			String reason = wording.reason(indicator.judgement().reason(), locale);
			reasons.add(result.indicators().size() > 1 ? name + ": " + reason : reason);
			indicators.add(new IndicatorLink(indicator.indicator().code(), name));
		}
		List<String> notes = result.notes().stream().map(n -> wording.note(n, locale)).toList();
		String attribute = row.attribute() == null ? "not_stated" : row.attribute();
		boolean hasActual = result.actualText().isPresent();
		return new RowView(row.position(), row.no(), en ? orElse(row.categoryEn(), row.category()) : row.category(),
				en ? orElse(row.nameEn(), row.name()) : row.name(), row.unit() == null ? "" : row.unit(),
				row.baseline() == null ? "" : row.baseline(), row.target() == null ? "" : row.target(), attribute,
				row.binding(), result.actualText().orElse(""), hasActual ? result.source() : "", result.status().key(),
				List.copyOf(reasons), notes, row.remark() == null ? "" : row.remark(), List.copyOf(indicators));
	}

	private static String orElse(String text, String fallback) {
		return text == null || text.isBlank() ? fallback : text;
	}

	public boolean hasDetails() {
		return !reasons.isEmpty() || !notes.isEmpty() || !remark.isEmpty();
	}

}
