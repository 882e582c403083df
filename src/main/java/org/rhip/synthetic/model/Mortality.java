package org.rhip.synthetic.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * 死亡率 — the death rates by sex, exact age and calendar year ({@link Rates}), and the time of death
 * they give a person: piecewise constant between birthdays and new years, sampled by inverting the
 * cumulative hazard with one uniform number. Infants born in the period die by
 * {@link Rates#INFANT_MORTALITY} instead (see {@link Life}).
 */
final class Mortality {

	static final double SECONDS_PER_YEAR = 365.2425 * 86_400;

	private Mortality() {
	}

	/** Deaths per person-year at an exact age in a year. */
	static double rate(Sex sex, double age, int year) {
		int column = sex == Sex.MALE ? 1 : 2;
		double base;
		if (age < 1) {
			return Rates.INFANT_RESIDENT_MORTALITY;
		}
		else if (age < 30) {
			double[][] young = Rates.YOUNG_MORTALITY;
			int band = age < young[1][0] ? 0 : age < young[2][0] ? 1 : 2;
			base = young[band][column];
		}
		else {
			base = adult(column, age);
		}
		return base * Math.exp(-Rates.MORTALITY_DECLINE * (year - Rates.REFERENCE_DAY.getYear()));
	}

	private static double adult(int column, double age) {
		double[][] knots = Rates.ADULT_MORTALITY;
		int i = 0;
		while (i < knots.length - 2 && age > knots[i + 1][0]) {
			i++;
		}
		double[] a = knots[i];
		double[] b = knots[i + 1];
		double t = (age - a[0]) / (b[0] - a[0]);
		double rate = Math.exp(Math.log(a[column]) + t * (Math.log(b[column]) - Math.log(a[column])));
		return Math.min(rate, 0.7);
	}

	/**
	 * The time of death in [from, to), if the person dies then; from {@code from} on the person is
	 * assumed alive.
	 */
	static Optional<LocalDateTime> death(SplittableRandom random, Sex sex, LocalDate birth, LocalDateTime from,
			LocalDateTime to) {
		double target = -Math.log(1 - random.nextDouble());
		double hazard = 0;
		LocalDateTime t = from;
		while (t.isBefore(to)) {
			int age = age(birth, t.toLocalDate());
			LocalDateTime nextBirthday = birth.plusYears(age + 1).atStartOfDay();
			LocalDateTime nextYear = LocalDate.of(t.getYear() + 1, 1, 1).atStartOfDay();
			LocalDateTime end = min(min(nextBirthday, nextYear), to);
			double rate = rate(sex, age + 0.5, t.getYear());
			double years = Duration.between(t, end).toSeconds() / SECONDS_PER_YEAR;
			if (hazard + rate * years >= target) {
				long seconds = (long) ((target - hazard) / rate * SECONDS_PER_YEAR);
				return Optional.of(t.plusSeconds(seconds));
			}
			hazard += rate * years;
			t = end;
		}
		return Optional.empty();
	}

	/** Completed years on a day. */
	static int age(LocalDate birth, LocalDate day) {
		int years = day.getYear() - birth.getYear();
		return birth.plusYears(years).isAfter(day) ? years - 1 : years;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
