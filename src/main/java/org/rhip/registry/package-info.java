/**
 * 医疗卫生资源 — the org-unit hierarchy (GB/T 2260 and below), institutions, beds, staff, population.
 * Depends on nothing but the platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform" })
package org.rhip.registry;
