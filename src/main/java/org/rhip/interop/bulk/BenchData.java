package org.rhip.interop.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.rhip.platform.id.ResidentIdNumber;

/**
 * The synthetic data set of the import benchmark (bench/import-ndjson.sh): NDJSON files of one
 * resource type each, 5% Patients with valid resident ID numbers living in the streets of a district,
 * and per patient 5 Encounters, 2 Conditions, 9 Observations (blood pressure, fasting glucose,
 * weight), 2 Immunizations and 1 MedicationRequest referencing them. Written as text directly (no
 * FHIR model) so generating a million resources takes seconds; every line parses strictly as R4.
 */
public final class BenchData {

	/** Resources per patient, the patient included. */
	static final int PER_PATIENT = 20;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "丽华", "文", "华", "建国", "玉兰" };

	private static final String[][] DIAGNOSES = { { "I10", "原发性高血压" }, { "E11.9", "2型糖尿病" }, { "J06.9", "急性上呼吸道感染" },
			{ "K29.7", "胃炎" }, { "M54.5", "腰痛" }, { "I25.1", "动脉硬化性心脏病" }, { "J20.9", "急性支气管炎" }, { "E78.5", "高脂血症" } };

	private static final String[][] DRUGS = { { "硝苯地平缓释片", "10mg 每日两次" }, { "二甲双胍片", "0.5g 每日三次" },
			{ "阿莫西林胶囊", "0.5g 每日三次" }, { "阿托伐他汀钙片", "20mg 每晚一次" }, { "奥美拉唑肠溶胶囊", "20mg 每日一次" } };

	private static final String[] VACCINES = { "HepB", "BCG", "IPV", "DTaP", "MMR", "Flu", "PPV23", "COVID-19" };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);

	private BenchData() {
	}

	/**
	 * Writes {@code resources} resources (rounded down to whole patients) into {@code dir}; returns the
	 * files in the order to import them (Patients first, Encounters before what references them).
	 */
	public static List<Path> write(Path dir, int resources, String region, List<String> streets,
			List<String> institutions, long seed) throws IOException {
		Files.createDirectories(dir);
		String[] types = { "Patient", "Encounter", "Condition", "Observation", "Immunization", "MedicationRequest" };
		Map<String, BufferedWriter> out = new LinkedHashMap<>();
		List<Path> files = new ArrayList<>();
		for (String type : types) {
			Path file = dir.resolve(type + ".ndjson");
			files.add(file);
			out.put(type, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
		}
		try {
			SplittableRandom random = new SplittableRandom(seed);
			int patients = resources / PER_PATIENT;
			LocalDate epoch = LocalDate.of(1930, 1, 1);
			for (int p = 0; p < patients; p++) {
				// unique ID numbers: the birth day and the sequence number come from the patient's index
				LocalDate birth = epoch.plusDays(p % 32_000);
				int sequence = (p / 32_000) % 1000;
				String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
				String id = body + ResidentIdNumber.checkCharacter(body);
				String sex = sequence % 2 == 1 ? "male" : "female";
				String pid = "bench-p" + p;
				String street = streets.get(random.nextInt(streets.size()));
				String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
				String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
				out.get("Patient").write("{\"resourceType\":\"Patient\",\"id\":\"" + pid + "\",\"identifier\":[{\"type\":{\"coding\":"
						+ "[{\"system\":\"" + Fhir.IDENTIFIER_TYPE + "\",\"code\":\"NNCHN\"}]},\"system\":\"" + Fhir.RESIDENT_ID
						+ "\",\"value\":\"" + id + "\"}],\"name\":[{\"text\":\"" + name + "\"}],\"telecom\":[{\"system\":\"phone\","
						+ "\"value\":\"" + phone + "\",\"use\":\"mobile\"}],\"gender\":\"" + sex + "\",\"birthDate\":\"" + birth
						+ "\",\"address\":[{\"extension\":[{\"url\":\"" + Fhir.ORG_UNIT + "\",\"valueCode\":\"" + street
						+ "\"}],\"use\":\"home\",\"line\":[\"" + (1 + random.nextInt(300)) + "号\"]}]}\n");
				String institution = institutions.get(random.nextInt(institutions.size()));
				String[] encounters = new String[5];
				LocalDateTime[] times = new LocalDateTime[5];
				for (int e = 0; e < 5; e++) {
					encounters[e] = "bench-e" + p + "-" + e;
					times[e] = LocalDateTime.of(2021, 1, 1, 8, 0).plusDays(random.nextInt(1800)).plusMinutes(random.nextInt(600));
					out.get("Encounter").write("{\"resourceType\":\"Encounter\",\"id\":\"" + encounters[e] + "\",\"status\":\"finished\","
							+ "\"class\":{\"system\":\"" + Fhir.ACT_CODE + "\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/"
							+ pid + "\"},\"period\":{\"start\":\"" + times[e].format(TIME) + "\",\"end\":\""
							+ times[e].plusMinutes(15).format(TIME) + "\"},\"serviceProvider\":{\"identifier\":{\"system\":\""
							+ Fhir.INSTITUTION + "\",\"value\":\"" + institution + "\"}}}\n");
				}
				for (int c = 0; c < 2; c++) {
					String[] dx = DIAGNOSES[random.nextInt(DIAGNOSES.length)];
					out.get("Condition").write("{\"resourceType\":\"Condition\",\"id\":\"bench-c" + p + "-" + c + "\",\"clinicalStatus\":"
							+ "{\"coding\":[{\"system\":\"" + Fhir.CONDITION_CLINICAL + "\",\"code\":\"active\"}]},\"category\":[{\"coding\":"
							+ "[{\"system\":\"" + Fhir.CONDITION_CATEGORY + "\",\"code\":\"encounter-diagnosis\"}]}],\"code\":{\"coding\":"
							+ "[{\"system\":\"" + Fhir.ICD10 + "\",\"code\":\"" + dx[0] + "\",\"display\":\"" + dx[1] + "\"}]},"
							+ "\"subject\":{\"reference\":\"Patient/" + pid + "\"},\"encounter\":{\"reference\":\"Encounter/"
							+ encounters[c] + "\"},\"recordedDate\":\"" + times[c].toLocalDate() + "\"}\n");
				}
				for (int o = 0; o < 9; o++) {
					int e = o % 5;
					String head = "{\"resourceType\":\"Observation\",\"id\":\"bench-o" + p + "-" + o + "\",\"status\":\"final\","
							+ "\"category\":[{\"coding\":[{\"system\":\"" + Fhir.OBSERVATION_CATEGORY + "\",\"code\":\""
							+ (o % 3 == 1 ? "laboratory" : "vital-signs") + "\"}]}],";
					String tail = "\"subject\":{\"reference\":\"Patient/" + pid + "\"},\"encounter\":{\"reference\":\"Encounter/"
							+ encounters[e] + "\"},\"effectiveDateTime\":\"" + times[e].format(TIME) + "\"";
					String line = switch (o % 3) {
						case 0 -> head + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]}," + tail
								+ ",\"component\":[" + component("8480-6", 100 + random.nextInt(70), "mm[Hg]") + ","
								+ component("8462-4", 60 + random.nextInt(35), "mm[Hg]") + "]}";
						case 1 -> head + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1558-6\"}]}," + tail
								+ ",\"valueQuantity\":" + quantity(String.format(Locale.ROOT, "%.1f", 4 + random.nextDouble() * 6), "mmol/L") + "}";
						default -> head + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]}," + tail
								+ ",\"valueQuantity\":" + quantity(String.format(Locale.ROOT, "%.1f", 40 + random.nextDouble() * 50), "kg") + "}";
					};
					out.get("Observation").write(line + "\n");
				}
				for (int v = 0; v < 2; v++) {
					String vaccine = VACCINES[random.nextInt(VACCINES.length)];
					out.get("Immunization").write("{\"resourceType\":\"Immunization\",\"id\":\"bench-i" + p + "-" + v + "\","
							+ "\"status\":\"completed\",\"vaccineCode\":{\"coding\":[{\"system\":\"" + Fhir.VACCINE + "\",\"code\":\""
							+ vaccine + "\"}]},\"patient\":{\"reference\":\"Patient/" + pid + "\"},\"occurrenceDateTime\":\""
							+ times[v].toLocalDate() + "\",\"primarySource\":true,\"protocolApplied\":[{\"doseNumberPositiveInt\":"
							+ (1 + v) + "}]}\n");
				}
				String[] drug = DRUGS[random.nextInt(DRUGS.length)];
				out.get("MedicationRequest").write("{\"resourceType\":\"MedicationRequest\",\"id\":\"bench-m" + p + "\","
						+ "\"status\":\"completed\",\"intent\":\"order\",\"medicationCodeableConcept\":{\"text\":\"" + drug[0] + "\"},"
						+ "\"subject\":{\"reference\":\"Patient/" + pid + "\"},\"encounter\":{\"reference\":\"Encounter/"
						+ encounters[0] + "\"},\"authoredOn\":\"" + times[0].format(TIME) + "\",\"dosageInstruction\":[{\"text\":\""
						+ drug[1] + "\"}]}\n");
			}
		}
		finally {
			for (BufferedWriter writer : out.values()) {
				writer.close();
			}
		}
		return files;
	}

	private static String component(String loinc, int value, String unit) {
		return "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"valueQuantity\":"
				+ quantity(String.valueOf(value), unit) + "}";
	}

	private static String quantity(String value, String unit) {
		return "{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"system\":\"" + Fhir.UCUM + "\",\"code\":\"" + unit + "\"}";
	}

}
