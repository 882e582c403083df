package org.rhip.record.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.rhip.record.RecordSystems;

/** Projection rules, each against a hand-built resource and the row it must give (COPY text). */
class ProjectorTest {

	private final Projector projector = new Projector();

	private final Projector.Subject subject = new Projector.Subject(42L, "p1", "440311-H001");

	private List<String[]> rows(org.hl7.fhir.r4.model.Resource r, Table table) {
		return projector.project(r, subject).lines().stream().filter(l -> l.table() == table)
			.map(l -> l.row().stripTrailing().split("\t", -1)).toList();
	}

	@Test
	void anInpatientStayCountsBedDaysInChinaDates() {
		Encounter e = new Encounter();
		e.setId("e1");
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
		// admitted 2024-03-01 23:30 China time (15:30 UTC), discharged 2024-03-04 01:00 China time
		e.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01T15:30:00Z"))
			.setEndElement(new DateTimeType("2024-03-03T17:00:00Z")));
		String[] row = rows(e, Table.ENCOUNTER).get(0);
		assertThat(row[5]).isEqualTo("inpatient");
		assertThat(row[10]).isEqualTo("2024-03-01");
		assertThat(row[11]).isEqualTo("3");
	}

	@Test
	void encounterClassesMapToKinds() {
		assertThat(Projector.kind("AMB")).isEqualTo("outpatient");
		assertThat(Projector.kind("EMER")).isEqualTo("emergency");
		assertThat(Projector.kind("HH")).isEqualTo("home");
		assertThat(Projector.kind("VR")).isEqualTo("other");
	}

	@Test
	void aBloodPressurePanelGivesOneRowPerComponent() {
		Observation bp = new Observation();
		bp.setId("o1");
		bp.setStatus(Observation.ObservationStatus.FINAL);
		bp.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "85354-9", null)));
		bp.setEffective(new DateTimeType("2024-03-01T08:00:00+08:00"));
		bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8480-6", null)))
			.setValue(new Quantity().setValue(142).setCode("mm[Hg]"));
		bp.addComponent().setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "8462-4", null)))
			.setValue(new Quantity().setValue(91).setCode("mm[Hg]"));
		List<String[]> rows = rows(bp, Table.OBSERVATION);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)[6]).isEqualTo("8480-6");
		assertThat(rows.get(0)[7]).isEqualTo("85354-9");
		assertThat(rows.get(0)[8]).isEqualTo("142");
		assertThat(rows.get(1)[8]).isEqualTo("91");
		assertThat(rows.get(0)[13]).isEqualTo("2024-03-01");
		assertThat(projector.search(bp).codes()).contains("http://loinc.org|85354-9", "8480-6", "8462-4");
	}

	@Test
	void aDiagnosisPrefersItsIcd10Coding() {
		Condition c = new Condition();
		c.setId("c1");
		c.setCode(new CodeableConcept(new Coding(RecordSystems.SNOMED, "38341003", null)).addCoding(
				new Coding(RecordSystems.ICD10_CN, "i10.x00", null)));
		c.setOnset(new DateTimeType("2023-12-31"));
		String[] row = rows(c, Table.DIAGNOSIS).get(0);
		assertThat(row[6]).isEqualTo(RecordSystems.ICD10_CN);
		assertThat(row[8]).isEqualTo("I10.X00");
		assertThat(row[12]).isEqualTo("2023-12-31");
	}

	@Test
	void anImmunizationKeepsItsDoseAndPerformer() {
		Immunization i = new Immunization();
		i.setId("i1");
		i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
		i.setVaccineCode(new CodeableConcept(new Coding(RecordSystems.NIP_VACCINE, "0101", "乙肝疫苗")));
		i.setOccurrence(new DateTimeType("2024-01-02"));
		i.addProtocolApplied().setDoseNumber(new PositiveIntType(2));
		i.addPerformer().setActor(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION).setValue("440311-C001")));
		String[] row = rows(i, Table.IMMUNIZATION).get(0);
		assertThat(row[5]).isEqualTo("0101");
		assertThat(row[6]).isEqualTo("2");
		assertThat(row[9]).isEqualTo("440311-C001");
	}

	@Test
	void reportCategoriesFollowV2Sections() {
		assertThat(Projector.category(List.of(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", null)))))
			.isEqualTo("imaging");
		assertThat(Projector.category(List.of(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "EC", null)))))
			.isEqualTo("ecg");
		assertThat(Projector.category(List.of(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "PAT", null)))))
			.isEqualTo("pathology");
		DiagnosticReport lab = new DiagnosticReport();
		lab.setId("d1");
		lab.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", null)));
		assertThat(rows(lab, Table.REPORT).get(0)[4]).isEqualTo("lab");
	}

}
