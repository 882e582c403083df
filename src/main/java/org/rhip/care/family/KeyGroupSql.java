package org.rhip.care.family;

/**
 * The key populations' diagnosis rules as SQL over {@code record.diagnosis g}, shared by the
 * key-population lookup of one resident and the key-population signing rate, so that the two cannot
 * disagree. Codes are ICD-10 (the projection keeps them upper case, WHO or national clinical version);
 * the first three characters decide.
 */
final class KeyGroupSql {

	private KeyGroupSql() {
	}

	/** Refuted or erroneous diagnoses count for nothing. */
	static final String VALID = "coalesce(g.verification_status, '') not in ('refuted', 'entered-in-error')";

	/** I10–I15 hypertensive diseases. */
	static final String HYPERTENSION = "left(g.icd10, 3) between 'I10' and 'I15'";

	/** E11 type 2 diabetes mellitus. */
	static final String DIABETES = "left(g.icd10, 3) = 'E11'";

	/** F20 schizophrenia, F22 delusional, F25 schizoaffective, F31 bipolar, F06 (epilepsy-related), F70–F79 intellectual disability. */
	static final String SEVERE_MENTAL_DISORDER = "(left(g.icd10, 3) in ('F20', 'F22', 'F25', 'F31', 'F06') "
			+ "or left(g.icd10, 3) between 'F70' and 'F79')";

	/** A15–A19 tuberculosis. */
	static final String TUBERCULOSIS = "left(g.icd10, 3) between 'A15' and 'A19'";

	/** A tuberculosis diagnosis still under treatment: not resolved, and made within the year before the day. */
	static final String TUBERCULOSIS_ACTIVE = "coalesce(g.clinical_status, '') not in ('resolved', 'inactive', 'remission')";

	/** Z34 supervision of normal pregnancy; its onset is the last menstrual period. */
	static final String PREGNANCY = "left(g.icd10, 3) = 'Z34'";

	/** 42 weeks: a pregnancy counts from its onset (LMP) to the day it reaches 42+0 weeks, included. */
	static final int PREGNANCY_DAYS = 42 * 7;

	/** Any diagnosis that makes a chronic key group (counted from its first date on). */
	static final String CHRONIC = "(" + HYPERTENSION + " or " + DIABETES + " or " + SEVERE_MENTAL_DISORDER + ")";

	/** The rows of a day {@code day}: pregnancy within 42 weeks before it, tuberculosis within the year before it. */
	static String pregnantOn(String day) {
		return "(" + PREGNANCY + " and g.date <= " + day + " and g.date >= " + day + " - " + PREGNANCY_DAYS + ")";
	}

	static String tuberculosisOn(String day) {
		return "(" + TUBERCULOSIS + " and " + TUBERCULOSIS_ACTIVE + " and g.date <= " + day + " and g.date > (" + day
				+ " - interval '1 year')::date)";
	}

	/** Aged 65 or more on the day (the same as Java's {@code !birth.isAfter(day.minusYears(65))}). */
	static String elderlyOn(String birth, String day) {
		return "(" + birth + " <= (" + day + " - interval '65 years')::date)";
	}

	/** Under 7 on the day (0～6岁). */
	static String childOn(String birth, String day) {
		return "(" + birth + " > (" + day + " - interval '7 years')::date and " + birth + " <= " + day + ")";
	}

}
