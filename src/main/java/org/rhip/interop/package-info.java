/**
 * 互联互通 — exchange with the institutions' systems: the FHIR R4 REST endpoint at {@code /fhir}
 * ({@code interop.fhir}, thin adapters over the record module). Depends on the record store, the person
 * index and security.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "record", "person", "security", "platform" })
package org.rhip.interop;
