package org.rhip.care.immunization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.care.immunization.Series.Candidate;
import org.rhip.care.immunization.Series.Slot;

import org.springframework.core.io.ClassPathResource;

/**
 * 国家免疫规划疫苗儿童免疫程序 — the national immunization schedule for children as versioned data
 * ({@code care/nip-schedule.yaml}, REFERENCE.md §2): the 2021 edition and the DTaP change of
 * 2025-01-01 (DTaP at 2, 4, 6 and 18 months and 6 years; DT dropped).
 *
 * <p>
 * Transition between editions: an amending edition replaces whole series, position by position. A
 * dose position follows the older edition when its recommended date under the older edition is before
 * the amendment's effective date, the amendment otherwise; doses given are valid as given. So a child
 * born 2024-06-01 has DTaP 1–3 at 3, 4 and 5 months (all due in 2024, 2021 edition), DTaP 4 at 18
 * months and DTaP 5 — not DT — at 6 years (2025 edition); a child born 2024-10-15, whose DTaP 1 fell
 * due in 2025 under the 2021 edition, has the whole 2025 series (2, 4, 6, 18 months, 6 years). The
 * national notice's own transition wording was not available; this rule is ours. Editions before 2021
 * are not modelled: earlier doses are judged by the 2021 edition.
 *
 * <p>
 * Not modelled: the HepB schedule of babies under 2,000 g born to HBsAg-positive or unknown mothers
 * (doses at 1, 2 and 7 months; the mother's status is not in the records); the DTaP/DT switch for
 * catch-up from 6 years; the 28-day gap between two injected live vaccines not given the same day; the
 * PPD test that BCG catch-up needs from 3 months.
 */
public final class NipSchedule {

	private static final String RESOURCE = "care/nip-schedule.yaml";

	private static volatile NipSchedule bundled;

	private final Map<String, String> vaccines;

	private final Period catchUpBefore;

	private final List<Series> series;

	private final List<CoverageTarget> coverageTargets;

	NipSchedule(Map<String, String> vaccines, Period catchUpBefore, List<Series> series) {
		this.vaccines = Collections.unmodifiableMap(new LinkedHashMap<>(vaccines));
		this.catchUpBefore = catchUpBefore;
		this.series = List.copyOf(series);
		this.coverageTargets = targets(series);
	}

	/** The schedule of {@code care/nip-schedule.yaml}, read once. */
	public static NipSchedule bundled() {
		NipSchedule schedule = bundled;
		if (schedule == null) {
			try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
				schedule = ScheduleReader.read(RESOURCE, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			bundled = schedule;
		}
		return schedule;
	}

	/** The NIP vaccine codes and their Chinese names, in the order of the schedule file. */
	public Map<String, String> vaccines() {
		return vaccines;
	}

	/** A child's doses on {@code asOf}: due dates, deadlines, status (see {@link ImmunizationPlan}). */
	public ImmunizationPlan plan(Child child, LocalDate asOf) {
		return ImmunizationPlan.compute(this, child, asOf);
	}

	/** The problems of recording {@code dose} for {@code child} on {@code today}; empty when it is acceptable. */
	public List<DoseProblem> check(Child child, GivenDose dose, LocalDate today) {
		return DoseCheck.check(this, child, dose, today);
	}

	/** The coverage targets, for SQL ({@link CoverageTarget#valuesSql(List)}) or {@link #dueInYear(Child, int)}. */
	public List<CoverageTarget> coverageTargets() {
		return coverageTargets;
	}

	/**
	 * The doses a child was due in {@code year} for coverage — those whose timely deadline falls in the
	 * year — and whether each was given by its deadline (the rule: {@link CoverageTarget}).
	 */
	public List<CoverageDose> dueInYear(Child child, int year) {
		LocalDate birth = child.birthDate();
		return coverageTargets.stream()
			.filter(t -> t.appliesTo(birth) && t.deadline(birth).getYear() == year)
			.map(t -> new CoverageDose(t.series(), t.vaccineCode(), t.doseNumber(), t.deadline(birth), t.givenOnTime(child)))
			.toList();
	}

	Period catchUpBefore() {
		return catchUpBefore;
	}

	List<Series> series() {
		return series;
	}

	private static List<CoverageTarget> targets(List<Series> series) {
		List<CoverageTarget> targets = new ArrayList<>();
		for (Series s : series) {
			for (Slot slot : s.tracks().get(0)) {
				for (Candidate c : slot.candidates()) {
					DoseKey key = c.rule().key();
					DoseKey alternative = alternative(s, key);
					targets.add(new CoverageTarget(s.code(), key.vaccine(), key.dose(),
							alternative == null ? null : alternative.vaccine(), alternative == null ? null : alternative.dose(),
							c.rule().timelyBefore(), slot.chosenAt(), c.from(), c.until()));
				}
			}
		}
		return List.copyOf(targets);
	}

	private static DoseKey alternative(Series s, DoseKey key) {
		for (List<Slot> track : s.tracks().subList(1, s.tracks().size())) {
			for (Slot slot : track) {
				for (Candidate c : slot.candidates()) {
					if (key.equals(c.rule().countsAs())) {
						return c.rule().key();
					}
				}
			}
		}
		return null;
	}

}
