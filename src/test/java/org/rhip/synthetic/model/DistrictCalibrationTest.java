package org.rhip.synthetic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rhip.synthetic.model.LifeEvent.Contracted;
import org.rhip.synthetic.model.LifeEvent.Died;
import org.rhip.synthetic.model.LifeEvent.Served;
import org.rhip.synthetic.model.LifeEvent.Vaccinated;

/**
 * The synthetic Tianhe at scale 0.05 (about 112,000 residents) against the plan's printed 2020
 * baselines, computed from the model's events the way the care module computes them from records:
 * population alive on 1 July, deaths by age group → an abridged Chiang life table (REFERENCE §5.2),
 * WHO 30q70 (§5.3), infant, under-5 and maternal mortality per live birth (§5.1), NIP coverage,
 * elderly health management. Tolerances allow for the sampling noise of a district this small (an
 * infant death in 2020 is 1.3 births in a thousand here), so the rarer rates are pooled over 2016–2025.
 */
class DistrictCalibrationTest {

	static final int YEAR = 2020;

	/** 0.05 by default; {@code -Dsynthetic.scale=1.0} checks the full district (minutes, not for the build). */
	static final double SCALE = Double.parseDouble(System.getProperty("synthetic.scale", "0.05"));

	static final LocalDate MID_YEAR = LocalDate.of(YEAR, 7, 1);

	/** Chiang's fractions of the interval lived by those dying in it (REFERENCE §5.2), 0 … 80–84. */
	static final double[] CHIANG_A = { 0.09, 0.41, 0.44, 0.54, 0.59, 0.49, 0.51, 0.52, 0.53, 0.54, 0.53, 0.53, 0.52, 0.52, 0.51,
			0.52, 0.51, 0.50 };

	static final Stats stats = new Stats();

	@BeforeAll
	static void generate() throws Exception {
		Region region = Region.load("440106").orElseThrow();
		new DistrictModel(region, new Settings("440106", SCALE, 2016, 2025, 42, 0.5, 2)).run(stats);
		System.out.println(stats.report());
	}

	/** Life-table groups 0, 1–4, 5–9, …, 80–84, 85+. */
	static int group(int age) {
		return age == 0 ? 0 : age < 5 ? 1 : Math.min(age / 5 + 1, 18);
	}

	/** e0 by Chiang's method from deaths and mid-year population of the 19 groups (REFERENCE §5.2). */
	static double lifeExpectancy(double[] deaths, double[] population) {
		double l = 100_000;
		double total = 0;
		for (int g = 0; g < 19; g++) {
			double m = deaths[g] / population[g];
			if (g == 18) {
				total += l / m;
				break;
			}
			int n = g == 0 ? 1 : g == 1 ? 4 : 5;
			double q = n * m / (1 + n * (1 - CHIANG_A[g]) * m);
			double d = l * q;
			total += n * (l - d) + CHIANG_A[g] * n * d;
			l -= d;
		}
		return total / 100_000;
	}

	/** WHO 30q70 from the deaths of the four NCD groups and the population at 30–34 … 65–69 (REFERENCE §5.3). */
	static double premature(double[] ncdDeaths, double[] population) {
		double survive = 1;
		for (int g = 7; g <= 14; g++) {
			double m = ncdDeaths[g] / population[g];
			survive *= 1 - 5 * m / (1 + 2.5 * m);
		}
		return 1 - survive;
	}

	@Test
	void theLifeTableOfTheTestIsRightOnAHandWorkedCase() {
		// nobody dies before 85, and 85+ die at 0.1 a year: e0 = 85 + 1 / 0.1 = 95
		double[] deaths = new double[19];
		double[] population = new double[19];
		java.util.Arrays.fill(population, 1000);
		deaths[18] = 100;
		assertThat(lifeExpectancy(deaths, population)).isCloseTo(95.0, within(1e-9));
		// one group of 30–34 losing 1% a year from the NCDs: 30q70 = 5 × 0.01 / (1 + 0.025) = 0.04878
		double[] ncd = new double[19];
		ncd[7] = 10;
		assertThat(premature(ncd, population)).isCloseTo(0.05 / 1.025, within(1e-9));
	}

