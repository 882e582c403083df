package org.rhip.interop.fhir;

import java.util.List;

import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.rhip.record.RecordApi;

/** One provider per resource type the store keeps (the record module's list of accepted types). */
final class Providers {

	private Providers() {
	}

	static List<IResourceProvider> all(RecordApi records) {
		return List.of(new PatientProvider(records), new ClinicalProvider<>(records, Encounter.class),
				new ClinicalProvider<>(records, Condition.class), new ClinicalProvider<>(records, Observation.class),
				new ClinicalProvider<>(records, Immunization.class),
				new ClinicalProvider<>(records, MedicationRequest.class),
				new ClinicalProvider<>(records, MedicationStatement.class),
				new ClinicalProvider<>(records, MedicationAdministration.class),
				new ClinicalProvider<>(records, Procedure.class), new ClinicalProvider<>(records, DiagnosticReport.class),
				new ClinicalProvider<>(records, AllergyIntolerance.class), new ClinicalProvider<>(records, Specimen.class),
				new ClinicalProvider<>(records, ServiceRequest.class), new ClinicalProvider<>(records, CarePlan.class),
				new ClinicalProvider<>(records, CareTeam.class), new ClinicalProvider<>(records, ImagingStudy.class),
				new ClinicalProvider<>(records, Claim.class), new ClinicalProvider<>(records, ExplanationOfBenefit.class),
				new ClinicalProvider<>(records, Provenance.class), new DirectoryProvider<>(records, Organization.class),
				new DirectoryProvider<>(records, Practitioner.class), new DirectoryProvider<>(records, PractitionerRole.class),
				new DirectoryProvider<>(records, Location.class), new DirectoryProvider<>(records, Medication.class),
				new DirectoryProvider<>(records, Device.class));
	}

}
