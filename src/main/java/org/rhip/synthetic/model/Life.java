package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.rhip.synthetic.model.LifeEvent.BloodPressure;
import org.rhip.synthetic.model.LifeEvent.Born;
import org.rhip.synthetic.model.LifeEvent.Cause;
import org.rhip.synthetic.model.LifeEvent.Contracted;
import org.rhip.synthetic.model.LifeEvent.Diagnosed;
import org.rhip.synthetic.model.LifeEvent.Died;
import org.rhip.synthetic.model.LifeEvent.FastingGlucose;
import org.rhip.synthetic.model.LifeEvent.GestationalAge;
import org.rhip.synthetic.model.LifeEvent.Measurement;
import org.rhip.synthetic.model.LifeEvent.RiskLevel;
import org.rhip.synthetic.model.LifeEvent.Served;
import org.rhip.synthetic.model.LifeEvent.Vaccinated;
import org.rhip.synthetic.model.LifeEvent.VisitClass;
import org.rhip.synthetic.model.LifeEvent.Visited;
import org.rhip.synthetic.model.Region.Place;

/**
 * One resident's life in the period: when they die, the babies a woman bears (with the pregnancy, the
 * prenatal care and the postpartum visits), chronic disease and its follow-ups, the child and elderly
 * programs, vaccinations, ordinary visits and stays, family-doctor contracts. Every event falls between
 * birth and death (or the end of the period); residents' own draws come from their own generator.
 */
final class Life {

	private static final LocalDate CONTRACTS_FROM = LocalDate.of(2016, 1, 1);

	private final DistrictModel district;

	/** The resident number (a baby's is its mother's): with the birth order it seeds a baby's generator. */
	private final long number;

	private final SplittableRandom random;

	private final Person person;

	private final List<LifeEvent> events = new ArrayList<>();

	private final List<PersonHistory> children = new ArrayList<>();

	/** The moment of death, or the end of the period. */
	private LocalDateTime limit;

	private Optional<LifeEvent.Died> death = Optional.empty();

	private LocalDate hypertension;

	private LocalDate diabetes;

	private LocalDate mentalDisorder;

	private LocalDate tuberculosis;

	private boolean managedChronic;

	private final List<LocalDate[]> pregnancies = new ArrayList<>();

	private Life(DistrictModel district, long number, SplittableRandom random, Person person) {
		this.district = district;
		this.number = number;
		this.random = random;
		this.person = person;
		this.limit = district.end();
	}

	/** Resident number {@code n} of the population on the first day, or nothing if born after it. */
	static Optional<PersonHistory> resident(DistrictModel district, long n) {
		SplittableRandom random = district.random(n);
		int group = district.ageGroup(random);
		double age = group == Rates.AGE_SHARES.length - 1
				? Math.min(5 * group - Math.log(1 - random.nextDouble()) / Rates.OLDEST_DECAY, Rates.OLDEST_AGE + 0.99)
				: 5 * group + 5 * random.nextDouble();
		LocalDate birth = Rates.REFERENCE_DAY.minusDays((long) (age * 365.2425));
		if (!birth.isBefore(district.start().toLocalDate())) {
			return Optional.empty();
		}
		Sex sex = random.nextDouble() < Rates.MALE_SHARES[group] ? Sex.MALE : Sex.FEMALE;
		List<String> units = district.region().homeUnits();
		String street = units.get(random.nextInt(units.size()));
		Region region = district.region();
		Person person = new Person(region.code() + "-p" + n, null, Names.surname(random), Names.given(random, sex, birth), sex,
				birth, street, Names.address(random, region.city(), region.name(), region.streetName(street)),
				Names.mobile(random), district.primaryCare(random, street).code(), Optional.empty());
		Life life = new Life(district, n, random, person);
		life.dieBetween(district.start());
		life.live(birth.atStartOfDay(), null);
		return Optional.of(life.history());
	}

