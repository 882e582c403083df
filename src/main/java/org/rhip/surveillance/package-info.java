/**
 * 传染病监测预警 — notifiable-disease case reports, sentinel and syndromic counts, aberration detectors,
 * signals, graded multi-point alerts and their response. Depends on the registry (which org units
 * exist) and security (who acts on a signal).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "security", "platform" })
package org.rhip.surveillance;
