package org.rhip.synthetic.model;

import java.time.LocalDate;

/**
 * 模拟参数 — every rate of the synthetic district in one place, each with the baseline it is calibrated
 * to. Where a figure is a guess it says so. Tianhe's printed 2020 baselines (seeds/000, table L38–L163):
 * life expectancy 82.7, maternal mortality 22.96/10万, infant mortality 1.49‰, under-5 mortality 2.18‰,
 * premature NCD mortality 8.15%, NIP coverage 99%, elderly health management ≥ 70%.
 */
final class Rates {

	private Rates() {
	}

	// ---- population ---------------------------------------------------------------------------

	/** The day the age structure and the population size are calibrated to: the 2020 mid-year. */
	static final LocalDate REFERENCE_DAY = LocalDate.of(2020, 7, 1);

	/** Tianhe's 7th-census population, used when a region's registry file has no 2020 figure. */
	static final long DEFAULT_POPULATION = 2_241_826;

	/**
	 * Shares (%) of the age groups 0–4, 5–9, …, 80–84, 85+ on the reference day. Tianhe's own census table
	 * is not in reach; these follow Guangzhou's 7th census (广州市第七次全国人口普查公报第四号, 2021:
	 * 0–14 13.87%, 15–59 74.72%, 60+ 11.41%, 65+ 7.82%; 20–24 10.25%, 25–29 10.99%, 30–34 11.70%,
	 * 35–39 9.40%, 40–44 7.35%) moved younger for Tianhe, the youngest district (mean age 33.2 against
	 * Guangzhou's 35.4, same source's press report): 0–14 14.0%, 15–59 76.0%, 60+ 10.0%, 65+ 7.0%.
	 */
	static final double[] AGE_SHARES = { 5.4, 5.0, 3.6, 3.6, 10.8, 12.6, 13.2, 10.2, 7.6, 7.0, 5.6, 5.4, 3.0, 2.6, 1.7,
			1.1, 0.8, 0.8 };

	/** Share of men per age group (guess: Guangzhou's sex ratio 111.98 at working ages, women outlive men). */
	static final double[] MALE_SHARES = { 0.53, 0.53, 0.53, 0.53, 0.52, 0.52, 0.52, 0.52, 0.51, 0.51, 0.50, 0.50, 0.49,
			0.48, 0.47, 0.46, 0.44, 0.40 };

	/** Ages above 85 fall off by this factor a year (so the 85+ group is mostly 85–90). */
	static final double OLDEST_DECAY = 0.25;

	static final int OLDEST_AGE = 104;

	/**
	 * Persons drawn per target resident: those born after the start are dropped (births replace them)
	 * and some die before the reference day. Set so that the population alive on 2020-07-01 is the
	 * registry's 2020 population × scale (checked by the calibration test).
	 */
	static final double OVERSAMPLE = 1.010;

	/** Guess: no street populations in the registry, so every street gets the same share. */
	static final boolean UNIFORM_STREETS = true;

	// ---- mortality ----------------------------------------------------------------------------

	/**
	 * Death rates per year from age 30 on, log-linear between the knots (age, men, women). Calibrated so
	 * that the Chiang life table of the generated 2020 deaths and population gives e0 ≈ 82.7 (Tianhe 2020)
	 * and, with the NCD shares below, WHO 30q70 ≈ 8.15% — a steep, Japan-like curve: low mortality at
	 * 30–69, the deaths late.
	 */
	static final double[][] ADULT_MORTALITY = { { 30, 0.0005, 0.00023 }, { 50, 0.0023, 0.0012 }, { 65, 0.008, 0.0035 },
			{ 80, 0.07, 0.043 }, { 100, 0.45, 0.40 } };

	/** Death rates per year at 1–4, 5–14, 15–29 (men, women): with the infant rate, under-5 mortality ≈ 2.18‰. */
	static final double[][] YOUNG_MORTALITY = { { 1, 0.00019, 0.00015 }, { 5, 0.00013, 0.00009 }, { 15, 0.0004, 0.00016 } };

	/** Mortality falls this much a year (e0 81.7 in 2015 → 82.7 in 2020 → "over 83" in 2025, plan L2, L34). */
	static final double MORTALITY_DECLINE = 0.02;

	/** Deaths under one year per live birth: Tianhe 2020 infant mortality 1.49‰. */
	static final double INFANT_MORTALITY = 0.00149;

	/** A preterm baby's risk of dying in infancy against a term baby's (guess). */
	static final double PRETERM_INFANT_RISK = 10;

	/** Infant deaths in the first week, in days 7–27, later (guess: neonatal deaths two thirds). */
	static final double[] INFANT_DEATH_PERIODS = { 0.5, 0.2, 0.3 };

	/** Rate for residents already under one year old on the start day (post-neonatal only). */
	static final double INFANT_RESIDENT_MORTALITY = 0.0005;

