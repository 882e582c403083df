/**
 * 预防接种 — the national immunization program: the schedule as versioned data
 * ({@link org.rhip.care.immunization.NipSchedule}), a child's plan with due, overdue and catch-up
 * doses ({@link org.rhip.care.immunization.ImmunizationPlan}), the check of a new dose record, and the
 * coverage rule ({@link org.rhip.care.immunization.CoverageTarget}). Pure computations; no database.
 */
package org.rhip.care.immunization;
