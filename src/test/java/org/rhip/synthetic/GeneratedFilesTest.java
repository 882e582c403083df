package org.rhip.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.platform.id.ResidentIdNumber;

/**
 * The files of a small synthetic Tianhe (scale 0.001, about 2,200 residents): the same seed gives the
 * same bytes whatever the threads, every line is a strict R4 resource, every ID number is a valid
 * GB 11643 number of the region, every reference points to something in an earlier line in name order,
 * and no date lies after the period.
 */
class GeneratedFilesTest {

	@TempDir
	static Path dir;

	static SyntheticDistrict.Result result;

	@BeforeAll
	static void generate() throws IOException {
		result = SyntheticDistrict.generate(request(dir.resolve("a"), 42, 2));
	}

	static SyntheticDistrict.Request request(Path out, long seed, int threads) {
		return new SyntheticDistrict.Request("440106", 0.001, 2016, 2025, seed, 0.5, out, threads);
	}

	@Test
	void theSameSeedGivesTheSameFilesWhateverTheThreadsAndAnotherSeedOthers() throws IOException {
		SyntheticDistrict.generate(request(dir.resolve("b"), 42, 1));
		SyntheticDistrict.generate(request(dir.resolve("c"), 43, 3));
		assertThat(digests(dir.resolve("b"))).isEqualTo(digests(dir.resolve("a")));
		assertThat(digests(dir.resolve("c")).get("10-patients.ndjson")).isNotEqualTo(digests(dir.resolve("a")).get("10-patients.ndjson"));
	}

	@Test
	void theFilesAreThoseOfTheContractInImportOrderWithAReadme() throws IOException {
		assertThat(result.files().keySet()).startsWith("01-institutions.ndjson", "10-patients.ndjson", "11-newborns.ndjson",
				"12-births.ndjson", "15-conditions.ndjson")
			.contains("20-encounters-2020.ndjson", "30-observations-2020.ndjson", "40-immunizations.ndjson", "50-deaths.ndjson")
			.endsWith("90-family_doctor_teams.csv", "91-family_doctor_contracts.csv");
		String readme = Files.readString(result.dir().resolve("README.txt"));
		assertThat(readme).contains("scale 0.001").contains("10-patients.ndjson").contains("visit rate 0.5");
		for (Map.Entry<String, Long> file : result.files().entrySet()) {
			long lines;
			try (Stream<String> all = Files.lines(result.dir().resolve(file.getKey()))) {
				lines = all.count();
			}
			assertThat(lines).as(file.getKey()).isEqualTo(file.getValue() + (file.getKey().endsWith(".csv") ? 1 : 0));
		}
		assertThat(result.residents()).isBetween(2000L, 2400L);
	}

	@Test
	void everyLineIsAStrictR4ResourceWhoseReferencesResolveInNameOrderAndNoDateIsInTheFuture() throws IOException {
		IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
		Set<String> seen = new HashSet<>();
		Map<String, Integer> types = new TreeMap<>();
		OffsetDateTime endOfPeriod = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
		for (String name : result.files().keySet()) {
			if (!name.endsWith(".ndjson")) {
				continue;
			}
			try (BufferedReader in = Files.newBufferedReader(result.dir().resolve(name), StandardCharsets.UTF_8)) {
				String line;
				int number = 0;
				while ((line = in.readLine()) != null) {
					number++;
					Resource resource = (Resource) parser.parseResource(line);
					String where = name + ":" + number;
					for (Reference reference : references(resource)) {
						assertThat(seen.contains(reference.getReference())).as(where + " refers to " + reference.getReference()).isTrue();
					}
					for (java.util.Date date : dates(resource)) {
						assertThat(date.toInstant()).as(where).isBefore(endOfPeriod.toInstant());
					}
					seen.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
					types.merge(resource.fhirType(), 1, Integer::sum);
				}
			}
		}
		assertThat(types).containsOnlyKeys("Organization", "Patient", "Condition", "Encounter", "Observation", "Immunization");
	}

