package org.rhip.synthetic.model;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rhip.synthetic.model.Region.Place;

/**
 * 模拟区县模型 — the synthetic district as a stream of residents' histories: a population drawn as of
 * the first day of the period with Tianhe's age structure, living in the region's streets, and what
 * happens to each of them and to the babies they bear up to the last day ({@link Life}). Each
 * resident has a random generator of their own, derived from the seed and their number, so residents
 * are simulated on several threads and handed to the sink in resident order: the output depends on
 * the seed only. Nothing but one block of residents per thread is held in memory.
 */
public final class DistrictModel {

	/** Residents simulated together on one thread. */
	private static final int BLOCK = 256;

	private final Region region;

	private final Settings settings;

	private final LocalDateTime start;

	private final LocalDateTime end;

	private final double[] ageCumulative;

	private final double visitNorm;

	private final List<Place> hospitals;

	private final double[] hospitalCumulative;

	private final List<Team> teams;

	private final Map<String, List<Team>> teamsByStreet = new LinkedHashMap<>();

	public DistrictModel(Region region, Settings settings) {
		if (region.primaryCare().isEmpty() || region.hospitals().isEmpty()) {
			throw new IllegalArgumentException("region " + region.code()
					+ " needs a primary-care institution and a hospital with beds in its registry file");
		}
		this.region = region;
		this.settings = settings;
		this.start = LocalDate.of(settings.firstYear(), 1, 1).atStartOfDay();
		this.end = LocalDate.of(settings.lastYear() + 1, 1, 1).atStartOfDay();
		this.ageCumulative = ageCumulative(start.toLocalDate());
		this.visitNorm = visitNorm();
		this.hospitals = region.hospitals();
		this.hospitalCumulative = new double[hospitals.size()];
		double beds = 0;
		for (int i = 0; i < hospitals.size(); i++) {
			beds += hospitals.get(i).beds();
			hospitalCumulative[i] = beds;
		}
		this.teams = buildTeams();
		for (Team team : teams) {
			teamsByStreet.computeIfAbsent(team.orgUnit(), k -> new ArrayList<>()).add(team);
		}
	}

	/** Residents drawn (those born after the start are left out): the 2020 population × scale × oversampling. */
	public long draws() {
		return Math.round(region.population2020() * settings.scale() * Rates.OVERSAMPLE);
	}

	public List<Team> teams() {
		return teams;
	}

	public Region region() {
		return region;
	}

