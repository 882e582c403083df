/**
 * 互联互通 — getting clinical data in and out: bulk import of FHIR NDJSON, Bundle JSON and CSV
 * templates (with an error report for what is rejected), and the FHIR R4 REST endpoint. Records
 * are stored through the record module; depends on the registry (institutions, org units) and
 * security (who imports for which institution, keyed hashes).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "security", "platform" })
package org.rhip.interop;
