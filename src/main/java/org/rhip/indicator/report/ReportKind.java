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
		return year == plan.midTermYear() ? MID_TERM : ANNUAL;
	}

}
