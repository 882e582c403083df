package org.rhip.surveillance.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rhip.platform.db.PgCopy;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.surveillance.InjectedOutbreak;
import org.rhip.surveillance.SimulatedDistrict;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A synthetic district's surveillance data: case report cards of the common notifiable diseases and
 * daily sentinel counts for every street, at rates of a large southern Chinese city (per 100,000 a
 * year, with each disease's season), plus outbreaks injected on purpose in the last year — each with
 * extra cases and the sentinel sources that would see it (school absenteeism, clinic visits,
 * pharmacy sales, lab positives). Deterministic for a seed. Written by {@code COPY}; it is the
 * module's own tables. The cards carry no identifiers.
 */
@Component
public class SurveillanceDemoData {

	/** Incidence per 100,000 a year, seasonal amplitude, peak day of year. */
	private record Rate(String disease, double per100k, double amplitude, int peakDay) {
	}

	private static final List<Rate> RATES = List.of(new Rate("influenza", 1200, 0.8, 15), new Rate("hfmd", 300, 0.7, 150),
			new Rate("other-diarrhoea", 200, 0.4, 200), new Rate("hepatitis", 80, 0.1, 90), new Rate("tb", 50, 0.1, 90),
			new Rate("covid-19", 40, 0.5, 30), new Rate("syphilis", 40, 0.05, 180), new Rate("gonorrhoea", 20, 0.05, 180),
			new Rate("aids", 10, 0.0, 1), new Rate("mumps", 10, 0.4, 120), new Rate("dengue", 6, 1.0, 260),
			new Rate("scarlet-fever", 5, 0.6, 340), new Rate("pertussis", 4, 0.3, 200), new Rate("ahc", 3, 0.8, 250),
			new Rate("dysentery", 1, 0.5, 210), new Rate("rubella", 0.5, 0.5, 100), new Rate("malaria", 0.3, 0.2, 200),
			new Rate("typhoid", 0.4, 0.4, 210), new Rate("measles", 0.1, 0.5, 100), new Rate("brucellosis", 0.1, 0.0, 1));

	/** Sentinel counts per 100,000 residents a day, seasonal amplitude, peak day of year. */
	private record Sentinel(String source, String syndrome, double per100k, double amplitude, int peakDay) {
	}

	private static final List<Sentinel> SENTINEL = List.of(new Sentinel("fever-clinic", "ili", 12, 0.6, 15),
			new Sentinel("fever-clinic", "fever", 20, 0.4, 15), new Sentinel("school", "fever", 6, 0.5, 20),
			new Sentinel("pharmacy", "cold-medicine", 25, 0.5, 15), new Sentinel("lab", "influenza", 1.2, 0.9, 15),
			new Sentinel("intestinal-clinic", "diarrhoea", 5, 0.4, 200), new Sentinel("school", "diarrhoea", 0.8, 0.3, 200),
			new Sentinel("pharmacy", "antidiarrhoeal", 6, 0.3, 200), new Sentinel("lab", "norovirus", 0.4, 0.6, 340),
			new Sentinel("fever-clinic", "rash", 0.8, 0.6, 150), new Sentinel("lab", "enterovirus", 0.5, 0.7, 150));

	/** What an outbreak of a disease also shows in, with the share of its extra cases each source sees. */
	private static final Map<String, List<Object[]>> ECHOES = Map.of(
			"influenza", List.<Object[]>of(new Object[] { "school/fever", 1.5 }, new Object[] { "fever-clinic/ili", 1.0 },
					new Object[] { "pharmacy/cold-medicine", 2.0 }, new Object[] { "lab/influenza", 0.4 }),
			"hfmd", List.<Object[]>of(new Object[] { "fever-clinic/rash", 0.8 }, new Object[] { "lab/enterovirus", 0.5 }),
			"other-diarrhoea", List.<Object[]>of(new Object[] { "intestinal-clinic/diarrhoea", 2.0 },
					new Object[] { "school/diarrhoea", 1.5 }, new Object[] { "lab/norovirus", 0.5 },
					new Object[] { "pharmacy/antidiarrhoeal", 1.5 }));

	/** The diseases outbreaks are injected for, with the size of their peak day in extra cases. */
	private static final List<Object[]> OUTBREAK_KINDS = List.of(new Object[] { "influenza", 10 },
			new Object[] { "hfmd", 6 }, new Object[] { "other-diarrhoea", 8 }, new Object[] { "dengue", 3 },
			new Object[] { "scarlet-fever", 3 }, new Object[] { "mumps", 3 }, new Object[] { "measles", 2 },
			new Object[] { "pertussis", 2 });

	private final RegistryApi registry;

	private final JdbcTemplate jdbc;

	SurveillanceDemoData(RegistryApi registry, JdbcTemplate jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/**
	 * Writes [start, end] for every street of {@code region}, with {@code outbreaks} outbreaks injected
	 * between {@code outbreaksFrom} and {@code end}. {@code scale} multiplies every rate (1.0 = a city's).
	 */
	@Transactional
	public SimulatedDistrict generate(String region, LocalDate start, LocalDate end, LocalDate outbreaksFrom, int outbreaks,
			long seed, double scale) {
		return generate(region, start, start, end, outbreaksFrom, outbreaks, seed, scale);
	}

	/**
	 * As {@link #generate(String, LocalDate, LocalDate, LocalDate, int, long, double)}, with sentinel
	 * counts only from {@code sentinelStart}: their detectors look back days, not years, and they are
	 * most of the rows.
	 */
	@Transactional
	public SimulatedDistrict generate(String region, LocalDate start, LocalDate sentinelStart, LocalDate end,
			LocalDate outbreaksFrom, int outbreaks, long seed, double scale) {
		Random random = new Random(seed);
		List<OrgUnit> streets = registry.children(region);
		long population = registry.totals(region, end.getYear()).get("POP")
			.or(() -> registry.totals(region, 2020).get("POP"))
			.map(BigDecimal::longValue)
			.orElse(1_000_000L);
		double[] share = new double[streets.size()];
		double total = 0;
		for (int i = 0; i < share.length; i++) {
			share[i] = 0.5 + random.nextDouble();
			total += share[i];
		}
		List<Institution> institutions = registry.institutionsWithin(region);
		if (institutions.isEmpty()) {
			throw new IllegalStateException("district " + region + " has no institutions to report from");
		}
		int days = (int) ChronoUnit.DAYS.between(start, end) + 1;

		// the outbreaks first, so their extra cases go into the same rows
		List<InjectedOutbreak> injected = new ArrayList<>();
		int window = (int) ChronoUnit.DAYS.between(outbreaksFrom, end) - 25;
		double[][][] extraCases = new double[OUTBREAK_KINDS.size()][streets.size()][days];
		for (int k = 0; k < outbreaks && window > 0; k++) {
			Object[] kind = OUTBREAK_KINDS.get(k % OUTBREAK_KINDS.size());
			int street = random.nextInt(streets.size());
			int begin = (int) ChronoUnit.DAYS.between(start, outbreaksFrom) + random.nextInt(window);
			int length = 6 + random.nextInt(10);
			int peak = (int) kind[1];
			int sum = 0;
			for (int d = 0; d < length; d++) {
				double shape = 1 - Math.abs((d - length / 2.0) / (length / 2.0 + 1));
				int extra = poisson(random, Math.max(0.6, peak * shape));
				extraCases[k % OUTBREAK_KINDS.size()][street][begin + d] += extra;
				sum += extra;
			}
			injected.add(new InjectedOutbreak("cases", (String) kind[0], streets.get(street).code(), start.plusDays(begin),
					start.plusDays(begin + length - 1), sum));
			for (Object[] echo : ECHOES.getOrDefault((String) kind[0], List.of())) {
				injected.add(new InjectedOutbreak("sentinel", (String) echo[0], streets.get(street).code(),
						start.plusDays(begin), start.plusDays(begin + length - 1), (int) Math.round(sum * (double) echo[1])));
			}
		}

		StringBuilder cards = new StringBuilder();
		int cardCount = 0;
		for (int s = 0; s < streets.size(); s++) {
			double people = population * share[s] / total;
			List<Institution> near = institutions.stream()
				.filter(i -> registry.isWithin(i.orgUnitCode(), streets.get(0).parentCode().orElse(region)))
				.toList();
			for (int d = 0; d < days; d++) {
				LocalDate day = start.plusDays(d);
				for (Rate rate : RATES) {
					double mean = scale * people / 100_000 * rate.per100k() / 365 * season(day, rate.amplitude(), rate.peakDay());
					int n = poisson(random, mean);
					for (int k = 0; k < OUTBREAK_KINDS.size(); k++) {
						if (OUTBREAK_KINDS.get(k)[0].equals(rate.disease())) {
							n += (int) extraCases[k][s][d];
						}
					}
					for (int c = 0; c < n; c++) {
						cardCount++;
						appendCard(cards, random, seed, cardCount, rate.disease(), streets.get(s).code(), day,
								near.get(random.nextInt(near.size())).code());
					}
				}
			}
		}
		PgCopy.copyIn(jdbc, "copy surveillance.case_report (card_no, status, disease_code, classification, sex, age_years, occupation, "
				+ "org_unit_code, onset_date, diagnosis_time, report_time, institution_code, doctor, report_limit_hours, "
				+ "on_time, created_by) from stdin", cards);

		StringBuilder counts = new StringBuilder();
		int countRows = 0;
		for (int s = 0; s < streets.size(); s++) {
			double people = population * share[s] / total;
			for (Sentinel sentinel : SENTINEL) {
				String subject = sentinel.source() + "/" + sentinel.syndrome();
				for (int d = (int) Math.max(0, ChronoUnit.DAYS.between(start, sentinelStart)); d < days; d++) {
					LocalDate day = start.plusDays(d);
					double mean = scale * people / 100_000 * sentinel.per100k()
							* season(day, sentinel.amplitude(), sentinel.peakDay());
					int n = poisson(random, mean);
					for (int k = 0; k < OUTBREAK_KINDS.size(); k++) {
						for (Object[] echo : ECHOES.getOrDefault((String) OUTBREAK_KINDS.get(k)[0], List.of())) {
							if (echo[0].equals(subject) && extraCases[k][s][d] > 0) {
								n += poisson(random, extraCases[k][s][d] * (double) echo[1]);
							}
						}
					}
					counts.append(sentinel.source()).append('\t').append(sentinel.syndrome()).append('\t')
						.append(streets.get(s).code()).append('\t').append(day).append('\t').append(n).append('\n');
					countRows++;
				}
			}
		}
		PgCopy.copyIn(jdbc, "copy surveillance.sentinel_count (source_code, syndrome_code, org_unit_code, day, count) from stdin", counts);
		// fresh statistics for the planner, as autovacuum would give them some minutes later
		jdbc.execute("analyze surveillance.case_report");
		jdbc.execute("analyze surveillance.sentinel_count");
		return new SimulatedDistrict(cardCount, countRows, injected);
	}

	private static void appendCard(StringBuilder out, Random random, long seed, int serial, String disease, String street,
			LocalDate day, String institution) {
		int hour = 8 + random.nextInt(10);
		int reportMinutes = 20 + random.nextInt(random.nextInt(20) == 0 ? 3000 : 900);
		LocalDate onset = day.minusDays(random.nextInt(4));
		java.time.LocalDateTime diagnosed = day.atTime(hour, random.nextInt(60));
		String diagnosis = diagnosed.toLocalDate() + " " + diagnosed.toLocalTime() + "+08";
		java.time.LocalDateTime reported = diagnosed.plusMinutes(reportMinutes);
		int age = switch (disease) {
			case "hfmd", "mumps", "measles", "pertussis" -> random.nextInt(7);
			case "scarlet-fever" -> 3 + random.nextInt(9);
			default -> random.nextInt(85);
		};
		String occupation = age < 7 ? "散居儿童" : age < 19 ? "学生" : age > 60 ? "离退人员" : "其他";
		// unique across simulations of other districts and seeds in the same database
		out.append("SIM-").append(street).append('-').append(seed).append('-').append(serial).append("\tactive\t")
			.append(disease)
			.append('\t').append(random.nextInt(3) == 0 ? "confirmed" : "clinical").append('\t')
			.append(random.nextBoolean() ? "male" : "female").append('\t').append(age).append('\t').append(occupation)
			.append('\t').append(street).append('\t').append(onset).append('\t').append(diagnosis).append('\t')
			.append(reported.toLocalDate()).append(' ').append(reported.toLocalTime()).append("+08\t").append(institution)
			.append("\t\\N\t24\t").append(reportMinutes <= 24 * 60 ? 't' : 'f').append("\tdemo\n");
	}

	/** Seasonal factor: 1 ± amplitude, highest on {@code peakDay}. */
	private static double season(LocalDate day, double amplitude, int peakDay) {
		return 1 + amplitude * Math.cos(2 * Math.PI * (day.getDayOfYear() - peakDay) / 365.25);
	}

	/** Knuth's method for small means, a rounded normal for large ones. */
	static int poisson(Random random, double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 30) {
			return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
		}
		double limit = Math.exp(-mean);
		double p = 1;
		int k = 0;
		do {
			k++;
			p *= random.nextDouble();
		} while (p > limit);
		return k - 1;
	}


}