	/** A baby born in the period: its birth, infancy, and the rest of its life up to the end. */
	private static PersonHistory newborn(DistrictModel district, long number, SplittableRandom random, Person baby,
			LocalDateTime born, Place hospital, int weeks, int grams) {
		Life life = new Life(district, number, random, baby);
		life.events.add(new Born(born, hospital.code(), grams, weeks));
		boolean preterm = weeks < 37;
		double termRisk = Rates.INFANT_MORTALITY / (1 - Rates.PRETERM + Rates.PRETERM * Rates.PRETERM_INFANT_RISK);
		if (random.nextDouble() < (preterm ? termRisk * Rates.PRETERM_INFANT_RISK : termRisk)) {
			double[] periods = Rates.INFANT_DEATH_PERIODS;
			double x = random.nextDouble();
			long seconds = x < periods[0] ? random.nextLong(7 * 86_400L)
					: x < periods[0] + periods[1] ? 7 * 86_400L + random.nextLong(21 * 86_400L)
							: 28 * 86_400L + random.nextLong(337 * 86_400L);
			LocalDateTime when = born.plusSeconds(seconds);
			if (when.isBefore(district.end())) {
				Cause cause = preterm && random.nextDouble() < 0.7 ? Causes.preterm(random) : Causes.of(random, baby.sex(), 0);
				life.die(when, cause);
			}
		}
		else {
			LocalDateTime firstBirthday = baby.birthDate().plusYears(1).atStartOfDay();
			if (firstBirthday.isBefore(district.end())) {
				life.dieBetween(firstBirthday);
			}
		}
		life.live(born, hospital);
		return life.history();
	}

	private PersonHistory history() {
		death.ifPresent(events::add);
		events.sort(Comparator.comparing(LifeEvent::time));
		return new PersonHistory(person, List.copyOf(events), List.copyOf(children));
	}

	// ---- death ---------------------------------------------------------------------------------

	private void dieBetween(LocalDateTime from) {
		Mortality.death(random, person.sex(), person.birthDate(), from, district.end())
			.ifPresent(when -> die(when, Causes.of(random, person.sex(), age(when.toLocalDate()))));
	}

	private void die(LocalDateTime when, Cause cause) {
		limit = when;
		death = Optional.of(new Died(when, cause, Causes.place(random, cause, age(when.toLocalDate()))));
	}

	// ---- the life ------------------------------------------------------------------------------

	private void live(LocalDateTime born, Place birthHospital) {
		if (person.sex() == Sex.FEMALE) {
			births();
		}
		chronicDisease();
		mentalDisorder();
		tuberculosis();
		healthChecks();
		childCare(born, birthHospital);
		visits();
		contracts();
	}

	private int age(LocalDate day) {
		return Mortality.age(person.birthDate(), day);
	}

	private boolean alive(LocalDateTime when) {
		return when.isBefore(limit) && !when.toLocalDate().isBefore(person.birthDate());
	}

	/** Adds an event if the person is alive then and the period has not ended. */
	private void add(LifeEvent event) {
		if (alive(event.time())) {
			events.add(event);
		}
	}

	private LocalDateTime daytime(LocalDate day) {
		return day.atTime(LocalTime.of(8, 0)).plusMinutes(random.nextInt(9 * 60 + 30));
	}

	private LocalDate dayIn(LocalDate from, LocalDate toExclusive) {
		long days = ChronoUnit.DAYS.between(from, toExclusive);
		return days <= 0 ? from : from.plusDays(random.nextLong(days));
	}

	private String chc() {
		return district.primaryCare(random, person.orgUnit()).code();
	}

	private int firstYear() {
		return district.start().getYear();
	}

	private int lastYear() {
		return district.end().getYear() - 1;
	}

	// ---- pregnancies and births (REFERENCE §1.4) ------------------------------------------------

