/**
 * 电子健康档案 / 电子病历 — the clinical store: every FHIR resource as received (jsonb, every version),
 * typed projections for analytics (encounters, diagnoses, observations, immunizations, medications,
 * procedures, reports, allergies, births and deaths), person linkage through the person index, and
 * the reads and writes of the FHIR endpoint and bulk import. Depends on the person index, the
 * registry (institutions, addresses) and security (who writes, scope, audit, encryption).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "person", "registry", "security", "platform" })
package org.rhip.record;
