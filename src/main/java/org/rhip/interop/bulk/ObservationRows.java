package org.rhip.interop.bulk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * 体检/随访测量 (observations template), one row per examination or follow-up visit with a column
 * per measurement ("wide" rows): each measurement given becomes one Observation (systolic and
 * diastolic together one blood-pressure panel). A row needs at least one measurement.
 */
final class ObservationRows implements RowMapper {

	static final Column DATE = Column.required("date", "测量日期", "检查日期", "随访日期", "体检日期", "measured");

	static final Column ENCOUNTER_NUMBER = Column.optional("encounter_number", "就诊编号", "visit number");

	static final Column SYSTOLIC = Column.optional("systolic", "收缩压", "systolic bp");

	static final Column DIASTOLIC = Column.optional("diastolic", "舒张压", "diastolic bp");

	static final Column GLUCOSE = Column.optional("fasting_glucose", "空腹血糖", "fasting blood glucose");

	static final Column HBA1C = Column.optional("hba1c", "糖化血红蛋白", "HbA1c");

	static final Column HEIGHT = Column.optional("height", "身高");

	static final Column WEIGHT = Column.optional("weight", "体重");

	static final Column HEART_RATE = Column.optional("heart_rate", "心率", "pulse");

	static final List<Column> COLUMNS = List.of(CsvContext.PATIENT_NUMBER, CsvContext.ID_NUMBER, DATE, ENCOUNTER_NUMBER,
			SYSTOLIC, DIASTOLIC, GLUCOSE, HBA1C, HEIGHT, WEIGHT, HEART_RATE);

	/** A measurement column: its LOINC code and display, UCUM unit, plausible range and FHIR category. */
	record Measure(Column column, String loinc, String display, String unit, double min, double max, String category) {
	}

	static final List<Measure> SINGLE = List.of(
			new Measure(GLUCOSE, "1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma", "mmol/L", 1, 40, "laboratory"),
			new Measure(HBA1C, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 3, 20, "laboratory"),
			new Measure(HEIGHT, "8302-2", "Body height", "cm", 30, 250, "vital-signs"),
			new Measure(WEIGHT, "29463-7", "Body weight", "kg", 0.5, 400, "vital-signs"),
			new Measure(HEART_RATE, "8867-4", "Heart rate", "/min", 20, 250, "vital-signs"));

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Reference patient = context.patient(row);
		Row.DateTime when = row.dateTime(DATE).orElseThrow();
		Optional<Reference> encounter = row.text(ENCOUNTER_NUMBER)
			.map(n -> new Reference("Encounter/" + context.id("Encounter", context.institution, "number", n)));
		List<Resource> out = new ArrayList<>();
		Optional<BigDecimal> systolic = row.number(SYSTOLIC, "mmHg", 40, 300);
		Optional<BigDecimal> diastolic = row.number(DIASTOLIC, "mmHg", 20, 200);
		if (systolic.isPresent() != diastolic.isPresent()) {
			throw row.problem(systolic.isPresent() ? DIASTOLIC : SYSTOLIC, "is required with the other blood pressure");
		}
		if (systolic.isPresent()) {
			if (systolic.get().compareTo(diastolic.get()) <= 0) {
				throw row.problem(SYSTOLIC, "must be higher than the diastolic pressure");
			}
			Observation bp = observation(context, patient, when, encounter, "85354-9",
					"Blood pressure panel with all children optional", "vital-signs");
			bp.addComponent().setCode(Fhir.concept(Fhir.LOINC, "8480-6", "Systolic blood pressure"))
				.setValue(Fhir.quantity(systolic.get(), "mm[Hg]"));
			bp.addComponent().setCode(Fhir.concept(Fhir.LOINC, "8462-4", "Diastolic blood pressure"))
				.setValue(Fhir.quantity(diastolic.get(), "mm[Hg]"));
			out.add(bp);
		}
		for (Measure m : SINGLE) {
			row.number(m.column(), m.unit(), m.min(), m.max()).ifPresent(value -> {
				Observation o = observation(context, patient, when, encounter, m.loinc(), m.display(), m.category());
				o.setValue(Fhir.quantity(value, m.unit()));
				out.add(o);
			});
		}
		if (out.isEmpty()) {
			throw new RowProblem(row.header(SYSTOLIC) + "…", "the row has no measurement");
		}
		return out;
	}

	private static Observation observation(CsvContext context, Reference patient, Row.DateTime when,
			Optional<Reference> encounter, String loinc, String display, String category) {
		Observation o = new Observation();
		o.setId(context.id("Observation", patient.getReference(), Cells.key(when), loinc));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.addCategory(Fhir.concept(Fhir.OBSERVATION_CATEGORY, category, null));
		o.setCode(Fhir.concept(Fhir.LOINC, loinc, display));
		o.setSubject(patient.copy());
		encounter.ifPresent(e -> o.setEncounter(e.copy()));
		o.setEffective(Cells.fhir(when));
		return o;
	}

}