	private void births() {
		LocalDate first = district.start().toLocalDate();
		// deliveries up to 9 months after the period: those pregnancies are ongoing at its end
		LocalDate last = district.end().toLocalDate().plusMonths(9);
		LocalDate earliest = first;
		int born = 0;
		for (LocalDate month = first; month.isBefore(last); month = month.plusMonths(1)) {
			double age = ChronoUnit.DAYS.between(person.birthDate(), month) / 365.2425;
			if (age < 15 || age >= 50 || month.isBefore(earliest)) {
				continue;
			}
			int year = Math.min(Math.max(month.getYear(), 2016), 2025);
			double rate = Rates.FERTILITY_SHAPE[(int) ((age - 15) / 5)] * Rates.FERTILITY_LEVEL
					* Rates.FERTILITY_BY_YEAR_2016[year - 2016] * Rates.PARITY_FACTOR[Math.min(born, 2)];
			if (random.nextDouble() >= rate / 12) {
				continue;
			}
			LocalDate delivery = dayIn(month, month.plusMonths(1));
			if (!delivery.atStartOfDay().isBefore(limit) && limit.isBefore(district.end())) {
				return; // she died before the delivery
			}
			if (!pregnancy(delivery, born)) {
				return;
			}
			born++;
			earliest = delivery.plusMonths(Rates.BIRTH_SPACING_MONTHS);
		}
	}

	/** One pregnancy ending in a live birth on the delivery day; false when it runs past the period or her death. */
	private boolean pregnancy(LocalDate delivery, int order) {
		int weeks = gestationalWeeks();
		LocalDate lmp = delivery.minusDays(weeks * 7L + random.nextInt(7));
		boolean delivered = delivery.atStartOfDay().isBefore(limit);
		if (!lmp.atStartOfDay().isBefore(limit)) {
			return false;
		}
		pregnancies.add(new LocalDate[] { lmp, delivery });
		String chc = chc();
		Place hospital = district.deliveryHospital(random);
		events.add(new Diagnosed(lmp.atStartOfDay(), "Z34", "正常妊娠监督", chc, delivered ? Optional.of(delivery) : Optional.empty()));
		prenatalCare(lmp, delivery, chc, hospital);
		if (!delivered) {
			return false;
		}
		LocalDateTime born = delivery.atStartOfDay().plusMinutes(random.nextInt(24 * 60));
		int stay = random.nextDouble() < Rates.CAESAREAN ? 4 + random.nextInt(3) : 2 + random.nextInt(2);
		LocalDateTime admitted = born.minusHours(2 + random.nextInt(20));
		children.add(baby(born, hospital, weeks, order));
		boolean maternalDeath = false;
		if (random.nextDouble() < Rates.MATERNAL_MORTALITY) {
			double x = random.nextDouble();
			long hours = x < 0.4 ? random.nextInt(24) : x < 0.7 ? 24 + random.nextInt(6 * 24) : 7 * 24 + random.nextInt(35 * 24);
			LocalDateTime when = born.plusHours(hours).plusMinutes(random.nextInt(60));
			if (when.isBefore(limit)) {
				die(when, Causes.maternal(random));
				maternalDeath = true;
			}
		}
		LocalDateTime discharged = born.plusDays(stay);
		add(new Visited(admitted, discharged.isBefore(limit) ? discharged : limit, VisitClass.INPATIENT, hospital.code()));
		LocalDate discharge = delivery.plusDays(stay);
		if (random.nextDouble() < Rates.POSTPARTUM_VISIT) {
			add(new Served(daytime(discharge.plusDays(3 + random.nextInt(5))), ServiceType.POSTPARTUM_VISIT, chc, List.of()));
		}
		if (random.nextDouble() < Rates.POSTPARTUM_42D) {
			add(new Served(daytime(delivery.plusDays(42 + random.nextInt(8))), ServiceType.POSTPARTUM_42D, chc, List.of()));
		}
		return !maternalDeath;
	}

	private int gestationalWeeks() {
		double x = random.nextDouble();
		if (x < Rates.PRETERM) {
			// mostly late preterm: 34–36 weeks for two thirds
			return random.nextDouble() < 0.67 ? 34 + random.nextInt(3) : 28 + random.nextInt(6);
		}
		if (x < Rates.PRETERM + Rates.POSTTERM) {
			return 42;
		}
		double[] term = { 0.12, 0.25, 0.33, 0.22, 0.08 };
		double y = random.nextDouble();
		for (int i = 0; i < term.length; i++) {
			y -= term[i];
			if (y < 0) {
				return 37 + i;
			}
		}
		return 41;
	}

