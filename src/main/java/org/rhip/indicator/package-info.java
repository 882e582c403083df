/**
 * 规划监测评估 — plans, indicators, aggregate data values and evaluation. Depends on the registry (org
 * units, resource figures) and security (who enters data).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "care", "security", "platform" })
package org.rhip.indicator;
