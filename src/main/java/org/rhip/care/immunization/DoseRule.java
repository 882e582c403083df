package org.rhip.care.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * One dose of a track as the schedule file gives it (see {@code care/nip-schedule.yaml}): the edition
 * it comes from, recommended and minimum age, minimum intervals from earlier doses of the track (by
 * 1-based position), the age before which it is timely, the age from which it is no longer caught up
 * (null: until 18), the gestational age up to which it waits for a medical assessment (null: never),
 * and the default-track dose it stands for (null: none).
 */
record DoseRule(String edition, DoseKey key, Period age, Period minAge, Map<Integer, Period> after, Period timelyBefore,
		Period noCatchUpFrom, Integer deferUpToGestationWeeks, DoseKey countsAs) {

	/** The last day on which the dose is timely: the day before the child reaches {@link #timelyBefore()}. */
	LocalDate deadline(LocalDate birth) {
		return birth.plus(timelyBefore).minusDays(1);
	}

	boolean catchUpOver(LocalDate birth, LocalDate on) {
		return noCatchUpFrom != null && !on.isBefore(birth.plus(noCatchUpFrom));
	}

	boolean deferredFor(Child child) {
		return deferUpToGestationWeeks != null && child.gestationalWeeks() != null
				&& child.gestationalWeeks() <= deferUpToGestationWeeks;
	}

}
