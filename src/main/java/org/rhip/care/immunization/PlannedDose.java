package org.rhip.care.immunization;

import java.time.LocalDate;

/**
 * A dose of a child's plan: series ({@code hepb}, {@code polio}, {@code dtp}, …), vaccine and dose
 * number, the schedule edition it follows, the due date, the timely deadline (last timely day), the
 * date given (null when not given) and the status.
 *
 * <p>
 * Due date: the recommended age, pushed back by the minimum intervals after the earlier doses of the
 * track — their dates when given, or, when they are missing and still to be caught up, the as-of date
 * (the earliest they can now be given). A missed dose is due now: its due date is in the past and its
 * status DUE or OVERDUE.
 */
public record PlannedDose(String series, String vaccineCode, int doseNumber, String edition, LocalDate dueDate,
		LocalDate deadline, LocalDate givenOn, DoseStatus status) {

	public boolean given() {
		return givenOn != null;
	}

}