	@Test
	void thePopulationOnTheReferenceDayIsTheScaledCensusWithTianhesAgeStructure() {
		assertThat(stats.population(YEAR)).isCloseTo(SCALE * 2_241_826, within(0.02 * SCALE * 2_241_826));
		double total = stats.population(YEAR);
		assertThat(stats.populationAged(YEAR, 0, 14) / total).isCloseTo(0.14, within(0.015));
		assertThat(stats.populationAged(YEAR, 15, 59) / total).isCloseTo(0.76, within(0.015));
		assertThat(stats.populationAged(YEAR, 65, 200) / total).isCloseTo(0.07, within(0.01));
	}

	@Test
	void lifeExpectancyOf2020IsTianhesBaseline() {
		assertThat(lifeExpectancy(stats.deaths(YEAR), stats.populationByGroup(YEAR))).isCloseTo(82.7, within(1.5));
	}

	@Test
	void prematureNcdMortalityIsNearTianhesBaseline() {
		double pooled = 0;
		for (int year = 2019; year <= 2021; year++) {
			pooled += premature(stats.ncdDeaths(year), stats.populationByGroup(year)) / 3;
		}
		assertThat(pooled).isCloseTo(0.0815, within(0.015));
	}

	@Test
	void childAndMaternalMortalityPerLiveBirthAreNearTianhesBaselines() {
		double births = stats.births.values().stream().mapToLong(Long::longValue).sum();
		assertThat(Stats.sum(stats.infantDeaths) / births).as("infant mortality").isBetween(0.0008, 0.0025);
		assertThat(Stats.sum(stats.underFiveDeaths) / births).as("under-5 mortality").isBetween(0.0013, 0.0033);
		// expected 22.96 per 100,000: about 3 maternal deaths in 13,000 births
		assertThat(stats.maternalDeaths / births).as("maternal mortality").isLessThan(0.0008);
		assertThat(stats.crudeBirthRate(YEAR)).as("crude birth rate").isBetween(0.011, 0.013);
		assertThat(stats.preterm / births).as("preterm").isBetween(0.05, 0.07);
	}

	@Test
	void programsReachTheirBaselines() {
		assertThat(stats.share(stats.elderlyChecked)).as("elderly health management").isBetween(0.68, 0.77);
		assertThat(stats.share(stats.hypertensive)).as("hypertension at 35+").isBetween(0.20, 0.30);
		assertThat(stats.share(stats.diabetic)).as("diabetes at 35+").isBetween(0.07, 0.11);
		assertThat(stats.share(stats.contracted)).as("family-doctor contracts").isBetween(0.33, 0.42);
		assertThat(stats.share(stats.keyContracted)).as("key populations' contracts").isBetween(0.62, 0.78);
		assertThat(stats.share(stats.mmrByFirstBirthday)).as("MMR-1 by the first birthday").isBetween(0.97, 1.0);
		assertThat(stats.share(stats.earlyRegistered)).as("first prenatal visit before 13 weeks").isBetween(0.9, 0.96);
	}

	/** Counts from the events of 2020 (and pooled counts over the period). */
	static final class Stats implements DistrictSink {

		final Map<Integer, double[]> population = new HashMap<>();

		final Map<Integer, double[]> deaths = new HashMap<>();

		final Map<Integer, double[]> ncd = new HashMap<>();

		final Map<Integer, Long> births = new HashMap<>();

		/** Deaths under one and under five by year of death (of anyone: also children born before the period). */
		final Map<Integer, Long> infantDeaths = new HashMap<>();

		final Map<Integer, Long> underFiveDeaths = new HashMap<>();

		double maternalDeaths;

		double preterm;

		/** {numerator, denominator} */
		final double[] elderlyChecked = new double[2];

		final double[] hypertensive = new double[2];

		final double[] diabetic = new double[2];

		final double[] contracted = new double[2];

		final double[] keyContracted = new double[2];

		final double[] mmrByFirstBirthday = new double[2];

		final double[] earlyRegistered = new double[2];

