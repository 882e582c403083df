package org.rhip.indicator.report;

import java.util.Locale;

import org.rhip.indicator.evaluation.PlanEvaluation;

/** Mid-term and final evaluation reports (中期评估 / 终期评估) as XLSX and Word documents. */
public final class EvaluationReports {

	private EvaluationReports() {
	}

	public static byte[] xlsx(PlanEvaluation evaluation, Locale locale) {
		throw new IllegalStateException("XLSX report: being written");
	}

	public static byte[] docx(PlanEvaluation evaluation, Locale locale) {
		throw new IllegalStateException("DOCX report: being written");
	}

}
