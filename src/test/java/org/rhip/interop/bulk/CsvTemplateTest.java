package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhip.platform.id.ResidentIdNumber;

class CsvTemplateTest {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	/** Valid GB 11643 numbers (check character computed): a woman born 1980-01-01 and a man born 1975-05-20. */
	static final String WOMAN = id("44010619800101122");

	static final String MAN = id("44010619750520131");

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final Map<String, String> earlierPatients = new HashMap<>();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	static String id(String body) {
		return body + ResidentIdNumber.checkCharacter(body);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final CsvLookups lookups = new CsvLookups() {

		@Override
		public Optional<String> patientId(String institution, String kind, String keyHash) {
			return Optional.ofNullable(earlierPatients.get(kind + ":" + keyHash));
		}

		@Override
		public Optional<String> orgUnit(String institution, String codeOrName) {
			return switch (codeOrName) {
				case "440106001", "天河南街道" -> Optional.of("440106001");
				case "同名社区" -> throw new IllegalArgumentException("names two org units; write the code");
				default -> Optional.empty();
			};
		}

		@Override
		public boolean institutionExists(String code) {
			return code.equals("440106-H001");
		}

		@Override
		public Optional<Patient> storedPatient(String id) {
			return Optional.ofNullable(stored.get(id));
		}

	};

	private final Map<String, Patient> stored = new HashMap<>();

	private CsvContext context() {
		return new CsvContext("440106-C001", TODAY, false, lookups, CsvTemplateTest::sha256);
	}

	private List<Parsed> read(String name, CsvTemplate template, String text, Charset charset) throws IOException {
		Path file = Files.write(dir.resolve(name), text.getBytes(charset));
		List<Parsed> items = new ArrayList<>();
		try (CsvSource source = new CsvSource(file, name, template, context(), 100, 0, pool)) {
			Optional<Batch> batch;
			while ((batch = source.next()).isPresent()) {
				items.addAll(batch.get().items());
			}
		}
		return items;
	}

	private List<Parsed> read(CsvTemplate template, String text) throws IOException {
		return read(template.key + ".csv", template, text, StandardCharsets.UTF_8);
	}

	private static List<Resource> resources(List<Parsed> items) {
		return items.stream().filter(p -> p instanceof Parsed.Ok).map(p -> ((Parsed.Ok) p).resource()).toList();
	}

	private static List<Rejection> rejections(List<Parsed> items) {
		return items.stream().filter(p -> p instanceof Rejection).map(Rejection.class::cast).toList();
	}

	static final String PATIENTS_ZH = """
			身份证号,姓名,性别,出生日期,联系电话,现住址街道/社区,详细地址,户籍/常住,本机构患者编号,死亡日期
			%s,李秀兰,女,1980-01-01,13800138000,天河南街道,天河路1号,户籍常住,P001,
			%s,王建国,男,1975/5/20,020-38888888,440106001,,常住,,
			""".formatted(WOMAN, MAN);

	static final String PATIENTS_EN = """
			patient_number,name,sex,birth_date,phone,org_unit,address,residence,id_number,death_date
			P001,李秀兰,female,19800101,13800138000,440106001,天河路1号,household+resident,%s,
			,王建国,male,1975-05-20,020-38888888,440106001,,resident,%s,
			""".formatted(WOMAN, MAN);

	@Test
	void patientsFromChineseHeadersWithAByteOrderMark() throws IOException {
		List<Parsed> items = read(CsvTemplate.PATIENTS, "\uFEFF" + PATIENTS_ZH);
		assertThat(rejections(items)).isEmpty();
		Patient li = (Patient) resources(items).get(0);
		assertThat(li.getIdElement().getIdPart()).startsWith("csv-").hasSize(36);
		assertThat(li.getIdentifier()).extracting(i -> i.getSystem(), i -> i.getValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Fhir.RESIDENT_ID, WOMAN),
					org.assertj.core.groups.Tuple.tuple(Fhir.PATIENT_NUMBER + "440106-C001", "P001"));
		assertThat(li.getNameFirstRep().getText()).isEqualTo("李秀兰");
		assertThat(li.getGender().toCode()).isEqualTo("female");
		assertThat(li.getBirthDateElement().getValueAsString()).isEqualTo("1980-01-01");
		assertThat(li.getTelecomFirstRep().getUse().toCode()).isEqualTo("mobile");
		assertThat(li.getAddressFirstRep().getLine().get(0).getValue()).isEqualTo("天河路1号");
		assertThat(li.getAddressFirstRep().getExtensionByUrl(Fhir.ORG_UNIT).getValue().primitiveValue()).isEqualTo("440106001");
		assertThat(li.getExtensionByUrl(Fhir.HOUSEHOLD).getValue().primitiveValue()).isEqualTo("true");
		assertThat(li.getExtensionByUrl(Fhir.RESIDENT).getValue().primitiveValue()).isEqualTo("true");
		Patient wang = (Patient) resources(items).get(1);
		assertThat(wang.getExtensionByUrl(Fhir.HOUSEHOLD)).isNull();
		assertThat(wang.getTelecomFirstRep().getValue()).isEqualTo("02038888888");
	}

