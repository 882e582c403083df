package org.rhip.record.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one FHIR R4 context of the application (building one takes a second; it is thread-safe).
 * Parsing is strict, and a Bundle entry's resource keeps its own id rather than taking the entry's
 * fullUrl ({@code urn:uuid:…}), which the store resolves itself.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

	@Bean
	FhirContext fhirContext() {
		FhirContext fhir = FhirContext.forR4();
		fhir.setParserErrorHandler(new StrictErrorHandler());
		fhir.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
		fhir.getParserOptions().setStripVersionsFromReferences(false);
		return fhir;
	}

}
