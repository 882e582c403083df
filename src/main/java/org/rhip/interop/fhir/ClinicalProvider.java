package org.rhip.interop.fhir;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordQuery;

/**
 * A clinical resource type: searched by {@code patient} (or {@code subject}: the same, a Patient),
 * {@code date} (the clinical date or period, China time), {@code code} (the type's main coded element),
 * {@code status}, {@code identifier}, {@code _id}, {@code _lastUpdated}.
 */
class ClinicalProvider<T extends Resource> extends RecordProvider<T> {

	ClinicalProvider(RecordApi records, Class<T> type) {
		super(records, type);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = "patient") ReferenceAndListParam patient,
			@OptionalParam(name = "subject") ReferenceAndListParam subject,
			@OptionalParam(name = "date") DateRangeParam date, @OptionalParam(name = "code") TokenAndListParam code,
			@OptionalParam(name = "status") TokenAndListParam status,
			@OptionalParam(name = "identifier") TokenAndListParam identifier,
			@OptionalParam(name = "_id") TokenAndListParam ids,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
		java.util.List<java.util.List<String>> patients = new java.util.ArrayList<>(SearchParams.patients(patient, "patient"));
		patients.addAll(SearchParams.patients(subject, "subject"));
		RecordQuery query = new RecordQuery(typeName, SearchParams.codes(ids), patients, SearchParams.ranges(date),
				SearchParams.tokens(code), SearchParams.codes(status), SearchParams.range(lastUpdated),
				SearchParams.tokens(identifier), null, null, 0, 20);
		return bundle(query);
	}

}
