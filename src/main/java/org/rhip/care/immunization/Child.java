package org.rhip.care.immunization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 受种儿童 — what the schedule needs of a child: birth date, birth weight in grams and gestational age
 * in completed weeks (either may be null: unknown), and the doses given. Preterm and low-birth-weight
 * children follow their chronological age (2021 notes); gestational age only defers BCG. Birth weight
 * is kept for the HepB rule for babies under 2,000 g of HBsAg-positive or unknown mothers, which is not
 * applied: the mother's HBsAg status is not in the records.
 */
public record Child(LocalDate birthDate, Integer birthWeightGrams, Integer gestationalWeeks, List<GivenDose> doses) {

	public Child {
		Objects.requireNonNull(birthDate, "birthDate");
		doses = doses == null ? List.of() : List.copyOf(doses);
	}

	/** A term child of unknown weight with these doses. */
	public static Child born(LocalDate birthDate, GivenDose... doses) {
		return new Child(birthDate, null, null, Arrays.asList(doses));
	}

	public Child withDose(GivenDose dose) {
		List<GivenDose> more = new ArrayList<>(doses);
		more.add(dose);
		return new Child(birthDate, birthWeightGrams, gestationalWeeks, more);
	}

	/** The date of a dose; the earliest when it is recorded twice. */
	Optional<LocalDate> given(DoseKey key) {
		return doses.stream()
			.filter(d -> key.vaccine().equals(d.vaccineCode()) && key.dose() == d.doseNumber() && d.date() != null)
			.map(GivenDose::date)
			.min(LocalDate::compareTo);
	}

}
