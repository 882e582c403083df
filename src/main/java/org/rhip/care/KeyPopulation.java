package org.rhip.care;

import java.time.LocalDate;
import java.util.List;

/** The key populations (重点人群) a resident belongs to on a day; {@link #key()} when any. */
public record KeyPopulation(long personId, LocalDate on, List<KeyGroup> groups) {

	public KeyPopulation {
		groups = groups.stream().sorted().distinct().toList();
	}

	public boolean key() {
		return !groups.isEmpty();
	}

}