	@Test
	void englishHeadersInAnotherOrderMakeTheSameResources() throws IOException {
		List<Resource> zh = resources(read(CsvTemplate.PATIENTS, PATIENTS_ZH));
		List<Resource> en = resources(read(CsvTemplate.PATIENTS, PATIENTS_EN));
		assertThat(en).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(FhirJson.R4.newJsonParser().encodeResourceToString(en.get(i)))
				.isEqualTo(FhirJson.R4.newJsonParser().encodeResourceToString(zh.get(i)));
		}
	}

	@Test
	void readsGb18030() throws IOException {
		List<Parsed> items = read("居民.csv", CsvTemplate.PATIENTS, PATIENTS_ZH, CsvCharset.GB18030);
		assertThat(rejections(items)).isEmpty();
		assertThat(((Patient) resources(items).get(0)).getNameFirstRep().getText()).isEqualTo("李秀兰");
	}

	@Test
	void theSameFileTwiceGivesTheSameIds() throws IOException {
		List<String> first = resources(read(CsvTemplate.PATIENTS, PATIENTS_ZH)).stream().map(r -> r.getIdElement().getIdPart()).toList();
		List<String> second = resources(read(CsvTemplate.PATIENTS, PATIENTS_ZH)).stream().map(r -> r.getIdElement().getIdPart()).toList();
		assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
	}

	@Test
	void aBadDateIsRejectedNamingLineAndColumnAndTheGoodRowsAreKept() throws IOException {
		List<Parsed> items = read(CsvTemplate.PATIENTS, """
				身份证号,姓名,性别,出生日期,本机构患者编号
				,张三,男,1980-02-30,P9
				%s,王建国,男,1975-05-20,
				""".formatted(MAN));
		assertThat(rejections(items)).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(2);
			assertThat(r.path()).isEqualTo("出生日期");
			assertThat(r.reason()).contains("not a date");
			assertThat(r.resourceType()).isEqualTo("Patient");
		});
		assertThat(resources(items)).singleElement().satisfies(p -> assertThat(((Patient) p).getNameFirstRep().getText()).isEqualTo("王建国"));
	}

	@Test
	void aWrongCheckDigitIsRejectedWithoutRepeatingTheNumber() throws IOException {
		String wrong = MAN.substring(0, 17) + (MAN.charAt(17) == '1' ? '2' : '1');
		List<Parsed> items = read(CsvTemplate.PATIENTS, "姓名,身份证号\n王建国,%s\n".formatted(wrong));
		Rejection r = rejections(items).get(0);
		assertThat(r.path()).isEqualTo("身份证号");
		assertThat(r.reason()).contains("check character").doesNotContain(wrong).doesNotContain(wrong.substring(6, 14));
	}

	@Test
	void sexAndBirthDateMustAgreeWithTheIdNumber() throws IOException {
		List<Parsed> items = read(CsvTemplate.PATIENTS, """
				身份证号,姓名,性别,出生日期
				%s,王建国,女,
				%s,王建国,,1975-05-21
				""".formatted(MAN, MAN));
		assertThat(rejections(items)).extracting(Rejection::line, Rejection::path)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "性别"), org.assertj.core.groups.Tuple.tuple(3L, "出生日期"));
	}

	@Test
	void anUnknownVaccineCodeIsRejectedNamingLineAndColumn() throws IOException {
		List<Parsed> items = read(CsvTemplate.IMMUNIZATIONS, """
				身份证号,疫苗编码,疫苗名称,剂次,接种日期,接种单位,疫苗批号
				%s,HepB,,1,2025-01-02,,L123
				%s,XYZ9,,1,2025-01-02,,
				%s,,麻腮风疫苗,第2剂,2025-03-04,440106-H001,
				""".formatted(WOMAN, WOMAN, WOMAN));
		assertThat(rejections(items)).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(3);
			assertThat(r.path()).isEqualTo("疫苗编码");
			assertThat(r.reason()).contains("not a known vaccine code");
		});
		List<Resource> ok = resources(items);
		Immunization hepB = (Immunization) ok.get(0);
		assertThat(hepB.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("HepB");
		assertThat(hepB.getProtocolAppliedFirstRep().getDoseNumberPositiveIntType().getValue()).isEqualTo(1);
		assertThat(hepB.getLotNumber()).isEqualTo("L123");
		assertThat(hepB.getPatient().getReference()).isEqualTo("Patient/" + context().id("Patient", "id", WOMAN));
		Immunization mmr = (Immunization) ok.get(1);
		assertThat(mmr.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("MMR");
		assertThat(mmr.getPerformerFirstRep().getActor().getIdentifier().getValue()).isEqualTo("440106-H001");
	}

	@Test
	void aPatientImportedEarlierIsFoundByEitherKey() throws IOException {
		CsvContext c = context();
		earlierPatients.put("id:" + c.patientKey("id", WOMAN), "csv-earlier");
		List<Resource> ok = resources(read(CsvTemplate.IMMUNIZATIONS, "身份证号,疫苗编码,剂次,接种日期\n%s,BCG,1,2025-01-02\n".formatted(WOMAN)));
		assertThat(((Immunization) ok.get(0)).getPatient().getReference()).isEqualTo("Patient/csv-earlier");
		// a patients row keyed by number: a later row naming the patient by number gets the same id
		Patient p = (Patient) resources(read(CsvTemplate.PATIENTS, PATIENTS_ZH)).get(0);
		List<Resource> byNumber = resources(read(CsvTemplate.IMMUNIZATIONS, "本机构患者编号,疫苗编码,剂次,接种日期\nP001,BCG,1,2025-01-02\n"));
		assertThat(((Immunization) byNumber.get(0)).getPatient().getReference()).isEqualTo("Patient/" + p.getIdElement().getIdPart());
		@SuppressWarnings("unchecked")
		List<String[]> keys = (List<String[]>) p.getUserData(CsvContext.PATIENT_KEYS);
		assertThat(keys).extracting(k -> k[0]).containsExactly("number", "id");
	}

	@Test
	void encountersWithDiagnoses() throws IOException {
		List<Parsed> items = read(CsvTemplate.ENCOUNTERS, """
				患者编号,身份证号,就诊编号,就诊类型,开始时间,结束时间,机构编码,科室,诊断编码,诊断名称
				P001,,E1,门诊,2025-03-01 09:30,2025-03-01 10:00,,全科,I10;E11.9,原发性高血压；2型糖尿病
				,%s,,住院,2025-03-02,,,内科,,
				P002,,E3,出诊,2025-03-01,,,,,
				P003,,E4,急诊,2025-03-01 10:00,2025-03-01 09:00,,,,
				P004,,E5,急诊,2025-03-01,,,,I1O,
				""".formatted(MAN));
		assertThat(rejections(items)).extracting(Rejection::line, Rejection::path).containsExactly(
				org.assertj.core.groups.Tuple.tuple(4L, "就诊类型"), org.assertj.core.groups.Tuple.tuple(5L, "结束时间"),
				org.assertj.core.groups.Tuple.tuple(6L, "诊断编码"));
		List<Resource> ok = resources(items);
		assertThat(ok).extracting(Resource::fhirType).containsExactly("Encounter", "Condition", "Condition", "Encounter");
		Encounter e = (Encounter) ok.get(0);
		assertThat(e.getClass_().getCode()).isEqualTo("AMB");
		assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-03-01T09:30:00+08:00");
		assertThat(e.getDiagnosis()).extracting(d -> d.getCondition().getReference())
			.containsExactly("Condition/" + ok.get(1).getIdElement().getIdPart(), "Condition/" + ok.get(2).getIdElement().getIdPart());
		Condition htn = (Condition) ok.get(1);
		assertThat(htn.getCode().getCodingFirstRep().getCode()).isEqualTo("I10");
		assertThat(htn.getCode().getCodingFirstRep().getDisplay()).isEqualTo("原发性高血压");
		assertThat(htn.getEncounter().getReference()).isEqualTo("Encounter/" + e.getIdElement().getIdPart());
		assertThat(((Encounter) resources(read(CsvTemplate.ENCOUNTERS, "患者编号,就诊类型,开始时间\nP9,公卫服务,2025-03-01\n")).get(0))
			.getTypeFirstRep().getCodingFirstRep().getCode()).as("a public-health service visit").isEqualTo("phs");
		Encounter inpatient = (Encounter) ok.get(3);
		assertThat(inpatient.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
		assertThat(inpatient.getClass_().getCode()).isEqualTo("IMP");
	}

	@Test
	void observationsOneRowManyMeasurements() throws IOException {
		List<Parsed> items = read(CsvTemplate.OBSERVATIONS, """
				身份证号,测量日期,收缩压(mmHg),舒张压(mmHg),空腹血糖(mmol/L),糖化血红蛋白(%%),身高(cm),体重(kg)
				%s,2025-04-01,142,91,7.2,6.9,158,61.5
				%s,2025-04-01,80,91,,,,
				%s,2025-04-01,,,,,,
				%s,2025-04-01,140,,,,,
				""".formatted(WOMAN, WOMAN, WOMAN, WOMAN));
		assertThat(rejections(items)).extracting(Rejection::line).containsExactly(3L, 4L, 5L);
		List<Resource> ok = resources(items);
		assertThat(ok).extracting(r -> ((Observation) r).getCode().getCodingFirstRep().getCode())
			.containsExactly("85354-9", "1558-6", "4548-4", "8302-2", "29463-7");
		Observation bp = (Observation) ok.get(0);
		assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode(),
				c -> ((Quantity) c.getValue()).getValue().intValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("8480-6", 142), org.assertj.core.groups.Tuple.tuple("8462-4", 91));
		assertThat(((Quantity) ((Observation) ok.get(1)).getValue()).getUnit()).isEqualTo("mmol/L");
		assertThat(ok).extracting(r -> r.getIdElement().getIdPart()).doesNotHaveDuplicates();
	}

	@Test
	void diagnosesBirthsAndDeaths() throws IOException {
		List<Resource> dx = resources(read(CsvTemplate.DIAGNOSES, "身份证号,诊断编码,诊断名称,诊断日期,诊断类别\n%s,I10,高血压,2020-05-01,慢病\n".formatted(MAN)));
		Condition htn = (Condition) dx.get(0);
		assertThat(htn.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
		assertThat(htn.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");

		List<Parsed> births = read(CsvTemplate.BIRTHS, """
				出生医学证明编号,性别,出生时间,母亲身份证号,母亲姓名,孕周,出生体重(g)
				Q440000001,女,2025-05-01 08:15,%s,李秀兰,39+2,3250
				Q440000002,男,2025-05-02,%s,,39,3000
				""".formatted(WOMAN, MAN));
		assertThat(rejections(births)).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("母亲身份证号"));
		List<Resource> baby = resources(births);
		assertThat(baby).extracting(Resource::fhirType).containsExactly("Patient", "Patient", "Observation", "Observation");
		Patient mother = (Patient) baby.get(0);
		assertThat(mother.getIdentifierFirstRep().getValue()).isEqualTo(WOMAN);
		assertThat(mother.getIdElement().getIdPart()).isEqualTo(context().id("Patient", "id", WOMAN));
		assertThat(mother.getBirthDateElement().getValueAsString()).isEqualTo("1980-01-01");
		Patient girl = (Patient) baby.get(1);
		assertThat(girl.getBirthDateElement().getValueAsString()).isEqualTo("2025-05-01");
		assertThat(girl.getBirthDateElement().getExtensionByUrl(Fhir.BIRTH_TIME).getValue().primitiveValue())
			.startsWith("2025-05-01T08:15:00");
		assertThat(((org.hl7.fhir.r4.model.Reference) girl.getExtensionByUrl(Fhir.MOTHER).getValue()).getReference())
			.isEqualTo("Patient/" + mother.getIdElement().getIdPart());
		assertThat(((Quantity) ((Observation) baby.get(3)).getValue()).getValue().toPlainString()).isEqualTo("39.3");
		// a mother imported before is referred to, not made again
		earlierPatients.put("id:" + context().patientKey("id", WOMAN), "csv-mum");
		List<Resource> again = resources(read(CsvTemplate.BIRTHS, "出生医学证明编号,性别,出生时间,母亲身份证号\nQ1,女,2025-05-01,%s\n".formatted(WOMAN)));
		assertThat(again).extracting(Resource::fhirType).containsExactly("Patient");
		assertThat(((org.hl7.fhir.r4.model.Reference) ((Patient) again.get(0)).getExtensionByUrl(Fhir.MOTHER).getValue()).getReference())
			.isEqualTo("Patient/csv-mum");

		List<Resource> death = resources(read(CsvTemplate.DEATHS, "身份证号,死亡日期,死亡地点,根本死因\n%s,2025-02-03,家中,I21.9\n".formatted(MAN)));
		Patient dead = (Patient) death.get(0);
		assertThat(dead.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2025-02-03");
		Observation cause = (Observation) death.get(1);
		assertThat(cause.getCode().getCodingFirstRep().getCode()).isEqualTo("69453-9");
		assertThat(cause.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("I21.9");
		Observation place = (Observation) death.get(2);
		assertThat(place.getCode().getCodingFirstRep().getCode()).isEqualTo("58332-8");
		assertThat(place.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(Fhir.DEATH_PLACE);
		assertThat(place.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("home");
		assertThat(place.getIdElement().getIdPart()).isNotEqualTo(cause.getIdElement().getIdPart());
		assertThat(cause.getSubject().getReference()).isEqualTo("Patient/" + dead.getIdElement().getIdPart());
		assertThat(cause.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(Fhir.ICD10);
	}

	@Test
	void aDeathChangesTheStoredPatientAndKeepsWhatItHolds() throws IOException {
		Patient known = new Patient();
		known.setId(context().id("Patient", "id", MAN));
		known.getMeta().setVersionId("3");
		known.addName().setText("王建国");
		known.addTelecom().setValue("13800138000");
		stored.put(known.getIdElement().getIdPart(), known);
		Patient dead = (Patient) resources(read(CsvTemplate.DEATHS,
				"身份证号,死亡日期,根本死因\n%s,2025-02-03 10:00,I21.9\n".formatted(MAN))).get(0);
		assertThat(dead.getTelecomFirstRep().getValue()).isEqualTo("13800138000");
		assertThat(dead.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2025-02-03T10:00:00+08:00");
		assertThat(dead.getMeta().hasVersionId()).isFalse();
		assertThat(known.hasDeceased()).as("the stored one is not touched").isFalse();
	}

	@Test
	void aCodeOfTheNationalClinicalVersionIsNamedSo() throws IOException {
		Condition c = (Condition) resources(read(CsvTemplate.DIAGNOSES, "身份证号,诊断编码,诊断日期\n%s,I10.x00x002,2020-05-01\n".formatted(MAN))).get(0);
		assertThat(c.getCode().getCodingFirstRep().getSystem()).isEqualTo(Fhir.ICD10_CN);
	}

	@Test
	void aQuotedCellOverTwoLinesKeepsTheLineNumbersOfTheFile() throws IOException {
		List<Parsed> items = read(CsvTemplate.PATIENTS, """
				身份证号,姓名,详细地址
				%s,李秀兰,"天河路1号
				2栋, 301"
				%s,王建国,1975
				""".formatted(WOMAN, "123"));
		assertThat(((Patient) resources(items).get(0)).getAddressFirstRep().getLine().get(0).getValue()).isEqualTo("天河路1号\n2栋, 301");
		assertThat(rejections(items)).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(4));
	}

	@Test
	void anAmbiguousOrUnknownOrgUnitIsRejected() throws IOException {
		List<Parsed> items = read(CsvTemplate.PATIENTS, "身份证号,姓名,现住址街道/社区\n%s,李秀兰,同名社区\n%s,王建国,火星街道\n".formatted(WOMAN, MAN));
		assertThat(rejections(items)).extracting(Rejection::reason)
			.containsExactly("names two org units; write the code", "is not an org unit code or name of the district");
	}

	@Test
	void aFileWithoutARequiredColumnIsRefused() {
		assertThatThrownBy(() -> read(CsvTemplate.IMMUNIZATIONS, "身份证号,疫苗编码\n%s,BCG\n".formatted(WOMAN)))
			.isInstanceOf(FileProblem.class)
			.hasMessageContaining("剂次")
			.hasMessageContaining("接种日期");
	}

	@Test
	void anotherInstitutionIsRefusedToAClientOfOneInstitution() throws IOException {
		CsvContext own = new CsvContext("440106-C001", TODAY, true, lookups, CsvTemplateTest::sha256);
		Path file = Files.writeString(dir.resolve("immunizations.csv"),
				"身份证号,疫苗编码,剂次,接种日期,接种单位\n%s,BCG,1,2025-01-02,440106-H001\n".formatted(WOMAN));
		try (CsvSource source = new CsvSource(file, "immunizations.csv", CsvTemplate.IMMUNIZATIONS, own, 10, 0, pool)) {
			Rejection r = (Rejection) source.next().orElseThrow().items().get(0);
			assertThat(r.path()).isEqualTo("接种单位");
			assertThat(r.reason()).contains("only for 440106-C001");
		}
	}

}