	/** Simulates every resident and hands the histories to the sink in resident order. */
	public void run(DistrictSink sink) throws IOException {
		sink.teams(teams);
		IdNumbers ids = new IdNumbers(region.code());
		int threads = Math.max(1, settings.threads());
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread thread = new Thread(r, "synthetic-district");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Deque<Future<List<PersonHistory>>> pending = new ArrayDeque<>();
			long total = draws();
			for (long first = 0; first < total; first += BLOCK) {
				long from = first;
				long to = Math.min(total, first + BLOCK);
				pending.add(pool.submit(() -> simulate(from, to)));
				if (pending.size() >= threads * 3) {
					release(pending.poll(), ids, sink);
				}
			}
			while (!pending.isEmpty()) {
				release(pending.poll(), ids, sink);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<PersonHistory> simulate(long from, long to) {
		List<PersonHistory> block = new ArrayList<>();
		for (long n = from; n < to; n++) {
			Life.resident(this, n).ifPresent(block::add);
		}
		return block;
	}

	private static void release(Future<List<PersonHistory>> block, IdNumbers ids, DistrictSink sink) throws IOException {
		List<PersonHistory> histories;
		try {
			histories = block.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		for (PersonHistory history : histories) {
			sink.person(numbered(history, ids));
		}
	}

	/** ID numbers are handed out here, in resident order (mother, then her babies), for determinism. */
	private static PersonHistory numbered(PersonHistory history, IdNumbers ids) {
		Person person = history.person();
		List<PersonHistory> children = new ArrayList<>();
		Person numbered = person.withIdNumber(ids.next(person.birthDate(), person.sex()));
		for (PersonHistory child : history.children()) {
			children.add(numbered(child, ids));
		}
		return new PersonHistory(numbered, history.events(), List.copyOf(children));
	}

	// ---- shared by the residents' simulations -------------------------------------------------

	Settings settings() {
		return settings;
	}

	LocalDateTime start() {
		return start;
	}

	LocalDateTime end() {
		return end;
	}

	/** A random generator of its own for a resident number (and for a baby: the mother's and the birth order). */
	SplittableRandom random(long... keys) {
		long h = settings.seed() * 0x9E3779B97F4A7C15L;
		for (long key : keys) {
			h = mix(h + key * 0xBF58476D1CE4E5B9L + 1);
		}
		return new SplittableRandom(h);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** An age group by {@link Rates#AGE_SHARES}, corrected for the deaths between the start and the reference day. */
	int ageGroup(SplittableRandom random) {
		double x = random.nextDouble() * ageCumulative[ageCumulative.length - 1];
		for (int g = 0; g < ageCumulative.length; g++) {
			if (x < ageCumulative[g]) {
				return g;
			}
		}
		return ageCumulative.length - 1;
	}

	private static double[] ageCumulative(LocalDate start) {
		double yearsBefore = Math.max(0, ChronoUnit.DAYS.between(start, Rates.REFERENCE_DAY) / 365.2425);
		double[] cumulative = new double[Rates.AGE_SHARES.length];
		double sum = 0;
		for (int g = 0; g < cumulative.length; g++) {
			double middle = g == cumulative.length - 1 ? 88 : 5 * g + 2.5;
			double rate = (Mortality.rate(Sex.MALE, middle - yearsBefore / 2, 2018)
					+ Mortality.rate(Sex.FEMALE, middle - yearsBefore / 2, 2018)) / 2;
			sum += Rates.AGE_SHARES[g] * Math.exp(rate * yearsBefore);
			cumulative[g] = sum;
		}
		return cumulative;
	}

	/** Visits per person-year at an age: --visit-rate × the age factor, normalised over the population. */
	double visitRate(int age) {
		return settings.visitRate() * Rates.VISIT_AGE_FACTORS[ageBand(age)] / visitNorm;
	}

	/** Stays per person-year at an age: their full rate × visit-rate / the full outpatient rate. */
	double admissionRate(int age) {
		return Rates.ADMISSIONS[ageBand(age)] * settings.visitRate() / Rates.FULL_OUTPATIENT_RATE;
	}

	static int ageBand(int age) {
		return age < 5 ? 0 : age < 15 ? 1 : age < 45 ? 2 : age < 65 ? 3 : 4;
	}

	private static double visitNorm() {
		double weighted = 0;
		double total = 0;
		for (int g = 0; g < Rates.AGE_SHARES.length; g++) {
			weighted += Rates.AGE_SHARES[g] * Rates.VISIT_AGE_FACTORS[ageBand(5 * g)];
			total += Rates.AGE_SHARES[g];
		}
		return weighted / total;
	}

	/** A hospital, chosen by its beds. */
	Place hospital(SplittableRandom random) {
		double x = random.nextDouble() * hospitalCumulative[hospitalCumulative.length - 1];
		for (int i = 0; i < hospitalCumulative.length; i++) {
			if (x < hospitalCumulative[i]) {
				return hospitals.get(i);
			}
		}
		return hospitals.get(hospitals.size() - 1);
	}

	/** Where babies are born: the MCH hospital for some, else a hospital by its beds. */
	Place deliveryHospital(SplittableRandom random) {
		Optional<Place> mch = region.mchHospital().filter(Place::hospital);
		return mch.isPresent() && random.nextDouble() < Rates.DELIVERY_AT_MCH ? mch.get() : hospital(random);
	}

	/** A primary-care institution of a street. */
	Place primaryCare(SplittableRandom random, String street) {
		List<Place> places = region.primaryCareOf(street);
		return places.get(random.nextInt(places.size()));
	}

	/** A family-doctor team serving a street. */
	Optional<Team> team(SplittableRandom random, String street) {
		List<Team> local = teamsByStreet.getOrDefault(street, teams);
		return local.isEmpty() ? Optional.empty() : Optional.of(local.get(random.nextInt(local.size())));
	}

	private List<Team> buildTeams() {
		SplittableRandom random = random(-1);
		List<Team> built = new ArrayList<>();
		for (Place site : region.teamSites()) {
			int gps = site.gps() > 0 ? site.gps() : Rates.DEFAULT_GPS;
			long count = Math.max(1, Math.round(gps * Rates.TEAMS_PER_GP * settings.scale()));
			String street = streetOf(site.orgUnit());
			for (int t = 1; t <= count; t++) {
				List<String> specialists = new ArrayList<>();
				int n = 1 + random.nextInt(3);
				for (int s = 0; s < n; s++) {
					specialists.add(Names.staff(random));
				}
				built.add(new Team(site.code() + "-T" + String.format("%02d", t), site.name() + "家庭医生团队" + t, site.code(),
						street, Names.staff(random), Names.staff(random), Names.staff(random), List.copyOf(specialists)));
			}
		}
		return List.copyOf(built);
	}

	/** The street an org unit lies in (a community's street), or the region when it lies in none. */
	private String streetOf(String orgUnit) {
		return region.homeUnits().stream().filter(orgUnit::startsWith).findFirst().orElse(region.code());
	}

}