	/** First visit before 13 weeks for most, then 16–20, 21–24, 28–32, 33–36, 37–40 weeks and a few extra. */
	private void prenatalCare(LocalDate lmp, LocalDate delivery, String chc, Place hospital) {
		int firstWeek = random.nextDouble() < Rates.EARLY_REGISTRATION ? 6 + random.nextInt(7) : 13 + random.nextInt(12);
		List<Integer> weeks = new ArrayList<>();
		weeks.add(firstWeek);
		int[][] windows = { { 16, 20 }, { 21, 24 }, { 28, 32 }, { 33, 36 }, { 37, 40 } };
		for (int[] window : windows) {
			if (window[0] > firstWeek && random.nextDouble() < Rates.PRENATAL_VISIT) {
				weeks.add(window[0] + random.nextInt(window[1] - window[0] + 1));
			}
		}
		int extra = random.nextInt(Rates.EXTRA_PRENATAL_VISITS + 1);
		for (int i = 0; i < extra; i++) {
			weeks.add(28 + random.nextInt(12));
		}
		weeks.sort(Integer::compare);
		for (int i = 0; i < weeks.size(); i++) {
			LocalDate day = lmp.plusDays(weeks.get(i) * 7L + random.nextInt(7));
			if (!day.isBefore(delivery)) {
				break;
			}
			int completed = (int) (ChronoUnit.DAYS.between(lmp, day) / 7);
			add(new Served(daytime(day), ServiceType.PRENATAL, i == 0 ? chc : hospital.code(),
					List.of(new GestationalAge(completed))));
		}
	}

	private PersonHistory baby(LocalDateTime born, Place hospital, int weeks, int order) {
		SplittableRandom babyRandom = district.random(number, order + 1);
		Sex sex = babyRandom.nextDouble() < Rates.MALE_BIRTHS ? Sex.MALE : Sex.FEMALE;
		LocalDate birth = born.toLocalDate();
		String family = babyRandom.nextDouble() < 0.15 ? person.family() : Names.surname(babyRandom);
		Person baby = new Person(person.id() + "-b" + (order + 1), null, family, Names.given(babyRandom, sex, birth), sex, birth,
				person.orgUnit(), person.address(), person.phone(), person.recordInstitution(), Optional.of(person.id()));
		int[] means = Rates.BIRTH_WEIGHT_BY_WEEK;
		double mean = means[Math.min(Math.max((weeks - 28) / 2, 0), means.length - 1)];
		int grams = (int) Math.round(mean * (1 + 0.11 * babyRandom.nextGaussian()) / 10) * 10;
		return newborn(district, number, babyRandom, baby, born, hospital, weeks, Math.max(500, grams));
	}

	// ---- chronic disease (REFERENCE §1.6, §1.7) -------------------------------------------------

	private void chronicDisease() {
		hypertension = onset(Rates.HYPERTENSION);
		diabetes = onset(Rates.DIABETES);
		if (hypertension != null) {
			diagnose(hypertension, "I10", "原发性高血压");
			managed(hypertension, ServiceType.HTN_FOLLOWUP);
		}
		if (diabetes != null) {
			diagnose(diabetes, "E11.9", "2型糖尿病");
			managed(diabetes, ServiceType.DM_FOLLOWUP);
		}
	}

	/** The day a chronic disease is diagnosed (logistic in age), if before the end of the period. */
	private LocalDate onset(double[] curve) {
		if (random.nextDouble() >= curve[0]) {
			return null;
		}
		double u = random.nextDouble();
		double age = curve[1] + curve[2] * Math.log(u / (1 - u));
		if (age < 18) {
			return null;
		}
		LocalDate day = person.birthDate().plusDays((long) (age * 365.2425));
		return day.atStartOfDay().isBefore(limit) ? day : null;
	}

	private void diagnose(LocalDate day, String code, String name) {
		events.add(new Diagnosed(day.atStartOfDay(), code, name, chc(), Optional.empty()));
	}

