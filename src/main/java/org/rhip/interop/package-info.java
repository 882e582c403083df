/**
 * 互联互通 — exchange with the institutions' systems: the FHIR R4 REST endpoint at {@code /fhir}
 * ({@code interop.fhir}, thin adapters over the record module) and bulk import of FHIR NDJSON, Bundle
 * JSON and CSV templates ({@code interop.bulk}, with an error report for what is rejected). Records
 * are stored through the record module; depends on the person index, the registry (institutions,
 * org units) and security (who imports for which institution, keyed hashes).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "record", "person", "care", "registry",
		"security", "platform" })
package org.rhip.interop;
