package org.rhip.interop.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** 接种 (immunizations template): one row, one dose given, one Immunization. */
final class ImmunizationRows implements RowMapper {

	static final Column VACCINE_CODE = Column.optional("vaccine_code", "疫苗编码", "疫苗代码", "vaccine");

	static final Column VACCINE_NAME = Column.optional("vaccine_name", "疫苗名称");

	static final Column DOSE = Column.required("dose", "剂次", "针次", "dose number");

	static final Column DATE = Column.required("date", "接种日期", "接种时间", "vaccination date");

	static final Column SITE = Column.optional("site", "接种单位", "接种单位编码", "vaccination site");

	static final Column LOT = Column.optional("lot", "疫苗批号", "批号", "lot number");

	static final Column MANUFACTURER = Column.optional("manufacturer", "生产企业", "生产厂家");

	static final List<Column> COLUMNS = List.of(CsvContext.PATIENT_NUMBER, CsvContext.ID_NUMBER, VACCINE_CODE,
			VACCINE_NAME, DOSE, DATE, SITE, LOT, MANUFACTURER);

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Reference patient = context.patient(row);
		Optional<String> code = row.text(VACCINE_CODE);
		Vaccines.Vaccine vaccine;
		if (code.isPresent()) {
			vaccine = Vaccines.byCode(code.get()).orElseThrow(() -> row.problem(VACCINE_CODE,
					"is not a known vaccine code (e.g. HepB, BCG, IPV, bOPV, DTaP, MMR, JE-L; see docs/import.md)"));
		}
		else {
			vaccine = row.text(VACCINE_NAME)
				.map(n -> Vaccines.byName(n).orElseThrow(() -> row.problem(VACCINE_NAME, "is not a known vaccine name")))
				.orElseThrow(() -> row.problem(VACCINE_CODE, "is required (or the vaccine name)"));
		}
		int dose = row.whole(DOSE, 1, 10).orElseThrow();
		LocalDate date = row.date(DATE).orElseThrow();
		String site = context.institution(row, SITE);
		Immunization immunization = new Immunization();
		immunization.setId(context.id("Immunization", patient.getReference(), vaccine.code(), String.valueOf(dose), date.toString()));
		immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
		immunization.setVaccineCode(Fhir.concept(Fhir.VACCINE, vaccine.code(), vaccine.chinese()));
		immunization.setPatient(patient);
		immunization.setOccurrence(new DateTimeType(date.toString()));
		immunization.setPrimarySource(true);
		row.text(LOT).ifPresent(immunization::setLotNumber);
		row.text(MANUFACTURER).ifPresent(m -> immunization.setManufacturer(new Reference().setDisplay(m)));
		immunization.addPerformer().setActor(Fhir.institution(site));
		immunization.addProtocolApplied().setDoseNumber(new PositiveIntType(dose));
		return List.of(immunization);
	}

}
