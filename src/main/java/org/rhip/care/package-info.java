/**
 * 基本公共卫生服务 / 家庭医生签约 — care: the public-health service programs (chronic disease,
 * elderly, child, maternal, immunization, severe mental disorders, tuberculosis) with their schedules,
 * due and overdue services and worklists; family-doctor teams and contracts; vital statistics (life
 * table, child and maternal mortality, premature NCD mortality); and the indicators the plans ask for,
 * computed by SQL from the person index and the record projections. Depends on the person index and
 * the records (read through their published analytic views and tables, docs/decisions/0006), the
 * registry and security.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "person", "record", "registry", "security", "platform" })
package org.rhip.care;
