package org.rhip.care.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 儿童预防接种计划 — a child's NIP doses on an as-of date: every dose of the schedule that applies to
 * the child, with due date, timely deadline and {@link DoseStatus}. Catch-up (补种, 2021 notes): only
 * the missing doses, never a restart; a missed dose is due at once, a later one no sooner than its
 * minimum intervals after the earlier doses (given, or given now at the earliest). Children of 18 and
 * over have no plan. Of alternative tracks (JE-L/JE-I, HepA-L/HepA-I) the plan follows a complete one,
 * else the one of the child's latest dose of the series, else the default (live vaccine).
 *
 * <p>
 * Preterm and low-birth-weight children follow their chronological age (2021 notes, 早产儿与低出生体重儿).
 * BCG of a baby born at ≤ 31 weeks waits for a medical assessment ("胎龄≤31孕周的早产儿，医学评估稳定后可在
 * 出院前接种", 2021 notes): it is {@link DoseStatus#DEFERRED} until its timely deadline (3 months), and a
 * missed dose like any other after that. Intervals are kept within a track; the 28-day gap between two
 * injected live vaccines of different series is not applied.
 */
public final class ImmunizationPlan {

	private final LocalDate asOf;

	private final List<PlannedDose> doses;

	private ImmunizationPlan(LocalDate asOf, List<PlannedDose> doses) {
		this.asOf = asOf;
		this.doses = List.copyOf(doses);
	}

	static ImmunizationPlan compute(NipSchedule schedule, Child child, LocalDate asOf) {
		List<PlannedDose> doses = new ArrayList<>();
		if (asOf.isBefore(child.birthDate().plus(schedule.catchUpBefore()))) {
			for (Series series : schedule.series()) {
				List<List<DoseRule>> tracks = series.resolve(child.birthDate());
				planTrack(series.code(), tracks.get(chooseTrack(tracks, child)), child, asOf, doses);
			}
		}
		return new ImmunizationPlan(asOf, doses);
	}

	static int chooseTrack(List<List<DoseRule>> tracks, Child child) {
		for (int t = 0; t < tracks.size(); t++) {
			if (tracks.get(t).stream().allMatch(rule -> child.given(rule.key()).isPresent())) {
				return t;
			}
		}
		int chosen = 0;
		LocalDate latest = null;
		for (int t = 0; t < tracks.size(); t++) {
			for (DoseRule rule : tracks.get(t)) {
				LocalDate given = child.given(rule.key()).orElse(null);
				if (given != null && (latest == null || given.isAfter(latest))) {
					latest = given;
					chosen = t;
				}
			}
		}
		return chosen;
	}

	private static void planTrack(String series, List<DoseRule> track, Child child, LocalDate asOf,
			List<PlannedDose> out) {
		LocalDate birth = child.birthDate();
		// when each dose was or can at the earliest be given; null: never (no catch-up)
		LocalDate[] at = new LocalDate[track.size()];
		for (int i = 0; i < track.size(); i++) {
			DoseRule rule = track.get(i);
			LocalDate due = later(birth.plus(rule.age()), birth.plus(rule.minAge()));
			for (Map.Entry<Integer, Period> interval : rule.after().entrySet()) {
				LocalDate before = at[interval.getKey() - 1];
				if (before != null) {
					due = later(due, before.plus(interval.getValue()));
				}
			}
			LocalDate deadline = rule.deadline(birth);
			LocalDate given = child.given(rule.key()).orElse(null);
			DoseStatus status = given != null ? (given.isAfter(deadline) ? DoseStatus.GIVEN_LATE : DoseStatus.GIVEN_ON_TIME)
					: openStatus(rule, child, due, deadline, asOf);
			at[i] = given != null ? given : status == DoseStatus.NO_CATCH_UP ? null : later(due, asOf);
			out.add(new PlannedDose(series, rule.key().vaccine(), rule.key().dose(), rule.edition(), due, deadline, given,
					status));
		}
	}

	private static DoseStatus openStatus(DoseRule rule, Child child, LocalDate due, LocalDate deadline, LocalDate asOf) {
		if (rule.catchUpOver(child.birthDate(), asOf)) {
			return DoseStatus.NO_CATCH_UP;
		}
		if (asOf.isAfter(deadline)) {
			return DoseStatus.OVERDUE;
		}
		if (rule.deferredFor(child)) {
			return DoseStatus.DEFERRED;
		}
		return due.isAfter(asOf) ? DoseStatus.NOT_YET_DUE : DoseStatus.DUE;
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	public LocalDate asOf() {
		return asOf;
	}

	/** Every scheduled dose, series by series in schedule order. */
	public List<PlannedDose> doses() {
		return doses;
	}

	/** The worklist: doses DUE or OVERDUE on the as-of date whose due date has come. */
	public List<PlannedDose> open() {
		return doses.stream()
			.filter(d -> (d.status() == DoseStatus.DUE || d.status() == DoseStatus.OVERDUE) && !d.dueDate().isAfter(asOf))
			.toList();
	}

	public Optional<PlannedDose> dose(String vaccineCode, int doseNumber) {
		return doses.stream().filter(d -> d.vaccineCode().equals(vaccineCode) && d.doseNumber() == doseNumber).findFirst();
	}

}
