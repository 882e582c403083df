package org.rhip.interop.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordSystems;

/** 就诊 (encounters template): one row, one Encounter and a Condition per diagnosis code. */
final class EncounterRows implements RowMapper {

	static final Column ENCOUNTER_NUMBER = Column.optional("encounter_number", "就诊编号", "就诊流水号", "门诊/住院号",
			"visit number");

	static final Column TYPE = Column.required("type", "就诊类型", "encounter type", "visit type");

	static final Column START = Column.required("start", "开始时间", "就诊时间", "入院时间", "就诊日期", "start time");

	static final Column END = Column.optional("end", "结束时间", "出院时间", "end time");

	static final Column INSTITUTION = Column.optional("institution", "机构编码", "医疗机构编码", "institution code");

	static final Column DEPARTMENT = Column.optional("department", "科室", "就诊科室");

	static final Column DIAGNOSIS = Column.optional("diagnosis", "诊断编码", "诊断代码", "ICD-10", "diagnosis code");

	static final Column DIAGNOSIS_NAME = Column.optional("diagnosis_name", "诊断名称", "diagnosis text");

	static final List<Column> COLUMNS = List.of(CsvContext.PATIENT_NUMBER, CsvContext.ID_NUMBER, ENCOUNTER_NUMBER, TYPE,
			START, END, INSTITUTION, DEPARTMENT, DIAGNOSIS, DIAGNOSIS_NAME);

	/** 就诊类型: the template's code, the FHIR encounter class (v3 ActCode), the Chinese name. */
	enum Kind {

		OUTPATIENT("outpatient", "AMB", "门诊"), INPATIENT("inpatient", "IMP", "住院"), EMERGENCY("emergency", "EMER", "急诊"),
		HOME_VISIT("home-visit", "HH", "家庭访视"),
		// the record module counts a visit of type phs as a public-health service visit
		PUBLIC_HEALTH(RecordSystems.PUBLIC_HEALTH_VISIT, "AMB", "公卫服务");

		final String code;

		final String actCode;

		final String chinese;

		Kind(String code, String actCode, String chinese) {
			this.code = code;
			this.actCode = actCode;
			this.chinese = chinese;
		}

		String code() {
			return code;
		}

		static Kind of(Row row, String text) {
			String t = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
			for (Kind kind : values()) {
				if (kind.chinese.equals(t) || kind.code().equals(t)) {
					return kind;
				}
			}
			return switch (t) {
				case "门急诊" -> OUTPATIENT;
				case "入院", "住院病人" -> INPATIENT;
				case "家访", "上门服务", "家庭医生上门" -> HOME_VISIT;
				case "公共卫生服务", "公卫", "随访", "体检", "public-health" -> PUBLIC_HEALTH;
				default -> throw row.problem(TYPE, "must be 门诊, 住院, 急诊, 家庭访视 or 公卫服务 "
						+ "(outpatient, inpatient, emergency, home-visit, public-health)");
			};
		}

	}

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Reference patient = context.patient(row);
		Kind kind = Kind.of(row, row.required(TYPE));
		Row.DateTime start = row.dateTime(START).orElseThrow();
		Optional<Row.DateTime> end = row.dateTime(END);
		if (end.isPresent() && end.get().start().isBefore(start.start())) {
			throw row.problem(END, "is before the start");
		}
		String institution = context.institution(row, INSTITUTION);
		Optional<String> number = row.text(ENCOUNTER_NUMBER);
		String[] key = number.map(n -> new String[] { institution, "number", n })
			.orElseGet(() -> new String[] { institution, patient.getReference(), Cells.key(start), kind.code() });
		Encounter encounter = new Encounter();
		encounter.setId(context.id("Encounter", key));
		number.ifPresent(n -> encounter.addIdentifier().setSystem(Fhir.ENCOUNTER_NUMBER + institution).setValue(n));
		encounter.setStatus(end.isPresent() || kind != Kind.INPATIENT ? Encounter.EncounterStatus.FINISHED
				: Encounter.EncounterStatus.INPROGRESS);
		encounter.setClass_(new Coding(Fhir.ACT_CODE, kind.actCode, null));
		encounter.addType(Fhir.concept(Fhir.ENCOUNTER_TYPE, kind.code(), kind.chinese));
		encounter.setSubject(patient);
		Period period = new Period().setStartElement(Cells.fhir(start));
		end.ifPresent(e -> period.setEndElement(Cells.fhir(e)));
		encounter.setPeriod(period);
		encounter.setServiceProvider(Fhir.institution(institution));
		row.text(DEPARTMENT).ifPresent(d -> encounter.getServiceType().setText(d));
		List<Resource> out = new ArrayList<>();
		out.add(encounter);
		List<String> codes = row.text(DIAGNOSIS).map(Cells::list).orElse(List.of());
		List<String> names = row.text(DIAGNOSIS_NAME).map(Cells::list).orElse(List.of());
		if (codes.isEmpty() && !names.isEmpty()) {
			throw row.problem(DIAGNOSIS, "is required when a diagnosis name is given (the ICD-10 code)");
		}
		for (int i = 0; i < codes.size(); i++) {
			String code = Cells.icd10(row, DIAGNOSIS, codes.get(i));
			Condition condition = new Condition();
			condition.setId(context.id("Condition", String.join("|", key), code));
			condition.addCategory(Fhir.concept(Fhir.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
			condition.setCode(Fhir.concept(Cells.icd10System(code), code, i < names.size() ? names.get(i) : null));
			condition.setSubject(patient.copy());
			condition.setEncounter(new Reference("Encounter/" + encounter.getIdElement().getIdPart()));
			condition.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType(start.date().toString()));
			encounter.addDiagnosis()
				.setCondition(new Reference("Condition/" + condition.getIdElement().getIdPart()))
				.setRank(i + 1);
			out.add(condition);
		}
		return out;
	}

}
