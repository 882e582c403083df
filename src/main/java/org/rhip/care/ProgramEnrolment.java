package org.rhip.care;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's place in one public-health program (公卫服务项目): since when, whether the program has
 * taken them under management (a chronic-disease patient counts from the first follow-up), and the
 * last service of the program.
 *
 * @param program {@code hypertension}, {@code diabetes}, {@code smi}, {@code elderly}, {@code child}
 * or {@code pregnancy}
 * @param since the diagnosis, the 65th birthday, the birth, or the last menstrual period
 * @param lastServiceCode the encounter-type code of the last service ({@code htn-followup} …)
 */
public record ProgramEnrolment(String program, LocalDate since, boolean managed, Optional<LocalDate> lastService,
		Optional<String> lastServiceCode) {
}
