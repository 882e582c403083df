package org.rhip.interop.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.platform.id.ResidentIdNumber;

/** 居民 (patients template): one row, one Patient. */
final class PatientRows implements RowMapper {

	static final Column NAME = Column.required("name", "姓名");

	static final Column SEX = Column.optional("sex", "性别");

	static final Column BIRTH_DATE = Column.optional("birth_date", "出生日期");

	static final Column PHONE = Column.optional("phone", "联系电话", "电话", "手机号码", "手机");

	static final Column ORG_UNIT = Column.optional("org_unit", "现住址街道/社区", "现住址街道", "现住址社区", "街道/社区",
			"所属社区", "所属街道", "address org unit");

	static final Column ADDRESS = Column.optional("address", "详细地址", "现住址", "住址", "address line");

	static final Column RESIDENCE = Column.optional("residence", "户籍/常住", "户籍常住", "人口类型", "residence status");

	static final Column DEATH_DATE = Column.optional("death_date", "死亡日期");

	static final List<Column> COLUMNS = List.of(CsvContext.ID_NUMBER, NAME, SEX, BIRTH_DATE, PHONE, ORG_UNIT, ADDRESS,
			RESIDENCE, CsvContext.PATIENT_NUMBER, DEATH_DATE);

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Optional<String> number = row.text(CsvContext.PATIENT_NUMBER);
		Optional<ResidentIdNumber> idNumber = row.idNumber(CsvContext.ID_NUMBER);
		if (number.isEmpty() && idNumber.isEmpty()) {
			throw new RowProblem(row.header(CsvContext.ID_NUMBER) + "/" + row.header(CsvContext.PATIENT_NUMBER),
					"give the ID number or the institution's patient number");
		}
		Patient patient = new Patient();
		patient.setId(context.patientId(patient, number, idNumber.map(ResidentIdNumber::value)));
		idNumber.ifPresent(n -> patient.addIdentifier(Fhir.identifier(Fhir.RESIDENT_ID, n.value(), "NNCHN")));
		number.ifPresent(n -> patient.addIdentifier(Fhir.identifier(Fhir.PATIENT_NUMBER + context.institution, n, "MR")));
		patient.addName().setText(row.required(NAME));
		Optional<AdministrativeGender> sex = row.text(SEX).map(t -> gender(row, SEX, t));
		if (sex.isPresent() && idNumber.isPresent() && sex.get() != AdministrativeGender.UNKNOWN
				&& !sex.get().toCode().equals(idNumber.get().sex())) {
			throw row.problem(SEX, "does not match the sex the ID number encodes");
		}
		patient.setGender(sex.orElse(idNumber.map(n -> AdministrativeGender.fromCode(n.sex())).orElse(null)));
		Optional<LocalDate> birth = row.date(BIRTH_DATE);
		if (birth.isPresent() && idNumber.isPresent() && !birth.get().equals(idNumber.get().birthDate())) {
			throw row.problem(BIRTH_DATE, "does not match the birth date in the ID number");
		}
		birth.or(() -> idNumber.map(ResidentIdNumber::birthDate))
			.ifPresent(d -> patient.setBirthDateElement(new DateType(d.toString())));
		row.text(PHONE).ifPresent(phone -> {
			String digits = phone.replaceAll("[\\s-]", "");
			if (!digits.matches("\\+?[0-9]{7,15}")) {
				throw row.problem(PHONE, "is not a phone number (7–15 digits)");
			}
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(digits)
				.setUse(digits.matches("(\\+?86)?1[3-9][0-9]{9}") ? ContactPoint.ContactPointUse.MOBILE
						: ContactPoint.ContactPointUse.HOME);
		});
		Optional<String> orgUnit = context.orgUnit(row, ORG_UNIT);
		Optional<String> line = row.text(ADDRESS);
		if (orgUnit.isPresent() || line.isPresent()) {
			Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
			line.ifPresent(address::addLine);
			orgUnit.ifPresent(code -> address.addExtension(Fhir.ORG_UNIT, new CodeType(code)));
		}
		row.text(RESIDENCE).ifPresent(text -> {
			Boolean[] status = residence(row, text);
			if (status[0] != null) {
				patient.addExtension(Fhir.HOUSEHOLD, new BooleanType(status[0]));
			}
			if (status[1] != null) {
				patient.addExtension(Fhir.RESIDENT, new BooleanType(status[1]));
			}
		});
		row.date(DEATH_DATE).ifPresent(death -> {
			if (patient.hasBirthDate() && death.isBefore(LocalDate.parse(patient.getBirthDateElement().getValueAsString()))) {
				throw row.problem(DEATH_DATE, "is before the birth date");
			}
			patient.setDeceased(new DateTimeType(death.toString()));
		});
		return List.of(patient);
	}

	static AdministrativeGender gender(Row row, Column column, String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "男", "男性", "1", "m", "male" -> AdministrativeGender.MALE;
			case "女", "女性", "2", "f", "female" -> AdministrativeGender.FEMALE;
			case "未知", "未知的性别", "不详", "未说明", "未说明的性别", "0", "9", "u", "unknown" -> AdministrativeGender.UNKNOWN;
			default -> throw row.problem(column, "must be 男, 女 or 未知 (male, female, unknown; or GB/T 2261.1 1, 2, 0, 9)");
		};
	}

	/** 户籍 (household registered here) and 常住 (lives here): each true, false or not said. */
	static Boolean[] residence(Row row, String text) {
		String t = text.replaceAll("[\\s+＋、/／和且]", "").toLowerCase(Locale.ROOT);
		return switch (t) {
			case "户籍", "户籍人口", "household" -> new Boolean[] { true, null };
			case "常住", "常住人口", "resident" -> new Boolean[] { null, true };
			case "户籍常住", "常住户籍", "householdresident" -> new Boolean[] { true, true };
			case "户籍非常住", "户籍外出", "householdnonresident" -> new Boolean[] { true, false };
			case "非户籍常住", "非户籍", "流动", "流动人口", "外来", "migrant", "nonhouseholdresident" -> new Boolean[] { false, true };
			default -> throw row.problem(PatientRows.RESIDENCE,
					"must be 户籍, 常住, 户籍常住, 户籍非常住 or 非户籍常住 (流动)");
		};
	}

}
