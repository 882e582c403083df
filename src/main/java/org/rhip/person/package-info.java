/**
 * 全员人口 / 一人一码 — the whole-population index: residents and their identifiers, record linkage
 * (deterministic on the ID number, probabilistic otherwise), the review queue, merge and unmerge
 * with full history. Identifiers are stored encrypted; reads are scoped and audited. Depends on the
 * registry (addresses, institutions) and security (keys, users, audit).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "security", "platform" })
package org.rhip.person;
