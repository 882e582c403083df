package org.rhip.record.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.InvalidResource;
import org.rhip.record.RecordSystems;

/**
 * The rules a resource must keep beyond parsing (docs/records.md §Validation): a type the store
 * accepts, a well-formed id, R4's required elements, no clinical date in the future (a few minutes of
 * clock skew allowed), known code systems in the projected coded elements, UCUM units. Collects the
 * references and the institutions the resource names on the way, for the store to resolve.
 */
public final class ResourceChecker {

	/** The resource types the store keeps: the projected ones and what they refer to. */
	public static final Set<String> ACCEPTED = Set.of("Patient", "Encounter", "Condition", "Observation",
			"Immunization", "MedicationRequest", "MedicationStatement", "MedicationAdministration", "Medication",
			"Procedure", "DiagnosticReport", "AllergyIntolerance", "Organization", "Practitioner", "PractitionerRole",
			"Location", "Specimen", "ServiceRequest", "CarePlan", "CareTeam", "ImagingStudy", "Device", "Provenance",
			"Claim", "ExplanationOfBenefit");

	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * Coded elements that are projected: each needs at least one coding of a known system (local codings
	 * may come along; they are kept, not projected).
	 */
	static final Set<String> CODED = Set.of("Observation.code", "Observation.component.code",
			"Observation.valueCodeableConcept", "Observation.component.valueCodeableConcept", "Condition.code",
			"Encounter.class", "Encounter.type", "Immunization.vaccineCode", "MedicationRequest.medicationCodeableConcept",
			"MedicationStatement.medicationCodeableConcept", "MedicationAdministration.medicationCodeableConcept",
			"Procedure.code", "DiagnosticReport.code", "DiagnosticReport.category", "AllergyIntolerance.code");

	static final Set<String> QUANTITIES = Set.of("Observation.valueQuantity", "Observation.component.valueQuantity");

	/** Clinical dates that cannot lie in the future. */
	static final Set<String> PAST_DATES = Set.of("Patient.birthDate", "Patient.deceasedDateTime",
			"Encounter.period.start", "Observation.effectiveDateTime", "Observation.effectivePeriod.start",
			"Observation.effectiveInstant", "Observation.issued", "Condition.onsetDateTime", "Condition.onsetPeriod.start",
			"Condition.recordedDate", "Immunization.occurrenceDateTime", "Immunization.recorded",
			"Procedure.performedDateTime", "Procedure.performedPeriod.start", "DiagnosticReport.effectiveDateTime",
			"DiagnosticReport.effectivePeriod.start", "DiagnosticReport.issued", "MedicationRequest.authoredOn",
			"MedicationStatement.effectiveDateTime", "MedicationStatement.effectivePeriod.start",
			"MedicationStatement.dateAsserted", "MedicationAdministration.effectiveDateTime",
			"MedicationAdministration.effectivePeriod.start", "AllergyIntolerance.onsetDateTime",
			"AllergyIntolerance.recordedDate");

	/** A reference found in the resource: where, and the element itself (to be resolved and rewritten). */
	public record Ref(String path, String rulePath, Reference reference) {
	}

	/** An institution the resource names by its registry code ({@link RecordSystems#INSTITUTION}). */
	public record Claim(String path, String institution) {
	}

	/** What the check found. */
	public record Inspection(List<Ref> references, List<Claim> institutions) {
	}

	private final ResourceWalker walker;

	public ResourceChecker(FhirContext fhir) {
		this.walker = new ResourceWalker(fhir);
	}

	/** Checks a resource, throwing {@link InvalidResource} at the first problem. */
	public Inspection check(Resource resource, Instant now) {
		String type = resource.fhirType();
		if (!ACCEPTED.contains(type)) {
			throw InvalidResource.rule("record.type", type, "resources of type " + type + " are not stored here");
		}
		if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
			String id = resource.getIdElement().getIdPart();
			if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
				throw InvalidResource.rule("record.id", type + ".id", "an id has 1 to 64 letters, digits, '-' or '.'");
			}
		}
		Instant latest = now.plus(CLOCK_SKEW);
		List<Ref> references = new ArrayList<>();
		List<Claim> claims = new ArrayList<>();
		java.util.Map<String, Coded> codings = new java.util.LinkedHashMap<>();
		walker.walk(resource, new ResourceWalker.Visitor() {

			@Override
			public void missing(String path) {
				throw InvalidResource.rule("record.required", path, path + " is required (FHIR R4 cardinality 1..)");
			}

			@Override
			public void reference(String path, String rulePath, Reference reference) {
				references.add(new Ref(path, rulePath, reference));
				if (reference.hasIdentifier() && RecordSystems.INSTITUTION.equals(reference.getIdentifier().getSystem())) {
					claims.add(new Claim(path + ".identifier.value", reference.getIdentifier().getValue()));
				}
			}

			@Override
			public void coding(String path, String rulePath, Coding coding) {
				boolean inConcept = rulePath.endsWith(".coding");
				String field = inConcept ? rulePath.substring(0, rulePath.length() - 7) : rulePath;
				if (!CODED.contains(field)) {
					return;
				}
				if (coding.hasSystem() && KnownCodeSystems.known(coding.getSystem()) && !coding.hasCode()) {
					throw InvalidResource.rule("record.code", path + ".code", "a coding of " + field + " needs its code");
				}
				// the element (a CodeableConcept, or a Coding itself) needs one coding of a known system
				String element = inConcept ? path.substring(0, path.lastIndexOf(".coding")) : path;
				boolean known = coding.hasSystem() && KnownCodeSystems.known(coding.getSystem());
				codings.merge(element, new Coded(path, field, coding.getSystem(), known), Coded::or);
			}

			@Override
			public void quantity(String path, String rulePath, Quantity quantity) {
				if (QUANTITIES.contains(rulePath) && quantity.hasSystem() && !RecordSystems.UCUM.equals(quantity.getSystem())) {
					throw InvalidResource.rule("record.unit-system", path + ".system",
							"units of " + rulePath + " are UCUM (" + RecordSystems.UCUM + ")");
				}
			}

			@Override
			public void date(String path, String rulePath, BaseDateTimeType date) {
				if (PAST_DATES.contains(rulePath) && date.getValue() != null && date.getValue().toInstant().isAfter(latest)) {
					throw InvalidResource.rule("record.future-date", path, path + " is in the future");
				}
			}

		});
		for (Coded c : codings.values()) {
			if (!c.known()) {
				throw InvalidResource.rule("record.code-system", c.firstPath() + ".system", c.firstSystem() == null
						? "a coding of " + c.field() + " needs its system"
						: "unknown code system '" + c.firstSystem() + "' in " + c.field()
								+ ": one coding needs a known system (docs/records.md lists them)");
			}
		}
		Plausibility.check(resource);
		return new Inspection(references, claims);
	}

	/** The codings of one coded element: the first one's path and system, and whether any system is known. */
	private record Coded(String firstPath, String field, String firstSystem, boolean known) {

		Coded or(Coded next) {
			return new Coded(firstPath, field, firstSystem, known || next.known());
		}

	}

}
