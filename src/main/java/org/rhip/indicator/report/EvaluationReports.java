package org.rhip.indicator.report;

import java.time.LocalDate;
import java.util.Locale;

import org.rhip.indicator.evaluation.PlanEvaluation;

/**
 * Mid-term and final evaluation reports (中期评估 / 终期评估), or annual monitoring in the other years,
 * as an XLSX workbook and a Word document; in Chinese, or in English for an English locale. Both hold
 * aggregate figures only.
 */
public final class EvaluationReports {

	private EvaluationReports() {
	}

	public static byte[] xlsx(PlanEvaluation evaluation, Locale locale) {
		return xlsx(evaluation, locale, LocalDate.now());
	}

	public static byte[] docx(PlanEvaluation evaluation, Locale locale) {
		return docx(evaluation, locale, LocalDate.now());
	}

	static byte[] xlsx(PlanEvaluation evaluation, Locale locale, LocalDate generated) {
		return new XlsxReport(evaluation, ReportText.of(locale), generated).write();
	}

	static byte[] docx(PlanEvaluation evaluation, Locale locale, LocalDate generated) {
		return new DocxReport(evaluation, ReportText.of(locale), generated).write();
	}

}
