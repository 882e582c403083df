package org.rhip.surveillance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A notifiable disease with its class per period of validity (REFERENCE.md §3). */
public record Disease(String code, String name, String nameEn, List<String> icd10, List<Listing> listings) {

	/** Class and management in force from {@code from} to {@code to} (inclusive; empty = open). */
	public record Listing(LocalDate from, Optional<LocalDate> to, String diseaseClass, boolean managedAsA) {

		public boolean covers(LocalDate date) {
			return !date.isBefore(from) && to.map(t -> !date.isAfter(t)).orElse(true);
		}

		/** Class A, or class B managed with class-A measures: one case is a signal, report within 2 hours. */
		public boolean classAMeasures() {
			return diseaseClass.equals("A") || managedAsA;
		}

		/** The legal reporting limit after diagnosis (REFERENCE.md §3.4). */
		public int reportLimitHours() {
			return classAMeasures() ? 2 : 24;
		}

	}

	public Optional<Listing> listingOn(LocalDate date) {
		return listings.stream().filter(l -> l.covers(date)).findFirst();
	}

	/** The longest ICD-10 prefix of this disease that {@code code} starts with, or 0. */
	int icd10Match(String code) {
		String normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
		return icd10.stream().filter(normalized::startsWith).mapToInt(String::length).max().orElse(0);
	}

	/** The disease a diagnosis code makes notifiable on {@code date}: the longest matching prefix wins. */
	public static Optional<Disease> forIcd10(List<Disease> diseases, String code, LocalDate date) {
		Disease best = null;
		int bestLength = 0;
		for (Disease disease : diseases) {
			int length = disease.icd10Match(code);
			if (length > bestLength && disease.listingOn(date).isPresent()) {
				best = disease;
				bestLength = length;
			}
		}
		return Optional.ofNullable(best);
	}

}
