package org.rhip.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.rhip.record.check.ResourceChecker;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every official FHIR R4 example (hl7.fhir.r4.examples 4.0.1, /work/shared/fhir-examples) of a type the
 * store keeps goes in through the bulk path and comes back equal ({@code equalsDeep}) but for what the
 * store changes on purpose: meta.versionId and lastUpdated, and the display of references to Patients.
 * Examples that refer to each other are stored in rounds until nothing more goes in; what is left is
 * refused for a reason the test prints (a reference to a type the store does not keep, an unknown
 * code system in a projected element, …).
 */
class FhirExamplesRoundTripTest extends IntegrationTest {

	/** ../shared beside the project (as CI has it), else the workplace's copy; or -Drhip.fhir-examples=DIR. */
	static final Path EXAMPLES = Path.of(System.getProperty("rhip.fhir-examples",
			Files.isDirectory(Path.of("../shared/fhir-examples/r4-spec")) ? "../shared/fhir-examples/r4-spec"
					: "/work/shared/fhir-examples/r4-spec"));

	@Autowired
	RecordApi records;

	@Autowired
	FhirJson json;

	@Test
	void theOfficialExamplesOfStoredTypesRoundTrip() throws IOException {
		assertThat(EXAMPLES).as("the FHIR R4 examples (set -Drhip.fhir-examples=DIR)").isDirectory();
		Map<String, String> texts = new TreeMap<>();
		int all = 0;
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("package.json")).toList()) {
				all++;
				String text = Files.readString(f, StandardCharsets.UTF_8);
				String type = text.replaceAll("(?s)^.*?\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\".*$", "$1");
				if (ResourceChecker.ACCEPTED.contains(type)) {
					texts.put(f.getFileName().toString(), text);
				}
			}
		}
		Map<String, String> refused = new LinkedHashMap<>();
		Map<String, Resource> pending = new LinkedHashMap<>();
		texts.forEach((file, text) -> pending.put(file, json.parse(text)));
		List<Resource> stubs = stubs(json.context(), pending.values());
		assertThat(records.storeAll(stubs, null)).noneMatch(StoreOutcome::rejected);
		// rounds: what refers to an example not yet stored goes in once that one is
		for (int round = 0; round < 6 && !pending.isEmpty(); round++) {
			List<String> files = new ArrayList<>(pending.keySet());
			List<Resource> batch = files.stream().map(f -> pending.get(f).copy()).toList();
			List<StoreOutcome> outcomes = records.storeAll(batch, null);
			int stored = 0;
			for (StoreOutcome o : outcomes) {
				String file = files.get(o.index());
				if (o.rejected()) {
					refused.put(file, o.errorPath() + ": " + o.errorMessage());
				}
				else {
					refused.remove(file);
					pending.remove(file);
					stored++;
				}
			}
			if (stored == 0) {
				break;
			}
		}
		FhirContext fhir = json.context();
		int same = 0;
		List<String> different = new ArrayList<>();
		for (Map.Entry<String, String> e : texts.entrySet()) {
			if (pending.containsKey(e.getKey())) {
				continue;
			}
			Resource original = normalised(fhir, json.parse(e.getValue()));
			Resource back = normalised(fhir, records.read(original.fhirType(), original.getIdElement().getIdPart()));
			if (original.equalsDeep(back)) {
				same++;
			}
			else {
				different.add(e.getKey());
			}
		}
		System.out.printf("FHIR R4 examples: %d files, %d of stored types, %d stored and read back equal, %d different, %d refused%n",
				all, texts.size(), same, different.size(), pending.size());
		refused.forEach((file, why) -> System.out.println("  refused " + file + " — " + why));
		different.forEach(file -> System.out.println("  different " + file));
		assertThat(different).isEmpty();
		assertThat(same).as("examples stored and read back equal").isGreaterThanOrEqualTo(texts.size() * 4 / 5);
	}

	/**
	 * Minimal resources for what the examples refer to but no example is: a Patient, Practitioner,
	 * Organization … with just that id (and the elements R4 requires), so that the examples themselves
	 * can be stored. Targets of types the store does not keep (Group, Goal, EpisodeOfCare …) get none.
	 */
	private static List<Resource> stubs(FhirContext fhir, java.util.Collection<Resource> examples) {
		java.util.Set<String> present = new java.util.HashSet<>();
		examples.forEach(r -> present.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
		Map<String, Resource> stubs = new TreeMap<>();
		for (Resource r : examples) {
			for (Reference ref : new FhirTerser(fhir).getAllPopulatedChildElementsOfType(r, Reference.class)) {
				String s = ref.getReference();
				if (s == null || !s.matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}") || present.contains(s) || stubs.containsKey(s)) {
					continue;
				}
				String[] parts = s.split("/");
				Resource stub = stub(parts[0]);
				if (stub != null) {
					stub.setId(parts[1]);
					stubs.put(s, stub);
				}
			}
		}
		return new ArrayList<>(stubs.values());
	}

	private static Resource stub(String type) {
		var patient = new org.hl7.fhir.r4.model.Reference("Patient/example");
		var loinc = new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(RecordSystems.LOINC, "8310-5", null));
		return switch (type) {
			case "Patient" -> new org.hl7.fhir.r4.model.Patient();
			case "Practitioner" -> new org.hl7.fhir.r4.model.Practitioner();
			case "PractitionerRole" -> new org.hl7.fhir.r4.model.PractitionerRole();
			case "Organization" -> new org.hl7.fhir.r4.model.Organization();
			case "Location" -> new org.hl7.fhir.r4.model.Location();
			case "Device" -> new org.hl7.fhir.r4.model.Device();
			case "Medication" -> new org.hl7.fhir.r4.model.Medication();
			case "Specimen" -> new org.hl7.fhir.r4.model.Specimen();
			case "CareTeam" -> new org.hl7.fhir.r4.model.CareTeam();
			case "Observation" -> new org.hl7.fhir.r4.model.Observation()
				.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL).setCode(loinc);
			case "DiagnosticReport" -> new org.hl7.fhir.r4.model.DiagnosticReport()
				.setStatus(org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus.FINAL).setCode(loinc);
			case "Procedure" -> new org.hl7.fhir.r4.model.Procedure()
				.setStatus(org.hl7.fhir.r4.model.Procedure.ProcedureStatus.COMPLETED).setSubject(patient);
			case "Condition" -> new org.hl7.fhir.r4.model.Condition().setSubject(patient);
			case "Encounter" -> new org.hl7.fhir.r4.model.Encounter()
				.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED)
				.setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
			case "ServiceRequest" -> new org.hl7.fhir.r4.model.ServiceRequest()
				.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ACTIVE)
				.setIntent(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent.ORDER).setSubject(patient);
			case "MedicationRequest" -> new org.hl7.fhir.r4.model.MedicationRequest()
				.setStatus(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus.ACTIVE)
				.setIntent(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent.ORDER)
				.setMedication(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
						"http://www.nlm.nih.gov/research/umls/rxnorm", "1049502", null)))
				.setSubject(patient);
			case "CarePlan" -> new org.hl7.fhir.r4.model.CarePlan()
				.setStatus(org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE)
				.setIntent(org.hl7.fhir.r4.model.CarePlan.CarePlanIntent.PLAN).setSubject(patient);
			case "ImagingStudy" -> new org.hl7.fhir.r4.model.ImagingStudy()
				.setStatus(org.hl7.fhir.r4.model.ImagingStudy.ImagingStudyStatus.AVAILABLE).setSubject(patient);
			default -> null;
		};
	}

	/** Without what the store changes on purpose: version meta, Patient reference displays. */
	private static Resource normalised(FhirContext fhir, Resource r) {
		Resource c = r.copy();
		c.setId(r.getIdElement().getIdPart());
		if (c.hasMeta()) {
			c.getMeta().setVersionId(null);
			c.getMeta().setLastUpdated(null);
			if (c.getMeta().isEmpty()) {
				c.setMeta(null);
			}
		}
		for (Reference ref : new FhirTerser(fhir).getAllPopulatedChildElementsOfType(c, Reference.class)) {
			if (ref.getReference() != null && ref.getReference().startsWith("Patient/")) {
				ref.setDisplay(null);
			}
		}
		return c;
	}

}
