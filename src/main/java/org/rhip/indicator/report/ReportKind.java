package org.rhip.indicator.report;

import org.rhip.indicator.plan.Plan;

/**
 * Which review a year's evaluation is: the final review (终期评估) in the target year, the mid-term
 * review (中期评估) half-way through, annual monitoring (年度监测) in the other years.
 */
enum ReportKind {

	MID_TERM, FINAL, ANNUAL;

	static ReportKind of(Plan plan, int year) {
		if (year >= plan.targetYear()) {
			return FINAL;
		}
		return year == midTermYear(plan) ? MID_TERM : ANNUAL;
	}

	/** The third year of a five-year plan: 2023 for 2020–2025, 2018 for 2015–2020 (as the console has it). */
	static int midTermYear(Plan plan) {
		return plan.baselineYear() + (plan.targetYear() - plan.baselineYear() + 1) / 2;
	}

}
