package org.rhip.surveillance;

import java.time.LocalDate;
import java.util.List;

/** A graded multi-point alert: a group of diseases in a place, the sources behind it, its level. */
public record AlertView(long id, String group, String groupName, String orgUnit, String orgUnitName, LocalDate firstDay,
		LocalDate lastDay, String level, List<String> sources, List<Long> signalIds) {
}