	/**
	 * Share of deaths at 30–44, 45–59 and 60 and over from the four NCD groups (I00–I99, C00–C97, E10–E14,
	 * J30–J98): with the rates above, 30q70 ≈ 8.15% (Tianhe 2020).
	 */
	static final double[] NCD_SHARES = { 0.55, 0.745, 0.83 };

	/** Maternal deaths per live birth: Tianhe 2020, 22.96 per 100,000. */
	static final double MATERNAL_MORTALITY = 22.96e-5;

	/** Place of death for illness (hospital, home, other institution, in transit, other; guess). */
	static final double[] DEATH_PLACES_ILLNESS = { 0.55, 0.38, 0.04, 0.02, 0.01 };

	/** The same for injuries (guess). */
	static final double[] DEATH_PLACES_INJURY = { 0.5, 0.1, 0.0, 0.2, 0.2 };

	// ---- births -------------------------------------------------------------------------------

	/**
	 * Births per woman-year at 15–19, 20–24, …, 45–49 before the level below (shape of an urban Chinese
	 * fertility schedule, peak 25–34).
	 */
	static final double[] FERTILITY_SHAPE = { 0.003, 0.040, 0.085, 0.080, 0.040, 0.010, 0.0005 };

	/** Multiplies the shape: crude birth rate ≈ 12‰ in 2020 on Tianhe's age structure (total fertility ≈ 1.1). */
	static final double FERTILITY_LEVEL = 0.93;

	/**
	 * Fertility by year 2016–2025 against 2020: the two-child peak of 2017, then rising again to make up
	 * for the ageing of a district without migration (in Tianhe young migrants keep the women of
	 * child-bearing age many), so that the crude birth rate stays ≈ 11–13‰ every year.
	 */
	static final double[] FERTILITY_BY_YEAR_2016 = { 1.0, 1.06, 1.04, 1.0, 1.0, 1.07, 1.09, 1.12, 1.2, 1.27 };

	/** Months from one delivery to the next at the earliest. */
	static final int BIRTH_SPACING_MONTHS = 15;

	/** Fewer further births after one and after two in the period (guess). */
	static final double[] PARITY_FACTOR = { 1.0, 0.6, 0.15 };

	/** Boys per birth (Guangdong's sex ratio at birth is high, about 1.1). */
	static final double MALE_BIRTHS = 0.525;

	/** Births before 37 weeks (China about 6–7%). */
	static final double PRETERM = 0.06;

	/** Births at 42 weeks. */
	static final double POSTTERM = 0.005;

	/** Mean birth weight (g) at 28, 30, …, 42 weeks; the weight varies ± 11%. */
	static final int[] BIRTH_WEIGHT_BY_WEEK = { 1100, 1500, 1900, 2400, 2800, 3050, 3300, 3450 };

	/** Caesarean deliveries (longer stays; China's urban rate about 40%). */
	static final double CAESAREAN = 0.4;

	/** Deliveries at the region's MCH hospital when it has one; the rest at the other hospitals. */
	static final double DELIVERY_AT_MCH = 0.4;

	// ---- maternal care (REFERENCE §1.4) -------------------------------------------------------

	/** First prenatal visit before 13 weeks (early-pregnancy registration; brief: about 93%). */
	static final double EARLY_REGISTRATION = 0.93;

	/** Each further scheduled prenatal visit (16–20, 21–24, 28–32, 33–36, 37–40 weeks) takes place. */
	static final double PRENATAL_VISIT = 0.92;

	/** Extra third-trimester visits: 0 to this many (city practice sees women more often). */
	static final int EXTRA_PRENATAL_VISITS = 3;

	/** Postpartum home visit within a week of discharge, and the 42-day check. */
	static final double POSTPARTUM_VISIT = 0.95;

	static final double POSTPARTUM_42D = 0.95;

	// ---- child care (REFERENCE §1.3, §2) ------------------------------------------------------

	/** Newborn home visit, and each child check at 1, 3, 6, 8, 12, 18, 24, 30, 36 months and 4, 5, 6 years. */
	static final double NEWBORN_VISIT = 0.95;

	static final double CHILD_CHECK = 0.95;

	static final int[] CHILD_CHECK_MONTHS = { 1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72 };

	/** NIP doses: on time (within 3 weeks of the due age), late (1–6 months), the rest missing. Tianhe 2020: 99%. */
	static final double DOSE_ON_TIME = 0.99;

	static final double DOSE_LATE = 0.008;

	/** Children on the inactivated JE and HepA alternatives (guess). */
	static final double JE_INACTIVATED = 0.1;

	static final double HEPA_INACTIVATED = 0.2;

	// ---- chronic disease (REFERENCE §1.6, §1.7) -------------------------------------------------

