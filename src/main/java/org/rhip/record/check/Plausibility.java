package org.rhip.record.check;

import java.math.BigDecimal;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.InvalidResource;
import org.rhip.record.RecordSystems;

/**
 * Facts that cannot be true of a person, refused before they are counted in a rate: a death before
 * the birth, a gestational age beyond 45 weeks (or not positive), a birth weight outside 200–7,000 g.
 * The bounds are wide on purpose: a rare true value must not be lost, only an impossible one.
 */
final class Plausibility {

	static final Set<String> GESTATIONAL_AGE = Set.of("11884-4", "76516-4", "18185-9");

	static final String BIRTH_WEIGHT = "8339-4";

	private Plausibility() {
	}

	static void check(Resource resource) {
		if (resource instanceof Patient p) {
			patient(p);
		}
		else if (resource instanceof Observation o) {
			observation(o);
		}
	}

	private static void patient(Patient p) {
		if (p.hasDeceasedDateTimeType() && p.hasBirthDate() && p.getDeceasedDateTimeType().getValue() != null) {
			String death = p.getDeceasedDateTimeType().getValueAsString();
			String birth = p.getBirthDateElement().getValueAsString();
			// compare the calendar dates as written (a death on the day of birth is possible)
			if (death.length() >= 10 && birth.length() >= 10 && death.substring(0, 10).compareTo(birth.substring(0, 10)) < 0) {
				throw InvalidResource.rule("record.death-before-birth", "Patient.deceasedDateTime",
						"Patient.deceasedDateTime is before Patient.birthDate");
			}
		}
	}

	private static void observation(Observation o) {
		String loinc = null;
		for (Coding c : o.getCode().getCoding()) {
			if (RecordSystems.LOINC.equals(c.getSystem())) {
				loinc = c.getCode();
			}
		}
		if (loinc == null || !o.hasValueQuantity() || o.getValueQuantity().getValue() == null) {
			return;
		}
		Quantity q = o.getValueQuantity();
		if (GESTATIONAL_AGE.contains(loinc)) {
			BigDecimal weeks = "d".equals(q.getCode()) ? q.getValue().divide(BigDecimal.valueOf(7), java.math.MathContext.DECIMAL64)
					: q.getValue();
			if (weeks.signum() <= 0 || weeks.compareTo(BigDecimal.valueOf(45)) > 0) {
				throw InvalidResource.rule("record.gestational-age", "Observation.valueQuantity.value",
						"a gestational age of " + q.getValue().toPlainString() + " " + (q.hasCode() ? q.getCode() : "")
								+ " is impossible (more than 0 and at most 45 weeks)");
			}
		}
		else if (BIRTH_WEIGHT.equals(loinc)) {
			BigDecimal grams = "kg".equals(q.getCode()) ? q.getValue().movePointRight(3) : q.getValue();
			if (grams.compareTo(BigDecimal.valueOf(200)) < 0 || grams.compareTo(BigDecimal.valueOf(7000)) > 0) {
				throw InvalidResource.rule("record.birth-weight", "Observation.valueQuantity.value",
						"a birth weight of " + q.getValue().toPlainString() + " " + (q.hasCode() ? q.getCode() : "")
								+ " is impossible (200 to 7,000 g)");
			}
		}
	}

}
