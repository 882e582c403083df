/**
 * 模拟区县 — the synthetic district: residents with Chinese names and valid ID numbers in the
 * region's streets, the registry's institutions, and their records over the years (chronic disease and
 * follow-ups, vaccinations, pregnancies and births, deaths with causes, visits, family-doctor
 * contracts), deterministic for a seed, written as FHIR NDJSON and CSV files for {@code import}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "platform" })
package org.rhip.synthetic;
