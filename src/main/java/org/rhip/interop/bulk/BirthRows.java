package org.rhip.interop.bulk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.id.ResidentIdNumber;

/**
 * 出生 (births template): one row, the newborn's Patient pointing to the mother's Patient (the
 * {@code mother} extension), and Observations of the birth weight (LOINC 8339-4) and the gestational
 * age (11884-4). The mother is the Patient an earlier import stored for her ID number; when there is
 * none, the row also makes one from the ID number (and her name, when given).
 */
final class BirthRows implements RowMapper {

	static final Column CERTIFICATE = Column.optional("birth_certificate", "出生医学证明编号", "出生证编号", "出生医学证明号");

	static final Column NAME = Column.optional("name", "新生儿姓名", "姓名");

	static final Column SEX = Column.required("sex", "性别");

	static final Column BIRTH_TIME = Column.required("birth_time", "出生时间", "出生日期");

	static final Column MOTHER_ID = Column.required("mother_id_number", "母亲身份证号", "母亲身份证号码");

	static final Column MOTHER_NAME = Column.optional("mother_name", "母亲姓名");

	static final Column GESTATION = Column.optional("gestational_weeks", "孕周", "出生孕周", "gestational age");

	static final Column WEIGHT = Column.optional("birth_weight", "出生体重", "birth weight");

	static final Column INSTITUTION = Column.optional("institution", "接生机构编码", "出生机构编码", "机构编码");

	static final Column ORG_UNIT = Column.optional("org_unit", "现住址街道/社区", "街道/社区", "address org unit");

	static final List<Column> COLUMNS = List.of(CERTIFICATE, CsvContext.PATIENT_NUMBER, NAME, SEX, BIRTH_TIME, MOTHER_ID,
			MOTHER_NAME, GESTATION, WEIGHT, INSTITUTION, ORG_UNIT);

	/** Weeks, or weeks+days ({@code 39+2}). */
	private static final Pattern WEEKS = Pattern.compile("(\\d{2})(?:\\s*[+＋]\\s*(\\d))?(?:周)?");

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		AdministrativeGender sex = PatientRows.gender(row, SEX, row.required(SEX));
		Row.DateTime born = row.dateTime(BIRTH_TIME).orElseThrow();
		ResidentIdNumber mother = row.idNumber(MOTHER_ID).orElseThrow();
		if (!mother.sex().equals("female")) {
			throw row.problem(MOTHER_ID, "is the ID number of a man");
		}
		Optional<String> certificate = row.text(CERTIFICATE);
		Optional<String> number = row.text(CsvContext.PATIENT_NUMBER);
		String institution = context.institution(row, INSTITUTION);
		Patient baby = new Patient();
		String key = certificate.map(c -> "certificate|" + c)
			.orElseGet(() -> "mother|" + mother.value() + "|" + Cells.key(born) + "|" + sex.toCode() + "|" + row.text(NAME).orElse(""));
		baby.setId(number.isPresent() ? context.patientId(baby, number, Optional.empty()) : context.id("Patient", "birth", key));
		certificate.ifPresent(c -> baby.addIdentifier(Fhir.identifier(Fhir.BIRTH_CERTIFICATE, c, null)));
		number.ifPresent(n -> baby.addIdentifier(Fhir.identifier(Fhir.PATIENT_NUMBER + context.institution, n, "MR")));
		row.text(NAME).ifPresent(n -> baby.addName().setText(n));
		baby.setGender(sex);
		DateType birthDate = new DateType(born.date().toString());
		if (born.time().isPresent()) {
			birthDate.addExtension(Fhir.BIRTH_TIME, Cells.fhir(born));
		}
		baby.setBirthDateElement(birthDate);
		context.orgUnit(row, ORG_UNIT).ifPresent(code -> baby.addAddress().setUse(Address.AddressUse.HOME)
			.addExtension(Fhir.ORG_UNIT, new CodeType(code)));
		Reference babyRef = new Reference("Patient/" + baby.getIdElement().getIdPart());
		List<Resource> out = new ArrayList<>();
		// the mother: her Patient from an earlier import, else a Patient made from her ID number
		Optional<String> known = context.knownByIdNumber(mother.value());
		String motherId = known.orElseGet(() -> context.id("Patient", "id", mother.value()));
		baby.addExtension(Fhir.MOTHER, new Reference("Patient/" + motherId));
		if (known.isEmpty()) {
			Patient mum = new Patient();
			context.patientId(mum, Optional.empty(), Optional.of(mother.value()));
			mum.setId(motherId);
			mum.addIdentifier(Fhir.identifier(Fhir.RESIDENT_ID, mother.value(), "NNCHN"));
			row.text(MOTHER_NAME).ifPresent(n -> mum.addName().setText(n));
			mum.setGender(AdministrativeGender.FEMALE);
			mum.setBirthDateElement(new DateType(mother.birthDate().toString()));
			out.add(mum);
		}
		out.add(baby);
		row.number(WEIGHT, "g", 300, 7000).ifPresent(grams -> out.add(observation(context, key, babyRef, born, "8339-4",
				"Birth weight Measured", Fhir.quantity(grams, "g"))));
		row.text(GESTATION).ifPresent(text -> {
			Matcher m = WEEKS.matcher(text.strip());
			if (!m.matches()) {
				throw row.problem(GESTATION, "is not weeks or weeks+days (e.g. 39 or 39+2)");
			}
			int weeks = Integer.parseInt(m.group(1));
			int days = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
			if (weeks < 20 || weeks > 45 || days > 6) {
				throw row.problem(GESTATION, "is outside 20–45 weeks");
			}
			BigDecimal value = BigDecimal.valueOf(weeks * 7L + days).divide(BigDecimal.valueOf(7), 1, RoundingMode.HALF_UP);
			out.add(observation(context, key, babyRef, born, "11884-4", "Gestational age Estimated", Fhir.quantity(value, "wk")));
		});
		return out;
	}

	private static Observation observation(CsvContext context, String key, Reference baby, Row.DateTime born,
			String loinc, String display, org.hl7.fhir.r4.model.Quantity value) {
		Observation o = new Observation();
		o.setId(context.id("Observation", key, loinc));
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(Fhir.concept(Fhir.LOINC, loinc, display));
		o.setSubject(baby.copy());
		o.setEffective(Cells.fhir(born));
		o.setValue(value);
		return o;
	}

}