	@Test
	void everyIdNumberIsAValidNumberOfTheRegionThatAgreesWithSexAndBirthDateAndIsUnique() throws IOException {
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		Set<String> numbers = new HashSet<>();
		LocalDate today = LocalDate.of(2026, 1, 1);
		for (String name : List.of("10-patients.ndjson", "11-newborns.ndjson")) {
			for (String line : Files.readAllLines(result.dir().resolve(name))) {
				Patient patient = parser.parseResource(Patient.class, line);
				String value = patient.getIdentifierFirstRep().getValue();
				ResidentIdNumber id = ResidentIdNumber.parse(value, today);
				assertThat(id.value()).startsWith("440106");
				assertThat(id.birthDate()).isEqualTo(new java.sql.Date(patient.getBirthDate().getTime()).toLocalDate());
				assertThat(id.sex()).isEqualTo(patient.getGender().toCode());
				assertThat(numbers.add(value)).as("unique").isTrue();
			}
		}
		// the contracts name residents by these numbers
		List<String> contracts = Files.readAllLines(result.dir().resolve("91-family_doctor_contracts.csv"));
		assertThat(contracts.get(0)).isEqualTo("contract_number,id_number,team_code,start_date,end_date,channel,"
				+ "service_package,status,cancelled_on,key_population");
		assertThat(contracts.subList(1, contracts.size())).isNotEmpty()
			.allSatisfy(row -> assertThat(numbers.contains(row.split(",", -1)[1])).isTrue());
	}

	@Test
	void contractsOfAResidentNeverOverlap() throws IOException {
		Map<String, List<LocalDate[]>> periods = new HashMap<>();
		List<String> rows = Files.readAllLines(result.dir().resolve("91-family_doctor_contracts.csv"));
		for (String row : rows.subList(1, rows.size())) {
			String[] cells = row.split(",", -1);
			LocalDate start = LocalDate.parse(cells[3]);
			LocalDate end = cells[8].isEmpty() ? LocalDate.parse(cells[4]) : LocalDate.parse(cells[8]);
			assertThat(end).isAfterOrEqualTo(start);
			periods.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(new LocalDate[] { start, end });
		}
		periods.values().forEach(list -> {
			for (int i = 1; i < list.size(); i++) {
				assertThat(list.get(i)[0]).isAfter(list.get(i - 1)[1]);
			}
		});
	}

	private static List<Reference> references(Resource resource) {
		List<Reference> references = new ArrayList<>();
		if (resource instanceof Patient patient) {
			patient.getExtension().forEach(e -> references.add((Reference) e.getValue()));
		}
		else if (resource instanceof Encounter encounter) {
			references.add(encounter.getSubject());
		}
		else if (resource instanceof Observation observation) {
			references.add(observation.getSubject());
			if (observation.hasEncounter()) {
				references.add(observation.getEncounter());
			}
		}
		else if (resource instanceof Condition condition) {
			references.add(condition.getSubject());
		}
		else if (resource instanceof Immunization immunization) {
			references.add(immunization.getPatient());
		}
		return references;
	}

	private static List<java.util.Date> dates(Resource resource) {
		List<java.util.Date> dates = new ArrayList<>();
		if (resource instanceof Patient patient) {
			dates.add(patient.getBirthDate());
			if (patient.hasDeceasedDateTimeType()) {
				dates.add(patient.getDeceasedDateTimeType().getValue());
			}
		}
		else if (resource instanceof Encounter encounter) {
			dates.add(encounter.getPeriod().getStart());
			dates.add(encounter.getPeriod().getEnd());
		}
		else if (resource instanceof Observation observation) {
			dates.add(observation.getEffectiveDateTimeType().getValue());
		}
		else if (resource instanceof Condition condition) {
			dates.add(condition.getOnsetDateTimeType().getValue());
		}
		else if (resource instanceof Immunization immunization) {
			dates.add(immunization.getOccurrenceDateTimeType().getValue());
		}
		return dates;
	}

	private static Map<String, String> digests(Path dir) throws IOException {
		Map<String, String> digests = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				digests.put(file.getFileName().toString(), HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
			}
		}
		return digests;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
