package org.rhip.interop.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * 诊断 (diagnoses template): one row, one Condition. A chronic-disease or problem-list diagnosis
 * (the default) is one Condition per patient and code, updated by later rows; a visit diagnosis is
 * one per patient, code and day.
 */
final class DiagnosisRows implements RowMapper {

	static final Column CODE = Column.required("code", "诊断编码", "诊断代码", "ICD-10", "diagnosis code");

	static final Column NAME = Column.optional("name", "诊断名称", "diagnosis text");

	static final Column DATE = Column.required("date", "诊断日期", "确诊日期", "diagnosed");

	static final Column ENCOUNTER_NUMBER = Column.optional("encounter_number", "就诊编号", "visit number");

	static final Column CATEGORY = Column.optional("category", "诊断类别", "类别");

	static final Column STATUS = Column.optional("status", "状态", "转归", "clinical status");

	static final List<Column> COLUMNS = List.of(CsvContext.PATIENT_NUMBER, CsvContext.ID_NUMBER, CODE, NAME, DATE,
			ENCOUNTER_NUMBER, CATEGORY, STATUS);

	@Override
	public List<Resource> map(Row row, CsvContext context) {
		Reference patient = context.patient(row);
		String code = Cells.icd10(row, CODE, row.required(CODE));
		LocalDate date = row.date(DATE).orElseThrow();
		boolean visit = row.text(CATEGORY).map(c -> visit(row, c)).orElse(false);
		String status = row.text(STATUS).map(s -> status(row, s)).orElse("active");
		Optional<String> encounter = row.text(ENCOUNTER_NUMBER)
			.map(n -> context.id("Encounter", context.institution, "number", n));
		Condition condition = new Condition();
		condition.setId(visit ? context.id("Condition", patient.getReference(), code, date.toString(), encounter.orElse(""))
				: context.id("Condition", patient.getReference(), code));
		condition.addCategory(visit ? Fhir.concept(Fhir.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")
				: Fhir.concept(Fhir.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
		condition.setClinicalStatus(Fhir.concept(Fhir.CONDITION_CLINICAL, status, null));
		condition.setCode(Fhir.concept(Cells.icd10System(code), code, row.text(NAME).orElse(null)));
		condition.setSubject(patient);
		encounter.ifPresent(e -> condition.setEncounter(new Reference("Encounter/" + e)));
		condition.setRecordedDateElement(new DateTimeType(date.toString()));
		condition.setOnset(new DateTimeType(date.toString()));
		return List.of(condition);
	}

	private static boolean visit(Row row, String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT).replace(' ', '-')) {
			case "慢病", "慢性病", "问题", "问题列表", "problem", "problem-list-item", "chronic" -> false;
			case "就诊", "就诊诊断", "门诊", "住院", "visit", "encounter-diagnosis" -> true;
			default -> throw row.problem(CATEGORY, "must be 慢病 (problem list) or 就诊 (visit diagnosis)");
		};
	}

	private static String status(Row row, String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "活动", "在管", "患病", "active" -> "active";
			case "复发", "recurrence" -> "recurrence";
			case "缓解", "好转", "remission" -> "remission";
			case "治愈", "痊愈", "已愈", "resolved" -> "resolved";
			case "非活动", "inactive" -> "inactive";
			default -> throw row.problem(STATUS, "must be 活动, 复发, 缓解, 治愈 or 非活动 (active, recurrence, remission, resolved, inactive)");
		};
	}

}
