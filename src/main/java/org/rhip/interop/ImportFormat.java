package org.rhip.interop;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an import file holds: FHIR NDJSON, a FHIR Bundle, or a CSV file of one template (docs/import.md). */
public enum ImportFormat {

	NDJSON("ndjson", "application/fhir+ndjson"),
	BUNDLE("bundle", "application/fhir+json"),
	CSV_PATIENTS("csv-patients", "text/csv"),
	CSV_ENCOUNTERS("csv-encounters", "text/csv"),
	CSV_OBSERVATIONS("csv-observations", "text/csv"),
	CSV_IMMUNIZATIONS("csv-immunizations", "text/csv"),
	CSV_DIAGNOSES("csv-diagnoses", "text/csv"),
	CSV_BIRTHS("csv-births", "text/csv"),
	CSV_DEATHS("csv-deaths", "text/csv"),
	CSV_FAMILY_DOCTOR_TEAMS("csv-family-doctor-teams", "text/csv"),
	CSV_FAMILY_DOCTOR_CONTRACTS("csv-family-doctor-contracts", "text/csv");

	private final String key;

	private final String mediaType;

	ImportFormat(String key, String mediaType) {
		this.key = key;
		this.mediaType = mediaType;
	}

	public String key() {
		return key;
	}

	public String mediaType() {
		return mediaType;
	}

	public boolean csv() {
		return key.startsWith("csv-");
	}

	/** Whether files of this format need the institution they come from: CSV of records does; family-doctor files name theirs. */
	public boolean needsInstitution() {
		return csv() && this != CSV_FAMILY_DOCTOR_TEAMS && this != CSV_FAMILY_DOCTOR_CONTRACTS;
	}

	/** The template of a CSV format ({@code patients}, …). */
	public String template() {
		return csv() ? key.substring(4) : key;
	}

	/** By key: {@code ndjson}, {@code bundle}, {@code csv-patients} (or just {@code patients}), … */
	public static Optional<ImportFormat> of(String key) {
		String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(f -> f.key.equals(k) || (f.csv() && f.template().equals(k))).findFirst();
	}

	/**
	 * What a file's name says: {@code *.ndjson} NDJSON, {@code *.json} a Bundle, {@code *.csv} the
	 * template named in it ({@code patients.csv}, {@code 2025-接种.csv}); {@code .gz} may follow.
	 */
	public static Optional<ImportFormat> ofFileName(String name) {
		String n = name.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		if (n.endsWith(".gz")) {
			n = n.substring(0, n.length() - 3);
		}
		if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
			return Optional.of(NDJSON);
		}
		if (n.endsWith(".json")) {
			return Optional.of(BUNDLE);
		}
		if (n.endsWith(".csv") || n.endsWith(".txt")) {
			String base = n.replace('_', '-');
			return Arrays.stream(values()).filter(f -> f.csv() && (base.contains(f.template()) || base.contains(chinese(f))))
				.findFirst();
		}
		return Optional.empty();
	}

	/** The names the CSV templates go by in Chinese file names. */
	static String chinese(ImportFormat format) {
		return switch (format) {
			case CSV_PATIENTS -> "居民";
			case CSV_ENCOUNTERS -> "就诊";
			case CSV_OBSERVATIONS -> "体检";
			case CSV_IMMUNIZATIONS -> "接种";
			case CSV_DIAGNOSES -> "诊断";
			case CSV_BIRTHS -> "出生";
			case CSV_DEATHS -> "死亡";
			case CSV_FAMILY_DOCTOR_TEAMS -> "家庭医生团队";
			case CSV_FAMILY_DOCTOR_CONTRACTS -> "家庭医生签约";
			default -> format.key;
		};
	}

}
