package org.rhip.care.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dose counted in NIP coverage (某种疫苗接种率, REFERENCE.md §1.2): a dose of a default track, the
 * alternative-track dose that stands for it (null: none), the age before which it is timely, and the
 * window of schedule editions it belongs to — it applies to a child when birth + {@code chosenAt}
 * falls in [{@code validFrom}, {@code validUntil}) (null: open).
 *
 * <p>
 * The rule: a child is in the denominator of a dose for year Y when the dose applies to the child and
 * its timely deadline — the last day before the child reaches {@code timelyBefore}, birth +
 * timelyBefore − 1 day — falls in Y; in the numerator when the dose, or its stand-in, was given on or
 * before that deadline. Doses of an alternative track with no counterpart (JE-I 4, HepA-I 2) are not
 * counted.
 */
public record CoverageTarget(String series, String vaccineCode, int doseNumber, String alternativeVaccineCode,
		Integer alternativeDoseNumber, Period timelyBefore, Period chosenAt, LocalDate validFrom, LocalDate validUntil) {

	public boolean appliesTo(LocalDate birth) {
		LocalDate date = birth.plus(chosenAt);
		return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || date.isBefore(validUntil));
	}

	/** The last timely day for a child born on {@code birth}. */
	public LocalDate deadline(LocalDate birth) {
		return birth.plus(timelyBefore).minusDays(1);
	}

	/** Whether the dose, or its stand-in, was given by the deadline. */
	public boolean givenOnTime(Child child) {
		LocalDate deadline = deadline(child.birthDate());
		return given(child, new DoseKey(vaccineCode, doseNumber), deadline)
				|| alternativeVaccineCode != null
						&& given(child, new DoseKey(alternativeVaccineCode, alternativeDoseNumber), deadline);
	}

	private static boolean given(Child child, DoseKey key, LocalDate deadline) {
		return child.given(key).filter(d -> !d.isAfter(deadline)).isPresent();
	}

	/**
	 * The targets as a PostgreSQL {@code VALUES} list for a member query, columns
	 * {@code (series, vaccine, dose, alt_vaccine, alt_dose, timely_before, chosen_at, valid_from, valid_until)},
	 * intervals and dates typed; use it as
	 * {@code with target(series, vaccine, dose, …) as (<values>)}, a child's deadline being
	 * {@code (birth_date + timely_before)::date - 1} and the target applying where
	 * {@code birth_date + chosen_at} is in [valid_from, valid_until), nulls open (checked by hand in PostgreSQL 15).
	 */
	public static String valuesSql(List<CoverageTarget> targets) {
		return targets.stream().map(CoverageTarget::sqlRow).collect(Collectors.joining(",\n", "values\n", ""));
	}

	private String sqlRow() {
		return "('" + series + "', '" + vaccineCode + "', " + doseNumber + ", "
				+ (alternativeVaccineCode == null ? "null::text" : "'" + alternativeVaccineCode + "'") + ", "
				+ (alternativeDoseNumber == null ? "null::int" : alternativeDoseNumber) + ", interval '" + timelyBefore
				+ "', interval '" + chosenAt + "', " + date(validFrom) + ", " + date(validUntil) + ")";
	}

	private static String date(LocalDate date) {
		return date == null ? "null::date" : "date '" + date + "'";
	}

}
