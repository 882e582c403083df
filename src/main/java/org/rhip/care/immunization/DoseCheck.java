package org.rhip.care.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 接种记录校验 — checks a new dose against a child's record and the schedule; each problem names its
 * field: an unknown vaccine ({@code vaccineCode}); a dose number below 1, beyond the schedule, already
 * recorded, or ahead of the dose before it ({@code doseNumber}); a date missing, before birth, in the
 * future, before the dose's minimum age or before a minimum interval after an earlier dose of the
 * track ({@code date}).
 */
final class DoseCheck {

	private DoseCheck() {
	}

	static List<DoseProblem> check(NipSchedule schedule, Child child, GivenDose dose, LocalDate today) {
		List<DoseProblem> problems = new ArrayList<>(basics(schedule, child, dose, today));
		if (!problems.isEmpty()) {
			return problems;
		}
		DoseKey key = new DoseKey(dose.vaccineCode(), dose.doseNumber());
		List<DoseRule> track = trackOf(schedule, child.birthDate(), key);
		if (track == null) {
			return List.of(notScheduled(schedule, child, key));
		}
		DoseRule rule = track.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
		LocalDate date = dose.date();
		child.given(key).ifPresent(d -> problems.add(new DoseProblem("doseNumber", key + " is already recorded on " + d)));
		if (key.dose() > 1) {
			DoseKey previous = new DoseKey(key.vaccine(), key.dose() - 1);
			Optional<LocalDate> before = child.given(previous);
			if (before.isEmpty() || before.get().isAfter(date)) {
				problems.add(new DoseProblem("doseNumber", key + " cannot come before dose " + previous.dose()
						+ before.map(d -> " (given " + d + ")").orElse(" (not recorded)")));
			}
		}
		LocalDate minimum = child.birthDate().plus(rule.minAge());
		if (date.isBefore(minimum)) {
			problems.add(new DoseProblem("date", key + " is given from " + Ages.describe(rule.minAge())
					+ " of age, on " + minimum + " at the earliest"));
		}
		for (Map.Entry<Integer, Period> interval : rule.after().entrySet()) {
			DoseKey earlier = track.get(interval.getKey() - 1).key();
			child.given(earlier).filter(d -> !d.isAfter(date)).ifPresent(d -> {
				LocalDate allowed = d.plus(interval.getValue());
				if (date.isBefore(allowed)) {
					problems.add(new DoseProblem("date", key + " must be at least " + Ages.describe(interval.getValue())
							+ " after " + earlier + " (given " + d + "), on " + allowed + " at the earliest"));
				}
			});
		}
		return problems;
	}

	private static List<DoseProblem> basics(NipSchedule schedule, Child child, GivenDose dose, LocalDate today) {
		List<DoseProblem> problems = new ArrayList<>();
		if (dose.vaccineCode() == null || !schedule.vaccines().containsKey(dose.vaccineCode())) {
			problems.add(new DoseProblem("vaccineCode", "'" + dose.vaccineCode()
					+ "' is not a vaccine of the national immunization program (" + String.join(" ", schedule.vaccines().keySet())
					+ ")"));
		}
		if (dose.doseNumber() < 1) {
			problems.add(new DoseProblem("doseNumber", "dose numbers start at 1, not " + dose.doseNumber()));
		}
		if (dose.date() == null) {
			problems.add(new DoseProblem("date", "the date of the dose is missing"));
		}
		else if (dose.date().isBefore(child.birthDate())) {
			problems.add(new DoseProblem("date", "the dose is dated before the child's birth (" + child.birthDate() + ")"));
		}
		else if (dose.date().isAfter(today)) {
			problems.add(new DoseProblem("date", "the dose is dated in the future"));
		}
		return problems;
	}

	/** The resolved track holding the dose, or null. */
	private static List<DoseRule> trackOf(NipSchedule schedule, LocalDate birth, DoseKey key) {
		for (Series series : schedule.series()) {
			for (List<DoseRule> track : series.resolve(birth)) {
				if (track.stream().anyMatch(r -> r.key().equals(key))) {
					return track;
				}
			}
		}
		return null;
	}

	private static DoseProblem notScheduled(NipSchedule schedule, Child child, DoseKey key) {
		int doses = 0;
		for (Series series : schedule.series()) {
			for (List<DoseRule> track : series.resolve(child.birthDate())) {
				doses += (int) track.stream().filter(r -> r.key().vaccine().equals(key.vaccine())).count();
			}
		}
		if (doses > 0) {
			return new DoseProblem("doseNumber", key.vaccine() + " has " + doses + " dose" + (doses == 1 ? "" : "s")
					+ " in the schedule, so dose " + key.dose() + " is not one of them");
		}
		return new DoseProblem("vaccineCode",
				key.vaccine() + " is not in the schedule edition that applies to a child born on " + child.birthDate());
	}

}
