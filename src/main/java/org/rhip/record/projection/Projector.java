package org.rhip.record.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.rhip.record.ChinaDates;
import org.rhip.record.RecordSystems;
import org.rhip.record.check.KnownCodeSystems;

/**
 * Projects a resource into the analytics tables (docs/records.md §Projections) and computes its search
 * columns. Pure: the same resource, person and institution always give the same rows, so
 * {@code reindex} can rebuild everything from the jsonb.
 */
public final class Projector {

	/** Who and where a resource is about, known only after its references are resolved. */
	public record Subject(Long personId, String patientId, String institution) {
	}

	public Rows project(Resource resource, Subject s) {
		Rows rows = new Rows();
		if (resource instanceof Patient p) {
			patient(p, s, rows);
		}
		else if (resource instanceof Encounter e) {
			encounter(e, s, rows);
		}
		else if (resource instanceof Condition c) {
			condition(c, "Condition", c.getIdPart(), 0, s, rows);
		}
		else if (resource instanceof Observation o) {
			observation(o, s, rows);
		}
		else if (resource instanceof Immunization i) {
			immunization(i, s, rows);
		}
		else if (resource instanceof MedicationRequest m) {
			medication(m, m.getMedication(), m.getStatusElement(), ChinaDates.date(m.getAuthoredOnElement()),
					m.getEncounter(), s, rows);
		}
		else if (resource instanceof MedicationStatement m) {
			medication(m, m.getMedication(), m.getStatusElement(), firstDate(m.getEffective(), m.getDateAssertedElement()),
					m.getContext(), s, rows);
		}
		else if (resource instanceof MedicationAdministration m) {
			medication(m, m.getMedication(), m.getStatusElement(), firstDate(m.getEffective(), null), m.getContext(), s,
					rows);
		}
		else if (resource instanceof Procedure p) {
			procedure(p, s, rows);
		}
		else if (resource instanceof DiagnosticReport d) {
			report(d, s, rows);
		}
		else if (resource instanceof AllergyIntolerance a) {
			allergy(a, s, rows);
		}
		return rows;
	}

