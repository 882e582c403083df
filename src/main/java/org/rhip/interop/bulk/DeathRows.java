package org.rhip.interop.bulk;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.id.ResidentIdNumber;

/**
 * 死亡 (deaths template): one row, the Patient marked deceased, an Observation of the underlying
 * cause of death (LOINC 69453-9, ICD-10) and, when given, one of the place of death (58332-8), as
 * docs/records.md describes deaths. The
 * Patient is the stored one with its death date added; a person no import has stored yet gets a
 * Patient made from the row (ID number, patient number, name).
 */
final class DeathRows implements RowMapper {

	static final Column NAME = Column.optional("name", "姓名");

	static final Column DEATH_DATE = Column.required("death_date", "死亡日期", "死亡时间", "date of death");

	static final Column PLACE = Column.optional("death_place", "死亡地点", "place of death");

	static final Column CAUSE = Column.required("underlying_cause", "根本死因", "根本死因编码", "根本死因ICD-10",
			"underlying cause");

	static final Column CAUSE_NAME = Column.optional("underlying_cause_name", "根本死因名称");

	static final Column CERTIFICATE = Column.optional("death_certificate", "死亡证明编号", "死亡医学证明编号");

	static final List<Column> COLUMNS = List.of(CsvContext.ID_NUMBER, CsvContext.PATIENT_NUMBER, NAME, DEATH_DATE, PLACE,
			CAUSE, CAUSE_NAME, CERTIFICATE);

	/**
	 * 死亡地点 as on the medical certificate of death (1–5, 9), written with the record module's codes
	 * of {@code death-place}.
	 */
	enum Place {

		HEALTH_FACILITY("1", "hospital", "医疗卫生机构"), ON_THE_WAY("2", "in-transit", "来院途中"), HOME("3", "home", "家中"),
		CARE_HOME("4", "other-institution", "养老服务机构"), OTHER("5", "other", "其他场所"), UNKNOWN("9", "unknown", "不详");

		final String number;

		final String code;

		final String chinese;

		Place(String number, String code, String chinese) {
			this.number = number;
			this.code = code;
			this.chinese = chinese;
		}

		static Place of(Row row, String text) {
			String t = text.strip();
			for (Place p : values()) {
				if (p.number.equals(t) || p.code.equalsIgnoreCase(t) || p.chinese.equals(t)) {
					return p;
				}
			}
			return switch (t) {
				case "医院", "医疗机构" -> HEALTH_FACILITY;
				case "家", "家里", "住所" -> HOME;
				case "养老院", "养老机构" -> CARE_HOME;
				case "其他" -> OTHER;
				case "不明", "未知" -> UNKNOWN;
				default -> throw row.problem(PLACE, "must be 医疗卫生机构, 来院途中, 家中, 养老服务机构, 其他场所 or 不详 (or 1–5, 9)");
			};
		}

	}

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Reference patientRef = context.patient(row);
		Row.DateTime died = row.dateTime(DEATH_DATE).orElseThrow();
		String code = Cells.icd10(row, CAUSE, row.required(CAUSE));
		Optional<ResidentIdNumber> idNumber = row.idNumber(CsvContext.ID_NUMBER);
		if (idNumber.isPresent() && died.date().isBefore(idNumber.get().birthDate())) {
			throw row.problem(DEATH_DATE, "is before the birth date in the ID number");
		}
		String patientId = patientRef.getReferenceElement().getIdPart();
		Patient patient = context.storedPatient(patientId).orElseGet(() -> {
			// no one stored yet: the death register is the first to know this person
			Patient p = new Patient();
			p.setId(patientId);
			idNumber.ifPresent(n -> {
				p.addIdentifier(Fhir.identifier(Fhir.RESIDENT_ID, n.value(), "NNCHN"));
				p.setGender(AdministrativeGender.fromCode(n.sex()));
				p.setBirthDateElement(new DateType(n.birthDate().toString()));
			});
			row.text(CsvContext.PATIENT_NUMBER)
				.ifPresent(n -> p.addIdentifier(Fhir.identifier(Fhir.PATIENT_NUMBER + context.institution, n, "MR")));
			row.text(NAME).ifPresent(n -> p.addName().setText(n));
			return p;
		});
		patient.setDeceased(Cells.fhir(died));
		String key = row.text(CERTIFICATE).map(c -> "certificate|" + c).orElse(patientRef.getReference());
		Observation cause = observation(context, key, "cause", patientRef, died, "69453-9", "Cause of death.underlying [Type]");
		row.text(CERTIFICATE).ifPresent(c -> cause.addIdentifier().setSystem(Fhir.DEATH_CERTIFICATE).setValue(c));
		cause.setValue(Fhir.concept(Cells.icd10System(code), code, row.text(CAUSE_NAME).orElse(null)));
		List<Resource> out = new java.util.ArrayList<>(List.of(patient, cause));
		row.text(PLACE).map(t -> Place.of(row, t)).ifPresent(p -> {
			Observation place = observation(context, key, "place", patientRef, died, "58332-8", "Location of death");
			place.setValue(Fhir.concept(Fhir.DEATH_PLACE, p.code, p.chinese));
			out.add(place);
		});
		return out;
	}

	private static Observation observation(CsvContext context, String key, String what, Reference patient,
			Row.DateTime died, String loinc, String display) {
		Observation o = new Observation();
		o.setId(context.id("Observation", "death", key, what));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(Fhir.concept(Fhir.LOINC, loinc, display));
		o.setSubject(patient.copy());
		o.setEffective(Cells.fhir(died));
		return o;
	}

}
