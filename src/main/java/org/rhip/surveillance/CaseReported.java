package org.rhip.surveillance;

import java.time.LocalDate;

/** A card became active (reported, or a draft confirmed). No personal data travels with it. */
public record CaseReported(long cardId, String disease, String orgUnit, LocalDate reportDay, boolean classAMeasures) {
}