	/**
	 * Hypertension diagnosed by some age: share × logistic((age − midpoint) / spread). Gives ≈ 25% of
	 * adults ≥ 35 diagnosed by 2020 on Tianhe's young age structure (China's adult prevalence 27.5%,
	 * about half of it diagnosed; the county guide of REFERENCE §1.6 estimates 25.2% of adults).
	 */
	static final double[] HYPERTENSION = { 0.72, 58, 8 };

	/** Type 2 diabetes the same way: ≈ 9% of adults ≥ 35 (REFERENCE §1.7's estimator 9.7%). */
	static final double[] DIABETES = { 0.30, 60, 9 };

	/** Diagnosed patients aged 35+ who are under the CHC's management (guess). */
	static final double CHRONIC_MANAGED = 0.8;

	/** Follow-ups a year of a managed patient: 1, 2, 3, 4, 5, 6 (≥ 4 for about 80%). */
	static final double[] FOLLOWUPS_PER_YEAR = { 0.02, 0.03, 0.15, 0.65, 0.1, 0.05 };

	/** Blood pressure or fasting glucose under control at a follow-up (brief: about 70% at the latest). */
	static final double CONTROLLED = 0.7;

	/** Managed patients under 65 who also have the yearly health check. */
	static final double CHRONIC_HEALTH_CHECK = 0.85;

	// ---- elderly (REFERENCE §1.5) -------------------------------------------------------------

	/**
	 * 65+ residents who come every year (share, yearly chance) and the others' yearly chance:
	 * 0.85 × 0.82 + 0.15 × 0.2 ≈ 72% a year (Tianhe 2020 baseline ≥ 70%).
	 */
	static final double[] ELDERLY_CHECK = { 0.85, 0.82, 0.2 };

	// ---- severe mental disorders and tuberculosis (REFERENCE §1.8, §1.9) ----------------------

	/** Lifetime chance of a severe mental disorder, onset 18–45: ≈ 0.4% of adults (China's registered prevalence). */
	static final double SMI = 0.0045;

	static final double SMI_MANAGED = 0.9;

	/** Risk levels 0–5 at a follow-up. */
	static final double[] SMI_RISK_LEVELS = { 0.75, 0.15, 0.06, 0.025, 0.01, 0.005 };

	/** Pulmonary TB notifications per person-year: ≈ 30 per 100,000 (Guangzhou's order of magnitude). */
	static final double TB_INCIDENCE = 30e-5;

	/** TB episodes followed up by the CHC; visits in the six months of treatment. */
	static final double TB_MANAGED = 0.95;

	// ---- ordinary visits and stays (registry institutions) ------------------------------------

	/**
	 * Outpatient visits per person-year at full volume (guess, Guangzhou's order: 8). {@code --visit-rate}
	 * samples visits and stays at visitRate / this of their full rate, so shares stay right and volumes
	 * stay small.
	 */
	static final double FULL_OUTPATIENT_RATE = 8.0;

	/** Relative visit frequency at 0–4, 5–14, 15–44, 45–64, 65+; normalised to the population's mean. */
	static final double[] VISIT_AGE_FACTORS = { 1.6, 0.7, 0.7, 1.2, 2.2 };

	/** Outpatient visits at a primary-care institution (plans' target: primary-care share 50–60%). */
	static final double PRIMARY_CARE_SHARE = 0.55;

	/** Visits that are emergencies (at a hospital). */
	static final double EMERGENCY_SHARE = 0.05;

	/** Hospital admissions per person-year at full volume at 0–4, 5–14, 15–44, 45–64, 65+ (guess). */
	static final double[] ADMISSIONS = { 0.12, 0.04, 0.07, 0.12, 0.30 };

	/** Mean length of stay in days (China about 9). */
	static final double LENGTH_OF_STAY = 8;

	// ---- family doctors (REFERENCE §6) --------------------------------------------------------

	/** Residents signing a new contract in a year, key populations and others; renewal at expiry. */
	static final double CONTRACT_NEW_KEY = 0.5;

	static final double CONTRACT_NEW_OTHER = 0.085;

	/** With renewal 0.85 the shares settle at ≈ 70% of key populations and ≈ 29% of the others (≈ 37% in all). */
	static final double CONTRACT_RENEWAL = 0.85;

	static final double CONTRACT_CANCELLED = 0.03;

	/** Online signing in the first and the last year, linear between. */
	static final double[] CONTRACT_ONLINE = { 0.1, 0.6 };

	/** Persons declared disabled, low-income, special-hardship (guess). */
	static final double[] DECLARED_KEY = { 0.02, 0.01, 0.002 };

	/** Teams per general practitioner of a CHC, times the scale; at least one per CHC. */
	static final double TEAMS_PER_GP = 0.5;

	/** Teams a CHC has when the registry gives it no general practitioners. */
	static final int DEFAULT_GPS = 10;

}