	/** Follow-ups of a managed patient from enrolment (35 or older, in the period) to the end. */
	private void managed(LocalDate onset, ServiceType type) {
		if (random.nextDouble() >= Rates.CHRONIC_MANAGED) {
			return;
		}
		LocalDate enrolled = latest(onset, district.start().toLocalDate(), person.birthDate().plusYears(35))
			.plusDays(random.nextInt(60));
		if (!enrolled.atStartOfDay().isBefore(limit)) {
			return;
		}
		managedChronic = true;
		String chc = chc();
		for (int year = enrolled.getYear(); year <= lastYear(); year++) {
			LocalDate from = year == enrolled.getYear() ? enrolled : LocalDate.of(year, 1, 1);
			double part = ChronoUnit.DAYS.between(from, LocalDate.of(year + 1, 1, 1)) / 365.0;
			int visits = (int) Math.round(followups() * part);
			double spacing = 365.0 * part / Math.max(visits, 1);
			for (int v = 0; v < visits; v++) {
				LocalDate day = from.plusDays((long) (v * spacing + random.nextDouble() * Math.min(spacing, 30)));
				boolean controlled = random.nextDouble() < Rates.CONTROLLED;
				Measurement value = type == ServiceType.HTN_FOLLOWUP ? bloodPressure(controlled) : glucose(controlled);
				add(new Served(daytime(day), type, chc, List.of(value)));
			}
		}
	}

	private int followups() {
		double x = random.nextDouble();
		for (int i = 0; i < Rates.FOLLOWUPS_PER_YEAR.length; i++) {
			x -= Rates.FOLLOWUPS_PER_YEAR[i];
			if (x < 0) {
				return i + 1;
			}
		}
		return 4;
	}

	private BloodPressure bloodPressure(boolean controlled) {
		if (controlled) {
			return new BloodPressure(108 + random.nextInt(32), 62 + random.nextInt(28));
		}
		return random.nextBoolean() ? new BloodPressure(140 + random.nextInt(40), 75 + random.nextInt(30))
				: new BloodPressure(120 + random.nextInt(40), 90 + random.nextInt(15));
	}

	private FastingGlucose glucose(boolean controlled) {
		return new FastingGlucose(controlled ? 48 + random.nextInt(22) : 70 + random.nextInt(60));
	}

	private static LocalDate latest(LocalDate... days) {
		LocalDate latest = days[0];
		for (LocalDate day : days) {
			latest = day.isAfter(latest) ? day : latest;
		}
		return latest;
	}

	// ---- severe mental disorders and tuberculosis (REFERENCE §1.8, §1.9) ------------------------

	private static final String[][] MENTAL_DISORDERS = { { "F20.9", "精神分裂症", "60" }, { "F31.9", "双相情感障碍", "15" },
			{ "F25.9", "分裂情感性障碍", "6" }, { "F22.0", "偏执性精神病", "6" }, { "F06.8", "癫痫所致精神障碍", "5" },
			{ "F72", "精神发育迟滞伴发精神障碍", "8" } };

	private void mentalDisorder() {
		if (random.nextDouble() >= Rates.SMI) {
			return;
		}
		LocalDate onset = person.birthDate().plusDays((long) ((18 + 27 * random.nextDouble()) * 365.2425));
		if (!onset.atStartOfDay().isBefore(limit)) {
			return;
		}
		int x = random.nextInt(100);
		String[] disorder = MENTAL_DISORDERS[0];
		for (String[] d : MENTAL_DISORDERS) {
			x -= Integer.parseInt(d[2]);
			if (x < 0) {
				disorder = d;
				break;
			}
		}
		mentalDisorder = onset;
		diagnose(onset, disorder[0], disorder[1]);
		if (random.nextDouble() >= Rates.SMI_MANAGED) {
			return;
		}
		String chc = chc();
		LocalDate day = latest(onset, district.start().toLocalDate()).plusDays(random.nextInt(90));
		while (day.atStartOfDay().isBefore(limit)) {
			int level = pick(Rates.SMI_RISK_LEVELS);
			add(new Served(daytime(day), ServiceType.SMD_FOLLOWUP, chc, List.of(new RiskLevel(level))));
			// unstable (level 3–5): again within two weeks; otherwise about every three months
			day = day.plusDays(level >= 3 ? 10 + random.nextInt(5) : 80 + random.nextInt(20));
		}
	}

