package org.rhip.interop.fhir;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordQuery;

/**
 * Patients: searched by {@code identifier} (the resident ID number too), {@code name} (a whole name
 * or one whole part, case-insensitive — names are stored only as keyed hashes), {@code birthdate},
 * {@code gender}; {@code Patient/{id}/$everything} returns every record of the person the Patient
 * belongs to, from every Patient linked to that person.
 */
class PatientProvider extends RecordProvider<Patient> {

	PatientProvider(RecordApi records) {
		super(records, Patient.class);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = "identifier") TokenAndListParam identifier,
			@OptionalParam(name = "name") StringAndListParam name,
			@OptionalParam(name = "birthdate") DateRangeParam birthdate,
			@OptionalParam(name = "gender") TokenAndListParam gender,
			@OptionalParam(name = "_id") TokenAndListParam ids,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
		return bundle(new RecordQuery("Patient", SearchParams.codes(ids), null, SearchParams.ranges(birthdate), null, null,
				SearchParams.range(lastUpdated), SearchParams.tokens(identifier), SearchParams.strings(name),
				SearchParams.codes(gender), 0, 20));
	}

	@Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
	public IBundleProvider everything(@IdParam IdType id) {
		String patient = id.getIdPart();
		return new RecordBundle((offset, count) -> records.everything(patient, offset, count));
	}

}
