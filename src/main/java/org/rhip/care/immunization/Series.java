package org.rhip.care.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of doses against one disease group (乙肝, 脊灰, 百白破, …) across the editions: tracks (the
 * first the default, the others alternatives) of slots; a slot is one dose position, filled by the
 * edition in force on the date the position fell due under the edition that first scheduled it.
 */
record Series(String code, String name, List<List<Slot>> tracks) {

	/** A candidate rule of a slot, for birth + the slot's age in [from, until) (null: open). */
	record Candidate(DoseRule rule, LocalDate from, LocalDate until) {

		boolean covers(LocalDate date) {
			return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
		}

	}

	/** A dose position: the age that chooses among the candidates, and the candidates. */
	record Slot(Period chosenAt, List<Candidate> candidates) {

		DoseRule ruleFor(LocalDate birth) {
			LocalDate date = birth.plus(chosenAt);
			return candidates.stream().filter(c -> c.covers(date)).map(Candidate::rule).findFirst().orElse(null);
		}

	}

	/** The rules that apply to a child born on {@code birth}, track by track. */
	List<List<DoseRule>> resolve(LocalDate birth) {
		List<List<DoseRule>> resolved = new ArrayList<>();
		for (List<Slot> track : tracks) {
			List<DoseRule> rules = new ArrayList<>();
			for (Slot slot : track) {
				DoseRule rule = slot.ruleFor(birth);
				if (rule != null) {
					rules.add(rule);
				}
			}
			resolved.add(rules);
		}
		return resolved;
	}

}
