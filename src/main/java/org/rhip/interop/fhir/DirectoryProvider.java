package org.rhip.interop.fhir;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordQuery;

/**
 * What clinical resources refer to — organizations, practitioners, locations, medications, devices —
 * searched by {@code identifier}, {@code _id} and {@code _lastUpdated}.
 */
class DirectoryProvider<T extends Resource> extends RecordProvider<T> {

	DirectoryProvider(RecordApi records, Class<T> type) {
		super(records, type);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = "identifier") TokenAndListParam identifier,
			@OptionalParam(name = "_id") TokenAndListParam ids,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
		return bundle(new RecordQuery(typeName, SearchParams.codes(ids), null, null, null, null,
				SearchParams.range(lastUpdated), SearchParams.tokens(identifier), null, null, 0, 20));
	}

}
