package org.rhip.record.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;
import org.rhip.record.InvalidResource;
import org.rhip.record.RecordSystems;

/** The store's rules beyond parsing, each refusal naming the element. */
class ResourceCheckerTest {

	static final FhirContext FHIR = FhirContext.forR4();

	private final ResourceChecker checker = new ResourceChecker(FHIR);

	private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

	private static Observation glucose() {
		Observation o = new Observation();
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, "2345-7", "Glucose")));
		o.setSubject(new Reference("Patient/p1"));
		o.setEffective(new DateTimeType("2025-05-31T08:00:00+08:00"));
		o.setValue(new Quantity().setValue(5.6).setSystem(RecordSystems.UCUM).setCode("mmol/L"));
		return o;
	}

	private String refusedAt(org.hl7.fhir.r4.model.Resource r) {
		try {
			checker.check(r, NOW);
		}
		catch (InvalidResource ex) {
			assertThat(ex.status()).isEqualTo(422);
			return ex.field();
		}
		throw new AssertionError("accepted");
	}

	@Test
	void aGoodObservationPassesAndItsReferencesAreCollected() {
		var inspection = checker.check(glucose(), NOW);
		assertThat(inspection.references()).extracting(ResourceChecker.Ref::path).containsExactly("Observation.subject");
	}

	@Test
	void requiredElementsAreRequired() {
		Observation o = glucose();
		o.setStatus(null);
		assertThat(refusedAt(o)).isEqualTo("Observation.status");
		Observation c = glucose();
		c.addComponent().setValue(new Quantity(1));
		assertThat(refusedAt(c)).isEqualTo("Observation.component[0].code");
	}

	@Test
	void aClinicalDateInTheFutureIsRefusedButClockSkewIsNot() {
		Observation o = glucose();
		o.setEffective(new DateTimeType("2025-06-01T08:10:00+08:00"));
		assertThat(refusedAt(o)).isEqualTo("Observation.effectiveDateTime");
		Observation skew = glucose();
		skew.setEffective(new DateTimeType("2025-06-01T08:03:00+08:00")); // 3 minutes ahead of NOW
		checker.check(skew, NOW);
	}

	@Test
	void aProjectedCodeNeedsOneKnownSystem() {
		Observation typo = glucose();
		typo.getCode().getCodingFirstRep().setSystem("http://lonic.org");
		assertThat(refusedAt(typo)).isEqualTo("Observation.code.coding[0].system");
		Observation local = glucose();
		local.getCode().addCoding(new Coding("http://hospital.example.cn/lab", "GLU", "血糖"));
		checker.check(local, NOW); // a local coding beside LOINC is kept
		Encounter e = new Encounter();
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://example.org/classes", "AMB", null));
		assertThat(refusedAt(e)).isEqualTo("Encounter.class.system");
	}

	@Test
	void unitsAreUcum() {
		Observation o = glucose();
		((Quantity) o.getValue()).setSystem("http://example.org/units");
		assertThat(refusedAt(o)).isEqualTo("Observation.valueQuantity.system");
	}

	@Test
	void institutionsNamedByIdentifierAreCollected() {
		Encounter e = new Encounter();
		e.setStatus(Encounter.EncounterStatus.FINISHED);
		e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
		e.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(RecordSystems.INSTITUTION).setValue("440311-H001")));
		assertThat(checker.check(e, NOW).institutions()).containsExactly(
				new ResourceChecker.Claim("Encounter.serviceProvider.identifier.value", "440311-H001"));
	}

	@Test
	void typesThatHoldOtherPeoplesDataAreNotStored() {
		assertThatThrownBy(() -> checker.check(new RelatedPerson(), NOW)).isInstanceOf(InvalidResource.class)
			.hasMessageContaining("not stored");
		Observation bad = glucose();
		bad.setId("has space");
		assertThat(refusedAt(bad)).isEqualTo("Observation.id");
	}


	private static Observation measured(String loinc, double value, String unit) {
		Observation o = glucose();
		o.setCode(new CodeableConcept(new Coding(RecordSystems.LOINC, loinc, null)));
		o.setValue(new Quantity().setValue(value).setSystem(RecordSystems.UCUM).setCode(unit));
		return o;
	}

	@Test
	void impossibleGestationalAgesAndBirthWeightsAreRefusedAtTheValue() {
		assertThat(refusedAt(measured("11884-4", 46, "wk"))).isEqualTo("Observation.valueQuantity.value");
		assertThat(refusedAt(measured("11884-4", 0, "wk"))).isEqualTo("Observation.valueQuantity.value");
		assertThat(refusedAt(measured("11884-4", 330, "d"))).isEqualTo("Observation.valueQuantity.value");
		assertThat(refusedAt(measured("8339-4", 150, "g"))).isEqualTo("Observation.valueQuantity.value");
		assertThat(refusedAt(measured("8339-4", 7.5, "kg"))).isEqualTo("Observation.valueQuantity.value");
		// the edges of what is possible are kept: a 9-week first prenatal visit, 45 weeks, 500 g, 4.2 kg
		checker.check(measured("11884-4", 9, "wk"), NOW);
		checker.check(measured("11884-4", 45, "wk"), NOW);
		checker.check(measured("8339-4", 500, "g"), NOW);
		checker.check(measured("8339-4", 4.2, "kg"), NOW);
	}

	@Test
	void aDeathBeforeTheBirthIsRefusedAtTheDeathDate() {
		org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
		p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2020-03-02"));
		p.setDeceased(new DateTimeType("2020-03-01T10:00:00+08:00"));
		assertThat(refusedAt(p)).isEqualTo("Patient.deceasedDateTime");
		p.setDeceased(new DateTimeType("2020-03-02T23:00:00+08:00"));
		checker.check(p, NOW);
	}

}