		@Override
		public void teams(List<Team> teams) {
			// not counted
		}

		@Override
		public void person(PersonHistory history) {
			count(history);
			history.children().forEach(this::count);
		}

		private void count(PersonHistory history) {
			Person person = history.person();
			Optional<Died> death = history.events().stream().filter(Died.class::isInstance).map(Died.class::cast).findFirst();
			for (int year = 2016; year <= 2025; year++) {
				LocalDate mid = LocalDate.of(year, 7, 1);
				if (!person.birthDate().isAfter(mid) && death.map(d -> !d.time().toLocalDate().isBefore(mid)).orElse(true)) {
					population.computeIfAbsent(year, y -> new double[19])[group(Mortality.age(person.birthDate(), mid))]++;
				}
			}
			death.ifPresent(d -> {
				int age = Mortality.age(person.birthDate(), d.time().toLocalDate());
				int year = d.time().getYear();
				deaths.computeIfAbsent(year, y -> new double[19])[group(age)]++;
				char c = d.cause().code().charAt(0);
				int number = Integer.parseInt(d.cause().code().substring(1, 3));
				boolean isNcd = c == 'I' || c == 'C' || c == 'E' && number >= 10 && number <= 14 || c == 'J' && number >= 30;
				if (isNcd) {
					ncd.computeIfAbsent(year, y -> new double[19])[group(age)]++;
				}
				if (age < 1) {
					infantDeaths.merge(year, 1L, Long::sum);
				}
				if (age < 5) {
					underFiveDeaths.merge(year, 1L, Long::sum);
				}
				maternalDeaths += c == 'O' ? 1 : 0;
			});
			boolean alive = person.birthDate().isBefore(MID_YEAR)
					&& death.map(d -> d.time().toLocalDate().isAfter(MID_YEAR)).orElse(true);
			if (person.motherId().isPresent()) {
				births.merge(person.birthDate().getYear(), 1L, Long::sum);
				history.events().stream().filter(LifeEvent.Born.class::isInstance).map(LifeEvent.Born.class::cast)
					.forEach(b -> preterm += b.gestationalWeeks() < 37 ? 1 : 0);
				LocalDate firstBirthday = person.birthDate().plusYears(1);
				if (person.birthDate().getYear() == 2019 && death.map(d -> d.time().toLocalDate().isAfter(firstBirthday)).orElse(true)) {
					mmrByFirstBirthday[1]++;
					mmrByFirstBirthday[0] += history.events().stream()
						.anyMatch(e -> e instanceof Vaccinated v && v.vaccine().equals("MMR") && v.dose() == 1
								&& v.time().toLocalDate().isBefore(firstBirthday)) ? 1 : 0;
				}
			}
			for (PersonHistory child : history.children()) {
				if (child.person().birthDate().getYear() == YEAR) {
					earlyRegistered[1]++;
					// the first prenatal visit of this pregnancy: within 10 months before the birth
					LocalDate birth = child.person().birthDate();
					earlyRegistered[0] += history.events().stream()
						.filter(e -> e instanceof Served s && s.type() == ServiceType.PRENATAL
								&& s.time().toLocalDate().isAfter(birth.minusMonths(10)) && s.time().toLocalDate().isBefore(birth))
						.map(e -> ((LifeEvent.GestationalAge) ((Served) e).measurements().get(0)).weeks())
						.findFirst().map(w -> w < 13 ? 1 : 0).orElse(0);
				}
			}
			if (!alive) {
				return;
			}
			int age = Mortality.age(person.birthDate(), MID_YEAR);
			if (YEAR - person.birthDate().getYear() >= 65) {
				elderlyChecked[1]++;
				elderlyChecked[0] += served(history, ServiceType.HEALTH_CHECK, YEAR) ? 1 : 0;
			}
			if (age >= 35) {
				hypertensive[1]++;
				diabetic[1]++;
				hypertensive[0] += diagnosed(history, "I10") ? 1 : 0;
				diabetic[0] += diagnosed(history, "E11") ? 1 : 0;
			}
			boolean signed = history.events().stream().anyMatch(e -> e instanceof Contracted c
					&& !c.time().toLocalDate().isAfter(MID_YEAR) && !c.end().isBefore(MID_YEAR)
					&& c.cancelledOn().map(day -> day.isAfter(MID_YEAR)).orElse(true));
			contracted[1]++;
			contracted[0] += signed ? 1 : 0;
			// key populations seen in the records: 65+, children 0–6, hypertension, diabetes
			if (YEAR - person.birthDate().getYear() >= 65 || age <= 6 || diagnosed(history, "I10") || diagnosed(history, "E11")) {
				keyContracted[1]++;
				keyContracted[0] += signed ? 1 : 0;
			}
		}

