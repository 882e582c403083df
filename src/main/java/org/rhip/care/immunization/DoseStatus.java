package org.rhip.care.immunization;

/** Where a scheduled dose stands on the as-of date. */
public enum DoseStatus {

	/** Given by its timely deadline. */
	GIVEN_ON_TIME,
	/** Given after its timely deadline. */
	GIVEN_LATE,
	/** Not given, its due date still ahead. */
	NOT_YET_DUE,
	/** Not given, due, timely deadline not yet passed. */
	DUE,
	/** Not given, timely deadline passed: to be caught up now (from its due date). */
	OVERDUE,
	/** Not given, waiting for a medical assessment (BCG of a preterm baby of ≤ 31 weeks) until its deadline. */
	DEFERRED,
	/** Not given and past the age at which it is caught up (BCG from 4 years, MPSV-A from 24 months). */
	NO_CATCH_UP

}