	private void tuberculosis() {
		for (int year = firstYear(); year <= lastYear(); year++) {
			int age = year - person.birthDate().getYear();
			double factor = (person.sex() == Sex.MALE ? 1.4 : 0.6) * (age < 15 ? 0.2 : age >= 65 ? 2.0 : 1.0);
			if (random.nextDouble() >= Rates.TB_INCIDENCE * factor) {
				continue;
			}
			LocalDate notified = dayIn(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
			if (!notified.atStartOfDay().isBefore(limit) || notified.isBefore(person.birthDate().plusYears(1))) {
				return;
			}
			tuberculosis = notified;
			LocalDate cured = notified.plusMonths(6);
			boolean ended = cured.atStartOfDay().isBefore(limit);
			events.add(new Diagnosed(notified.minusDays(7 + random.nextInt(30)).atStartOfDay(),
					random.nextDouble() < 0.6 ? "A15.0" : "A16.2", "肺结核", district.hospital(random).code(),
					ended ? Optional.of(cured) : Optional.empty()));
			if (random.nextDouble() < Rates.TB_MANAGED) {
				String chc = chc();
				// the first visit at home within 72 hours of the notification, then monthly
				add(new Served(daytime(notified.plusDays(random.nextInt(3))), ServiceType.TB_FIRST_VISIT, chc, List.of()));
				for (int month = 1; month <= 6; month++) {
					if (random.nextDouble() < 0.95) {
						add(new Served(daytime(notified.plusMonths(month).plusDays(random.nextInt(7))), ServiceType.TB_VISIT, chc,
								List.of()));
					}
				}
			}
			return;
		}
	}

	// ---- yearly health check (REFERENCE §1.5): 65+, and managed chronic patients ------------------

	private void healthChecks() {
		boolean regular = random.nextDouble() < Rates.ELDERLY_CHECK[0];
		String chc = chc();
		for (int year = firstYear(); year <= lastYear(); year++) {
			boolean elderly = year - person.birthDate().getYear() >= 65;
			boolean chronic = managedChronic && (hypertension != null && hypertension.getYear() <= year
					|| diabetes != null && diabetes.getYear() <= year);
			double chance = elderly ? (regular ? Rates.ELDERLY_CHECK[1] : Rates.ELDERLY_CHECK[2])
					: chronic || mentalDisorder != null && mentalDisorder.getYear() <= year ? Rates.CHRONIC_HEALTH_CHECK : 0;
			if (random.nextDouble() >= chance) {
				continue;
			}
			LocalDate day = dayIn(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
			List<Measurement> values = new ArrayList<>();
			boolean hypertensive = hypertension != null && !hypertension.isAfter(day);
			values.add(bloodPressure(!hypertensive || random.nextDouble() < Rates.CONTROLLED));
			if (diabetes != null && !diabetes.isAfter(day)) {
				values.add(glucose(random.nextDouble() < Rates.CONTROLLED));
			}
			add(new Served(daytime(day), ServiceType.HEALTH_CHECK, chc, List.copyOf(values)));
		}
	}

	// ---- children 0–6 (REFERENCE §1.3, §2) ------------------------------------------------------

	private void childCare(LocalDateTime born, Place birthHospital) {
		LocalDate birth = person.birthDate();
		if (birth.isBefore(district.start().toLocalDate().minusYears(7))) {
			return;
		}
		String chc = chc();
		boolean bornHere = birthHospital != null;
		if (bornHere && random.nextDouble() < Rates.NEWBORN_VISIT) {
			add(new Served(daytime(birth.plusDays(5 + random.nextInt(6))), ServiceType.NEWBORN_VISIT, chc, List.of()));
		}
		for (int months : Rates.CHILD_CHECK_MONTHS) {
			LocalDate due = birth.plusMonths(months);
			if (!due.isBefore(district.start().toLocalDate()) && random.nextDouble() < Rates.CHILD_CHECK) {
				add(new Served(daytime(due.plusDays(random.nextInt(months == 1 ? 3 : 21))), ServiceType.CHILD_CHECK, chc, List.of()));
			}
		}
		vaccinations(born, bornHere ? birthHospital.code() : district.deliveryHospital(random).code(), chc);
	}

	/**
	 * The child's NIP doses, the whole history for a child under 7 at the start (the immunization
	 * registry holds it): on time for most, late for some, a few missing.
	 */
	private void vaccinations(LocalDateTime born, String birthHospital, String chc) {
		List<NipSchedule.Dose> doses = NipSchedule.forChild(person.birthDate(), random.nextDouble() < Rates.JE_INACTIVATED,
				random.nextDouble() < Rates.HEPA_INACTIVATED);
		Map<String, LocalDateTime> previous = new HashMap<>();
		Set<String> stopped = new HashSet<>();
		for (NipSchedule.Dose dose : doses) {
			if (stopped.contains(dose.vaccine())) {
				continue;
			}
			LocalDate due = person.birthDate().plus(dose.age());
			LocalDateTime when;
			double x = random.nextDouble();
			if (dose.age().isZero()) {
				// at birth, in the delivery hospital, within 24 hours
				when = latestTime(born, person.birthDate().atStartOfDay()).plusHours(1 + random.nextInt(20));
			}
			else if (x < Rates.DOSE_ON_TIME) {
				when = daytime(due.plusDays(random.nextInt(21)));
			}
			else if (x < Rates.DOSE_ON_TIME + Rates.DOSE_LATE) {
				when = daytime(due.plusDays(35 + random.nextInt(150)));
			}
			else {
				stopped.add(dose.vaccine()); // a missed dose: the later ones of the vaccine are not given either
				continue;
			}
			LocalDateTime before = previous.get(dose.vaccine());
			if (before != null && when.isBefore(before.plusDays(dose.minDaysAfterPrevious()))) {
				when = daytime(before.toLocalDate().plusDays(dose.minDaysAfterPrevious() + random.nextInt(7)));
			}
			previous.put(dose.vaccine(), when);
			add(new Vaccinated(when, dose.vaccine(), dose.number(), dose.age().isZero() ? birthHospital : chc));
		}
	}

	private static LocalDateTime latestTime(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	// ---- ordinary visits and stays, at the reduced rate of --visit-rate ----------------------------

	private void visits() {
		for (int year = firstYear(); year <= lastYear(); year++) {
			int age = Math.max(0, year - person.birthDate().getYear());
			LocalDate from = latest(LocalDate.of(year, 1, 1), person.birthDate());
			LocalDate to = LocalDate.of(year + 1, 1, 1);
			if (!from.isBefore(to)) {
				continue;
			}
			double part = ChronoUnit.DAYS.between(from, to) / 365.0;
			int outpatient = poisson(district.visitRate(age) * part);
			for (int v = 0; v < outpatient; v++) {
				LocalDateTime when = daytime(dayIn(from, to));
				double x = random.nextDouble();
				if (x < Rates.EMERGENCY_SHARE) {
					LocalDateTime at = when.minusHours(random.nextInt(10));
					add(new Visited(at, at.plusHours(1 + random.nextInt(5)), VisitClass.EMERGENCY, district.hospital(random).code()));
				}
				else {
					String where = random.nextDouble() < Rates.PRIMARY_CARE_SHARE ? chc() : district.hospital(random).code();
					add(new Visited(when, when.plusMinutes(10 + random.nextInt(50)), VisitClass.OUTPATIENT, where));
				}
			}
			int stays = poisson(district.admissionRate(age) * part);
			for (int s = 0; s < stays; s++) {
				LocalDateTime admitted = daytime(dayIn(from, to));
				long days = 1 + (long) (-Math.log(1 - random.nextDouble()) * (Rates.LENGTH_OF_STAY - 1));
				LocalDateTime discharged = admitted.plusDays(days).withHour(9 + random.nextInt(3));
				if (discharged.isBefore(limit)) {
					add(new Visited(admitted, discharged, VisitClass.INPATIENT, district.hospital(random).code()));
				}
			}
		}
	}

	private int poisson(double mean) {
		double l = Math.exp(-mean);
		int k = 0;
		double p = random.nextDouble();
		while (p > l) {
			k++;
			p *= random.nextDouble();
		}
		return k;
	}

	private int pick(double[] shares) {
		double x = random.nextDouble();
		for (int i = 0; i < shares.length; i++) {
			x -= shares[i];
			if (x < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

	// ---- family-doctor contracts (REFERENCE §6) -------------------------------------------------

	private void contracts() {
		List<String> declared = new ArrayList<>();
		String[] tags = { "disabled", "low-income", "special-hardship" };
		for (int i = 0; i < tags.length; i++) {
			if (random.nextDouble() < Rates.DECLARED_KEY[i]) {
				declared.add(tags[i]);
			}
		}
		LocalDate first = latest(district.start().toLocalDate(), CONTRACTS_FROM, person.birthDate());
		LocalDate endOfPeriod = district.end().toLocalDate();
		LocalDate free = first; // the first day a new contract may start
		Optional<Team> team = Optional.empty();
		LocalDate renewal = null;
		int signed = 0;
		while (free.isBefore(endOfPeriod)) {
			LocalDate begin;
			if (renewal != null) {
				begin = renewal;
			}
			else {
				int year = free.getYear();
				LocalDate yearEnd = LocalDate.of(year + 1, 1, 1);
				if (random.nextDouble() >= (keyPopulation(year, declared) ? Rates.CONTRACT_NEW_KEY : Rates.CONTRACT_NEW_OTHER)) {
					free = yearEnd;
					continue;
				}
				begin = dayIn(free, yearEnd);
				team = district.team(random, person.orgUnit());
			}
			if (team.isEmpty() || !begin.isBefore(endOfPeriod) || !begin.atStartOfDay().isBefore(limit)) {
				return;
			}
			LocalDate end = begin.plusYears(1).minusDays(1);
			Optional<LocalDate> cancelled = Optional.empty();
			if (random.nextDouble() < Rates.CONTRACT_CANCELLED) {
				cancelled = Optional.of(begin.plusDays(30 + random.nextInt(300)));
			}
			if (limit.isBefore(district.end()) && !end.atStartOfDay().isBefore(limit)) {
				cancelled = Optional.of(limit.toLocalDate()); // ended by death
			}
			cancelled = cancelled.filter(day -> day.isBefore(end) && day.isBefore(endOfPeriod));
			signed++;
			add(new Contracted(daytime(begin), "FD-" + person.id() + "-" + signed, team.get().code(), end,
					random.nextDouble() < online(begin.getYear()), servicePackage(begin.getYear(), declared), cancelled,
					List.copyOf(declared)));
			if (cancelled.isPresent()) {
				renewal = null;
				free = LocalDate.of(cancelled.get().getYear() + 1, 1, 1);
			}
			else {
				free = end.plusDays(1);
				renewal = random.nextDouble() < Rates.CONTRACT_RENEWAL ? free : null;
				if (renewal == null) {
					free = LocalDate.of(free.getYear() + 1, 1, 1);
				}
			}
		}
	}

	private double online(int year) {
		double[] share = Rates.CONTRACT_ONLINE;
		int span = Math.max(1, lastYear() - firstYear());
		return share[0] + (share[1] - share[0]) * Math.min(1, Math.max(0, (year - firstYear()) / (double) span));
	}

	/** 重点人群 in a year: 65+, children 0–6, pregnant women, chronic, mental and TB patients, the declared. */
	private boolean keyPopulation(int year, List<String> declared) {
		int age = year - person.birthDate().getYear();
		return age >= 65 || age <= 6 || !declared.isEmpty() || before(hypertension, year) || before(diabetes, year)
				|| before(mentalDisorder, year) || before(tuberculosis, year) || pregnant(year);
	}

	private static boolean before(LocalDate day, int year) {
		return day != null && day.getYear() <= year;
	}

	private boolean pregnant(int year) {
		return pregnancies.stream().anyMatch(p -> p[0].getYear() <= year && p[1].getYear() >= year);
	}

	private String servicePackage(int year, List<String> declared) {
		int age = year - person.birthDate().getYear();
		if (age >= 65) {
			return "elderly";
		}
		if (age <= 6 || pregnant(year)) {
			return "maternal-child";
		}
		if (before(hypertension, year) || before(diabetes, year)) {
			return "chronic";
		}
		if (declared.contains("disabled")) {
			return "disabled";
		}
		return random.nextDouble() < 0.05 ? "personalized" : "basic";
	}

}
