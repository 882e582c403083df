/**
 * Aberration detectors over one count series: pure functions of the counts, no database. Each
 * class documents the published definition it implements and the reference implementation its
 * results are checked against (the R package {@code surveillance}, or CIDARS for the moving
 * percentile method).
 */
@org.springframework.modulith.NamedInterface("detect")
package org.rhip.surveillance.detect;