		private static boolean served(PersonHistory history, ServiceType type, int year) {
			return history.events().stream().anyMatch(e -> e instanceof Served s && s.type() == type && s.time().getYear() == year);
		}

		private static boolean diagnosed(PersonHistory history, String code) {
			return history.events().stream().anyMatch(e -> e instanceof LifeEvent.Diagnosed d && d.icd10().startsWith(code)
					&& !d.time().toLocalDate().isAfter(MID_YEAR));
		}

		double[] populationByGroup(int year) {
			return population.get(year);
		}

		double[] deaths(int year) {
			return deaths.getOrDefault(year, new double[19]);
		}

		double[] ncdDeaths(int year) {
			return ncd.getOrDefault(year, new double[19]);
		}

		double population(int year) {
			return java.util.Arrays.stream(population.get(year)).sum();
		}

		double populationAged(int year, int from, int to) {
			// whole 5-year groups: 0–14 = groups 0–3, 15–59 = 4–12, 65+ = 14–18
			double[] p = population.get(year);
			double sum = 0;
			for (int g = group(from); g <= group(Math.min(to, 85)); g++) {
				sum += p[g];
			}
			return sum;
		}

		double crudeBirthRate(int year) {
			return births.getOrDefault(year, 0L) / population(year);
		}

		static double sum(Map<Integer, Long> byYear) {
			return byYear.values().stream().mapToLong(Long::longValue).sum();
		}

		double share(double[] counts) {
			return counts[0] / counts[1];
		}

		@Override
		public void close() {
			// nothing to close
		}

		String report() {
			List<String> lines = new ArrayList<>();
			for (int year = 2016; year <= 2025; year++) {
				lines.add(String.format(java.util.Locale.ROOT, "%d population %.0f births %d CBR %.2f‰ deaths %.0f (<1 %d, <5 %d) e0 %.2f 30q70 %.2f%%",
						year, population(year), births.getOrDefault(year, 0L), 1000 * crudeBirthRate(year),
						java.util.Arrays.stream(deaths(year)).sum(), infantDeaths.getOrDefault(year, 0L),
						underFiveDeaths.getOrDefault(year, 0L), lifeExpectancy(deaths(year), populationByGroup(year)),
						100 * premature(ncdDeaths(year), populationByGroup(year))));
			}
			double b = births.values().stream().mapToLong(Long::longValue).sum();
			double total = population(YEAR);
			lines.add(String.format(java.util.Locale.ROOT,
					"2020 ages 0-14 %.3f 15-59 %.3f 60+ %.3f 65+ %.3f; IMR %.2f‰ U5MR %.2f‰ MMR %.1f/10万 preterm %.3f",
					populationAged(YEAR, 0, 14) / total, populationAged(YEAR, 15, 59) / total, populationAged(YEAR, 60, 200) / total,
					populationAged(YEAR, 65, 200) / total, 1000 * sum(infantDeaths) / b, 1000 * sum(underFiveDeaths) / b,
					1e5 * maternalDeaths / b, preterm / b));
			lines.add(String.format(java.util.Locale.ROOT,
					"elderly %.3f HTN %.3f DM %.3f contracts %.3f (key %.3f) MMR-1 %.3f early registration %.3f", share(elderlyChecked),
					share(hypertensive), share(diabetic), share(contracted), share(keyContracted), share(mmrByFirstBirthday), share(earlyRegistered)));
			return String.join("\n", lines);
		}

	}

}