	private void patient(Patient p, Subject s, Rows rows) {
		Instant deceasedAt = p.hasDeceasedDateTimeType() ? ChinaDates.start(p.getDeceasedDateTimeType()) : null;
		LocalDate death = p.hasDeceasedDateTimeType() ? ChinaDates.date(p.getDeceasedDateTimeType()) : null;
		String mother = null;
		Extension ext = p.getExtensionByUrl(RecordSystems.MOTHER);
		if (ext != null && ext.getValue() instanceof Reference r && r.hasReference()) {
			mother = idOf(r, "Patient");
		}
		LocalDate birth = ChinaDates.date(p.getBirthDateElement());
		rows.row(Table.PATIENT_FACT).text(p.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(p.hasGender() ? p.getGender().toCode() : null).date(birth).time(deceasedAt).date(death).text(mother)
			.date(birth).end();
	}

	private void encounter(Encounter e, Subject s, Rows rows) {
		String classCode = e.hasClass_() ? e.getClass_().getCode() : null;
		String typeCode = null;
		boolean publicHealth = false;
		for (CodeableConcept type : e.getType()) {
			for (Coding c : type.getCoding()) {
				if (typeCode == null) {
					typeCode = c.getCode();
				}
				if (RecordSystems.ENCOUNTER_TYPE.equals(c.getSystem()) && RecordSystems.PUBLIC_HEALTH_SERVICES.contains(c.getCode())) {
					publicHealth = true;
					typeCode = c.getCode();
				}
			}
		}
		String kind = publicHealth ? "public_health" : kind(classCode);
		Period period = e.getPeriod();
		LocalDate start = ChinaDates.date(period.getStartElement());
		LocalDate end = ChinaDates.date(period.getEndElement());
		Integer bedDays = kind.equals("inpatient") && start != null && end != null
				? (int) ChronoUnit.DAYS.between(start, end) : null;
		rows.row(Table.ENCOUNTER).text(e.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(classCode).text(kind).text(typeCode).text(code(e.getStatusElement()))
			.time(ChinaDates.start(period.getStartElement())).time(end(period)).date(start).num(bedDays).end();
		for (int i = 0; i < e.getDiagnosis().size(); i++) {
			Encounter.DiagnosisComponent d = e.getDiagnosis().get(i);
			String use = d.hasUse() && d.getUse().hasCoding() ? d.getUse().getCodingFirstRep().getCode() : null;
			String ref = d.getCondition().getReference();
			rows.row(Table.ENCOUNTER_DIAGNOSIS).text(e.getIdPart()).num(i).num(s.personId()).text(s.patientId())
				.text(ref).text(use).num(d.hasRank() ? d.getRank() : null).date(start).end();
		}
		for (int i = 0; i < e.getContained().size(); i++) {
			if (e.getContained().get(i) instanceof Condition c) {
				condition(c, "Encounter", e.getIdPart(), i, s, rows);
			}
		}
	}

	static String kind(String classCode) {
		if (classCode == null) {
			return "other";
		}
		return switch (classCode) {
			case "AMB" -> "outpatient";
			case "IMP", "ACUTE", "NONAC" -> "inpatient";
			case "EMER" -> "emergency";
			case "HH" -> "home";
			default -> "other";
		};
	}

	private void condition(Condition c, String sourceType, String resourceId, int seq, Subject s, Rows rows) {
		Coding code = preferred(c.getCode(), true);
		LocalDate date = c.hasOnsetDateTimeType() ? ChinaDates.date(c.getOnsetDateTimeType())
				: c.hasOnsetPeriod() ? ChinaDates.date(c.getOnsetPeriod())
						: ChinaDates.date(c.getRecordedDateElement());
		String encounter = c.hasEncounter() ? idOf(c.getEncounter(), "Encounter")
				: sourceType.equals("Encounter") ? resourceId : null;
		rows.row(Table.DIAGNOSIS).text(sourceType).text(resourceId).num(seq).num(s.personId()).text(s.patientId())
			.text(s.institution()).text(code == null ? null : code.getSystem()).text(code == null ? null : code.getCode())
			.text(icd10(c.getCode())).text(encounter).text(firstCode(c.getClinicalStatus()))
			.text(firstCode(c.getVerificationStatus())).date(date).end();
	}

	private void observation(Observation o, Subject s, Rows rows) {
		Coding code = preferred(o.getCode(), false);
		Instant at = effectiveStart(o.getEffective());
		LocalDate date = firstDate(o.getEffective(), o.getIssuedElement());
		String encounter = o.hasEncounter() ? idOf(o.getEncounter(), "Encounter") : null;
		String status = code(o.getStatusElement());
		int seq = 0;
		if (o.hasValue() || !o.hasComponent()) {
			value(rows.row(Table.OBSERVATION).text(o.getIdPart()).num(seq).num(s.personId()).text(s.patientId())
				.text(s.institution()).text(code == null ? null : code.getSystem()).text(code == null ? null : code.getCode())
				.text(null), o.getValue()).text(status).time(at).date(date).text(encounter).end();
		}
		for (Observation.ObservationComponentComponent component : o.getComponent()) {
			seq++;
			Coding cc = preferred(component.getCode(), false);
			value(rows.row(Table.OBSERVATION).text(o.getIdPart()).num(seq).num(s.personId()).text(s.patientId())
				.text(s.institution()).text(cc == null ? null : cc.getSystem()).text(cc == null ? null : cc.getCode())
				.text(code == null ? null : code.getCode()), component.getValue()).text(status).time(at).date(date)
				.text(encounter).end();
		}
	}

	/** value, unit, value_code. */
	private static Rows.Row value(Rows.Row row, Type value) {
		if (value instanceof Quantity q) {
			return row.num(q.getValue()).text(q.hasCode() ? q.getCode() : q.getUnit()).text(null);
		}
		if (value instanceof CodeableConcept cc) {
			Coding c = preferred(cc, true);
			return row.num(null).text(null).text(c != null ? c.getCode() : cc.getText());
		}
		if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
			return row.num(i.getValue()).text(null).text(null);
		}
		if (value instanceof org.hl7.fhir.r4.model.StringType str) {
			return row.num(null).text(null).text(str.getValue());
		}
		if (value instanceof org.hl7.fhir.r4.model.BooleanType b) {
			return row.num(null).text(null).text(String.valueOf(b.getValue()));
		}
		return row.num(null).text(null).text(null);
	}

	private void immunization(Immunization i, Subject s, Rows rows) {
		Coding vaccine = preferred(i.getVaccineCode(), false);
		Integer dose = null;
		for (Immunization.ImmunizationProtocolAppliedComponent p : i.getProtocolApplied()) {
			if (p.getDoseNumber() instanceof PositiveIntType n) {
				dose = n.getValue();
				break;
			}
			if (p.getDoseNumber() instanceof org.hl7.fhir.r4.model.StringType str && str.getValue() != null
					&& str.getValue().matches("[0-9]{1,3}")) {
				dose = Integer.valueOf(str.getValue());
				break;
			}
		}
		String performer = s.institution();
		for (Immunization.ImmunizationPerformerComponent p : i.getPerformer()) {
			if (p.getActor().hasIdentifier() && RecordSystems.INSTITUTION.equals(p.getActor().getIdentifier().getSystem())) {
				performer = p.getActor().getIdentifier().getValue();
				break;
			}
		}
		LocalDate date = i.hasOccurrenceDateTimeType() ? ChinaDates.date(i.getOccurrenceDateTimeType())
				: ChinaDates.date(i.getRecordedElement());
		rows.row(Table.IMMUNIZATION).text(i.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(vaccine == null ? null : vaccine.getSystem()).text(vaccine == null ? null : vaccine.getCode()).num(dose)
			.text(code(i.getStatusElement())).date(date).text(performer).end();
	}

	private void medication(Resource m, Type medication, Enumeration<?> status, LocalDate date, Reference encounter,
			Subject s, Rows rows) {
		Coding code = medication instanceof CodeableConcept cc ? preferred(cc, false) : null;
		rows.row(Table.MEDICATION).text(m.fhirType()).text(m.getIdPart()).num(s.personId()).text(s.patientId())
			.text(s.institution()).text(code == null ? null : code.getSystem()).text(code == null ? null : code.getCode())
			.text(code(status)).date(date).text(encounter != null && encounter.hasReference() ? idOf(encounter, "Encounter") : null)
			.end();
	}

	private void procedure(Procedure p, Subject s, Rows rows) {
		Coding code = preferred(p.getCode(), false);
		rows.row(Table.PROCEDURE).text(p.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(code == null ? null : code.getSystem()).text(code == null ? null : code.getCode())
			.text(code(p.getStatusElement())).date(firstDate(p.getPerformed(), null))
			.text(p.hasEncounter() ? idOf(p.getEncounter(), "Encounter") : null).end();
	}

	private void report(DiagnosticReport d, Subject s, Rows rows) {
		Coding code = preferred(d.getCode(), false);
		rows.row(Table.REPORT).text(d.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(category(d.getCategory())).text(code == null ? null : code.getSystem())
			.text(code == null ? null : code.getCode()).text(code(d.getStatusElement()))
			.date(firstDate(d.getEffective(), d.getIssuedElement()))
			.text(d.hasEncounter() ? idOf(d.getEncounter(), "Encounter") : null).end();
	}

	/** lab (LAB and the v2-0074 lab sections), imaging (RAD …), ecg (EC), pathology (PAT, SP, CP). */
	static String category(List<CodeableConcept> categories) {
		for (CodeableConcept cc : categories) {
			for (Coding c : cc.getCoding()) {
				String code = c.getCode() == null ? "" : c.getCode();
				switch (code) {
					case "LAB", "HM", "CH", "MB", "SR", "IMM", "BLB", "MYC", "VR", "TX", "HEM", "CUS", "LP29693-6" -> {
						return "lab";
					}
					case "RAD", "RX", "CT", "NMR", "NMS", "RUS", "VUS", "OUS", "XRC", "LP29684-5" -> {
						return "imaging";
					}
					case "EC", "EKG", "ECG" -> {
						return "ecg";
					}
					case "PAT", "SP", "CP", "LP7839-6" -> {
						return "pathology";
					}
					default -> {
					}
				}
			}
		}
		return "other";
	}

	private void allergy(AllergyIntolerance a, Subject s, Rows rows) {
		Coding code = preferred(a.getCode(), false);
		LocalDate date = a.hasOnsetDateTimeType() ? ChinaDates.date(a.getOnsetDateTimeType())
				: ChinaDates.date(a.getRecordedDateElement());
		String category = a.getCategory().isEmpty() || a.getCategory().get(0).getValue() == null ? null
				: a.getCategory().get(0).getValue().toCode();
		rows.row(Table.ALLERGY).text(a.getIdPart()).num(s.personId()).text(s.patientId()).text(s.institution())
			.text(code == null ? null : code.getSystem()).text(code == null ? null : code.getCode()).text(category)
			.text(a.hasCriticality() ? a.getCriticality().toCode() : null).text(firstCode(a.getClinicalStatus()))
			.date(date).end();
	}

	/** The search columns of any resource: its clinical date or period, status, and code tokens. */
	public SearchFields search(Resource r) {
		Instant start = null;
		Instant end = null;
		if (r instanceof Patient p) {
			start = ChinaDates.start(p.getBirthDateElement());
			end = ChinaDates.end(p.getBirthDateElement());
			return new SearchFields(start, end, p.hasGender() ? p.getGender().toCode() : null, List.of());
		}
		for (String name : new String[] { "effective[x]", "occurrence[x]", "performed[x]", "period", "onset[x]",
				"authoredOn", "recordedDate", "issued", "created", "date", "recorded" }) {
			Base value = single(r, name);
			if (value instanceof BaseDateTimeType t) {
				start = ChinaDates.start(t);
				end = ChinaDates.end(t);
			}
			else if (value instanceof Period p) {
				start = ChinaDates.start(p.getStartElement());
				end = p.hasEnd() ? ChinaDates.end(p.getEndElement()) : start;
			}
			if (start != null) {
				break;
			}
		}
		Base status = single(r, "status");
		Set<String> codes = new LinkedHashSet<>();
		for (String name : new String[] { "code", "vaccineCode", "medication[x]", "type", "class" }) {
			Property p = r.getNamedProperty(name);
			if (p == null) {
				continue;
			}
			for (Base v : p.getValues()) {
				tokens(v, codes);
			}
			if (!codes.isEmpty() && !name.equals("type")) {
				break;
			}
		}
		if (r instanceof Observation o) {
			o.getComponent().forEach(c -> tokens(c.getCode(), codes));
		}
		return new SearchFields(start, end,
				status instanceof org.hl7.fhir.r4.model.PrimitiveType<?> pt ? pt.getValueAsString() : null,
				List.copyOf(codes));
	}

	private static void tokens(Base v, Set<String> codes) {
		if (v instanceof CodeableConcept cc) {
			cc.getCoding().forEach(c -> token(c, codes));
		}
		else if (v instanceof Coding c) {
			token(c, codes);
		}
	}

	private static void token(Coding c, Set<String> codes) {
		if (c.hasCode()) {
			codes.add(c.getCode());
			if (c.hasSystem()) {
				codes.add(c.getSystem() + "|" + c.getCode());
			}
		}
	}

	private static Base single(Resource r, String name) {
		Property p = r.getNamedProperty(name);
		return p == null || !p.hasValues() ? null : p.getValues().get(0);
	}

	private static Instant end(Period p) {
		return p.hasEnd() ? ChinaDates.start(p.getEndElement()) : null;
	}

	private static Instant effectiveStart(Type effective) {
		if (effective instanceof BaseDateTimeType t) {
			return ChinaDates.start(t);
		}
		if (effective instanceof Period p) {
			return ChinaDates.start(p.getStartElement());
		}
		return null;
	}

	private static LocalDate firstDate(Type effective, BaseDateTimeType fallback) {
		if (effective instanceof BaseDateTimeType t && t.getValue() != null) {
			return ChinaDates.date(t);
		}
		if (effective instanceof Period p && p.hasStart()) {
			return ChinaDates.date(p.getStartElement());
		}
		return fallback == null ? null : ChinaDates.date(fallback);
	}

	/** The coding to project: ICD-10 first for diagnoses, LOINC / CVX first otherwise, then any known system. */
	static Coding preferred(CodeableConcept cc, boolean diagnosis) {
		if (cc == null || cc.getCoding().isEmpty()) {
			return null;
		}
		for (Coding c : cc.getCoding()) {
			if (diagnosis ? RecordSystems.isIcd10(c.getSystem())
					: RecordSystems.LOINC.equals(c.getSystem()) || RecordSystems.CVX.equals(c.getSystem())) {
				return c;
			}
		}
		for (Coding c : cc.getCoding()) {
			if (KnownCodeSystems.known(c.getSystem())) {
				return c;
			}
		}
		return cc.getCodingFirstRep();
	}

	static String icd10(CodeableConcept cc) {
		for (Coding c : cc.getCoding()) {
			if (RecordSystems.isIcd10(c.getSystem()) && c.hasCode()) {
				return c.getCode().strip().toUpperCase(java.util.Locale.ROOT);
			}
		}
		return null;
	}

	private static String firstCode(CodeableConcept cc) {
		return cc == null || cc.getCoding().isEmpty() ? null : cc.getCodingFirstRep().getCode();
	}

	private static String code(Enumeration<?> e) {
		return e == null || e.getValue() == null ? null : e.getValueAsString();
	}

	/** The id of a resolved reference {@code Type/id}, when it is of that type. */
	static String idOf(Reference r, String type) {
		String ref = r.getReference();
		if (ref == null) {
			return null;
		}
		int slash = ref.indexOf('/');
		if (slash < 0 || !ref.substring(0, slash).equals(type)) {
			return ref.startsWith("#") ? ref : null;
		}
		int history = ref.indexOf("/_history/");
		return history > 0 ? ref.substring(slash + 1, history) : ref.substring(slash + 1);
	}


}
