package org.rhip.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rhip.person.PersonApi;
import org.rhip.record.RecordApi;
import org.rhip.record.StoreOutcome;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;
import org.rhip.surveillance.CaseCardInput;
import org.rhip.surveillance.InjectedOutbreak;
import org.rhip.surveillance.SurveillanceApi;
import org.rhip.surveillance.demo.SurveillanceDemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}) driven by Selenium, with the driver given explicitly so that Selenium
 * Manager never downloads anything. Screenshots go to {@code target/screenshots/}.
 */
class ConsoleBrowserTest extends IntegrationTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Set<String> STATUSES = Set.of("达标", "按进度", "有风险", "滞后", "无数据");

	private static WebDriver driver;

	@Autowired
	SecurityApi security;

	@Autowired
	SurveillanceApi surveillance;

	@Autowired
	SurveillanceDemoData demo;

	@Autowired
	PersonApi persons;

	@Autowired
	RecordApi recordApi;

	@Autowired
	JdbcClient jdbc;

	private static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		assertThat(Files.isExecutable(CHROMIUM))
			.as("%s is missing: install it with `apt-get install -y chromium chromium-driver`", CHROMIUM)
			.isTrue();
		assertThat(Files.isExecutable(CHROMEDRIVER))
			.as("%s is missing: install it with `apt-get install -y chromium chromium-driver`", CHROMEDRIVER)
			.isTrue();
		profile = Files.createTempDirectory("rhip-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1440,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void signIn() {
		driver.get(url("/login"));
		driver.manage().deleteAllCookies();
		driver.get(url("/login?lang=zh-CN"));
		driver.findElement(By.name("username")).sendKeys("admin");
		driver.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.topbar .user-name")));
	}

	@Test
	void theTianheDashboardShowsItsSixteenIndicatorsWithBaselineTargetAndStatus() throws IOException {
		driver.get(url("/plans/tianhe-2021-2025?year=2020"));

		List<WebElement> rows = driver.findElements(By.cssSelector("table.indicators tr.indicator-row"));
		assertThat(rows).hasSize(16);
		WebElement lifeExpectancy = row("人均期望寿命");
		assertThat(lifeExpectancy.findElement(By.cssSelector("td.baseline")).getText()).isEqualTo("82.7");
		assertThat(lifeExpectancy.findElement(By.cssSelector("td.target")).getText()).isEqualTo("＞83");
		WebElement badge = lifeExpectancy.findElement(By.cssSelector("td.status .badge"));
		assertThat(badge.isDisplayed()).isTrue();
		assertThat(badge.getText()).isIn(STATUSES);
		screenshot("dashboard-tianhe-2020");
	}

	@Test
	void theLanguageSwitchShowsTheDashboardInEnglish() throws IOException {
		driver.get(url("/plans/tianhe-2021-2025?year=2020"));

		driver.findElement(By.cssSelector("header .lang a[lang=en]")).click();

		wait(driver).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
		assertThat(driver.findElement(By.cssSelector("table.indicators")).getText()).containsIgnoringCase("life expectancy");
		assertThat(driver.findElements(By.cssSelector("table.indicators tr.indicator-row"))).hasSize(16);
		// the choice is kept in a cookie for the next pages
		driver.get(url("/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Health plan monitoring");
		screenshot("plans-english");
	}

	@Test
	void theAttributeFilterShowsOnlyTheBindingIndicator() throws IOException {
		driver.get(url("/plans/tianhe-2021-2025?year=2020"));

		new Select(driver.findElement(By.cssSelector("form.filters select[name=attribute]"))).selectByValue("binding");

		wait(driver).until(d -> d.findElements(By.cssSelector("table.indicators tr.indicator-row")).size() == 1);
		WebElement binding = driver.findElement(By.cssSelector("table.indicators tr.indicator-row"));
		assertThat(binding.findElement(By.cssSelector("td.name")).getText()).contains("免疫规划疫苗接种率");
		assertThat(binding.findElement(By.cssSelector(".attr")).getText()).isEqualTo("约束性");
		assertThat(driver.getCurrentUrl()).contains("attribute=binding");
	}

	@Test
	void anIndicatorOpensItsChart() throws IOException {
		driver.get(url("/plans/tianhe-2021-2025?year=2020"));

		row("人均期望寿命").findElement(By.cssSelector("td.name a")).click();

		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-chart[data-rendered=true]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("人均期望寿命");
		WebElement canvas = driver.findElement(By.cssSelector("#row-chart canvas, #row-chart svg"));
		assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(200);
		screenshot("chart-tianhe-life-expectancy");
	}

	@Test
	void anEpidemiologistAnswersACholeraSignalFromTheBoard() throws IOException {
		try {
			security.createUser("epi-tianhe-browser", "天河区疾控流调员", "epi-password-2", Role.EPIDEMIOLOGIST, "440106");
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		OffsetDateTime diagnosed = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
		surveillance.report(new CaseCardInput(null, "cholera", "confirmed", null, "female", 34, "其他", "440106005", null,
				diagnosed, null, "440106-H001", null), new RhipPrincipal("clerk-tianhe-browser", Role.CLERK, Optional.of("440106"), false));
		signInAs("epi-tianhe-browser", "epi-password-2");

		driver.findElement(By.cssSelector("nav.mainnav a[href='/surveillance']")).click();

		WebElement alert = wait(driver).until(d -> d.findElements(By.cssSelector("#alerts li.alert-item.level-red")).stream()
			.filter(a -> a.getText().contains("林和街道")).findFirst().orElse(null));
		assertThat(alert.getText()).contains("红色预警", "肠道传染病", "病例报告");
		WebElement row = driver.findElements(By.cssSelector("#open-signals tr.signal-row.class-a")).stream()
			.filter(r -> r.findElement(By.cssSelector("td.place")).getText().equals("林和街道"))
			.filter(r -> r.findElement(By.cssSelector("td.series")).getText().contains("霍乱"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open cholera signal of 林和街道 on the board"));
		assertThat(row.getText()).contains("甲类管理", "新信号", "固定阈值法");
		assertThat(driver.findElement(By.cssSelector("#notifications")).getText()).contains("林和街道 霍乱");
		screenshot("surveillance-board-tianhe");

		row.findElement(By.cssSelector("td.series a")).click();
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "霍乱 · 林和街道"));
		assertThat(driver.findElements(By.cssSelector("#timeline tr.event-row"))).hasSize(1);
		driver.findElement(By.id("note-verifying")).sendKeys("已电话核实：患者在区人民医院隔离治疗");
		driver.findElement(By.cssSelector("form.move-form[data-status=verifying] button[type=submit]")).click();

		wait(driver).until(ExpectedConditions.textToBe(By.id("signal-status"), "核实中"));
		List<WebElement> timeline = driver.findElements(By.cssSelector("#timeline tr.event-row"));
		assertThat(timeline).hasSize(2);
		assertThat(timeline.get(1).getText()).contains("epi-tianhe-browser", "新信号", "核实中", "患者在区人民医院隔离治疗");
		assertThat(driver.findElements(By.cssSelector("form.move-form")).stream().map(f -> f.getAttribute("data-status")))
			.containsExactly("excluded", "suspected_event");
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signal-chart[data-rendered=true] canvas")));
		screenshot("surveillance-signal-verifying");

		driver.findElement(By.linkText("查看完整流行曲线")).click();
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#curve-chart[data-rendered=true]")));
		WebElement canvas = driver.findElement(By.cssSelector("#curve-chart canvas"));
		assertThat(canvas.getSize().getWidth()).isGreaterThan(600);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(300);
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("霍乱", "林和街道", "流行曲线");
	}

	/** Wujiang (武江区) with three and a half years of synthetic data: what the board and curves look like. */
	@Test
	void aDistrictWithDemoDataShowsItsBoardAndEpidemicCurve() throws IOException {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		RhipPrincipal admin = new RhipPrincipal("admin", Role.ADMIN, Optional.empty(), false);
		List<InjectedOutbreak> outbreaks = demo.generate("440203", today.minusDays(3 * 365 + 150), today.minusDays(1),
				today.minusDays(110), 8, 20260301L, 1.0).outbreaks();
		surveillance.detect("440203", today.minusDays(45), today, admin);
		surveillance.report(new CaseCardInput(null, "cholera", "confirmed", null, "male", 52, "其他", "440203102", null,
				OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES).minusHours(3), null,
				"440203-H001", null), new RhipPrincipal("clerk-wujiang", Role.CLERK, Optional.of("440203"), false));

		driver.get(url("/surveillance?region=440203"));
		assertThat(driver.findElement(By.cssSelector("#alerts")).getText()).contains("红色预警", "西河镇");
		assertThat(driver.findElements(By.cssSelector("#open-signals tr.signal-row")).size()).isGreaterThan(1);
		screenshot("surveillance-board-wujiang");

		InjectedOutbreak influenza = outbreaks.stream()
			.filter(o -> o.stream().equals("cases"))
			.filter(o -> o.subject().equals("influenza") || o.subject().equals("hfmd") || o.subject().equals("other-diarrhoea"))
			.max(Comparator.comparing(InjectedOutbreak::end))
			.orElseThrow();
		LocalDate to = influenza.end().plusDays(30).isAfter(today) ? today : influenza.end().plusDays(30);
		driver.get(url("/surveillance/curve?stream=cases&subject=" + influenza.subject() + "&orgUnit=" + influenza.street()
				+ "&from=" + influenza.start().minusDays(60) + "&to=" + to));
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#curve-chart[data-rendered=true] canvas")));
		screenshot("surveillance-curve-wujiang");
		driver.get(url("/surveillance/cases?orgUnit=440203"));
		assertThat(driver.findElement(By.id("card-summary")).getText()).contains("传染病疫情报告及时率", "%");
		screenshot("surveillance-cases-wujiang");
	}

	@Test
	void aDoctorFindsAPersonSeesTheirBloodPressureAndUnmasksWithAReason() throws IOException {
		PatientRecords records = new PatientRecords("19720315", "262", "冯", "丽华", false, "13812340000", "440983002");
		var first = records.visit("2024-01-08T09:00:00+08:00", "高血压随访", 156, 98);
		records.visit("2024-04-10T09:00:00+08:00", "高血压随访", 144, 92);
		var third = records.visit("2024-07-09T09:00:00+08:00", "高血压随访", 132, 84);
		records.diagnosis(first, "2024-01-08", "I10", "原发性高血压");
		records.fastingGlucose(third, "2024-07-09T09:05:00+08:00", 6.2, "mmol/L");
		assertThat(recordApi.storeAll(records.resources(), "440983-H001")).noneMatch(StoreOutcome::rejected);
		String id = records.idNumber;
		long person = persons.personOfSource("Patient", records.patientId).orElseThrow();
		try {
			security.createUser("doctor-xinyi-browser", "信宜市人民医院医生", "doctor-password-5", Role.DOCTOR, "440983");
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		signInAs("doctor-xinyi-browser", "doctor-password-5");

		driver.findElement(By.cssSelector("nav.mainnav a[href='/persons']")).click();
		driver.findElement(By.id("idNumber")).sendKeys(id);
		driver.findElement(By.cssSelector("form.person-search button[type=submit]")).click();

		WebElement row = wait(driver).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#results tr.person-row[data-person='" + person + "']")));
		assertThat(row.getText()).contains("冯*华", "440983********" + id.substring(14), "女", "1972年3月15日", "玉都街道")
			.doesNotContain(id);
		assertThat(driver.getPageSource()).doesNotContain(id);
		screenshot("persons-search");

		row.findElement(By.cssSelector("a.person-name")).click();
		wait(driver).until(ExpectedConditions.textToBe(By.id("person-name"), "冯*华"));
		assertThat(driver.findElement(By.id("identity")).getText()).contains("身份信息已脱敏显示", "138****0000")
			.doesNotContain(id);
		assertThat(driver.findElement(By.id("timeline")).getText()).contains("2024年", "原发性高血压", "高血压随访", "信宜市人民医院");
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bp-chart[data-rendered=true] canvas")));
		WebElement canvas = driver.findElement(By.cssSelector("#bp-chart canvas"));
		assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(200);
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#glucose-chart[data-rendered=true] canvas")));
		screenshot("person-page");

		driver.findElement(By.id("unmask-reason")).sendKeys("门诊就诊核对身份");
		driver.findElement(By.cssSelector("form.unmask-form button[type=submit]")).click();

		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("unmasked-note")));
		WebElement identity = driver.findElement(By.id("identity"));
		assertThat(identity.findElement(By.cssSelector("code.id-number")).getText()).isEqualTo(id);
		assertThat(identity.getText()).contains("冯丽华", "13812340000", "东门路 12 号", "门诊就诊核对身份");
		screenshot("person-unmasked");

		// back on the page, the identifiers are masked again
		driver.get(url("/persons/" + person));
		assertThat(driver.findElement(By.id("identity")).getText()).doesNotContain(id).contains("冯*华");
	}

	@Test
	void aClerkUploadsAFileAndTheJobPageFollowsItToTheEnd() throws IOException {
		try {
			security.createUser("clerk-xinyi-browser", "信宜市人民医院数据员", "clerk-password-5", Role.CLERK, "440983");
		}
		catch (InvalidInput ex) {
			assertThat(ex.code()).isEqualTo("user.exists");
		}
		Path csv = Files.createTempFile("住院-居民-", ".csv");
		String body = "440983" + "19660606" + "457"; // odd: male
		Files.writeString(csv, "身份证号,姓名,性别,出生日期,联系电话,现住址街道/社区,详细地址,户籍/常住,本机构患者编号,死亡日期\n"
				+ body + org.rhip.platform.id.ResidentIdNumber.checkCharacter(body) + ",骆志刚,男,1966-06-06,,东镇街道,,户籍,XY-B-1,\n"
				+ "44098319660606449X,,男,1966-06-06,,东镇街道,,户籍,XY-B-2,\n");
		signInAs("clerk-xinyi-browser", "clerk-password-5");

		driver.findElement(By.cssSelector("nav.mainnav a[href='/imports']")).click();
		driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		new Select(driver.findElement(By.id("institution"))).selectByValue("440983-H001");
		driver.findElement(By.cssSelector("form.upload-form button[type=submit]")).click();

		// the page polls /api/imports/{id} until the job is done, then offers the error report
		wait(driver).until(ExpectedConditions.attributeToBe(By.id("import-job"), "data-status", "done"));
		assertThat(driver.findElement(By.cssSelector("[data-job-status]")).getText()).isEqualTo("已完成");
		assertThat(driver.findElement(By.cssSelector("[data-job-percent]")).getText()).isEqualTo("100%");
		assertThat(driver.findElement(By.cssSelector("[data-count=created]")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.cssSelector("[data-count=rejected]")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("error-report")).isDisplayed()).isTrue();
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.file-row"), "已完成"));
		screenshot("import-done");
		Files.delete(csv);
	}

	@Test
	void aProgramPageOpensTheListOfThePeopleBehindAFigure() throws IOException {
		CareDistrict.build(jdbc, recordApi, persons);
		driver.get(url("/care?orgUnit=440196&year=2020"));

		driver.findElement(By.cssSelector("tr.care-row[data-indicator=ELDERLY_HEALTH_MGMT] td.name a")).click();

		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#streets-chart[data-rendered=true]")));
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#years-chart[data-rendered=true]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("65岁以上老年人健康管理率");
		assertThat(driver.findElement(By.cssSelector("tr.value-row.district td.value")).getText()).isEqualTo("66.67");
		WebElement bars = driver.findElement(By.cssSelector("#streets-chart canvas"));
		assertThat(bars.getSize().getWidth()).isGreaterThan(300);
		screenshot("care-elderly-440196-2020");

		driver.findElement(By.cssSelector("tr.value-row[data-org-unit='440196002'] td.denominator a")).click();

		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.members")));
		assertThat(driver.findElement(By.id("member-count")).getText()).isEqualTo("共 2 人");
		assertThat(driver.findElements(By.cssSelector("tr.member-row"))).hasSize(2)
			.allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".person-name")).getText()).contains("*"));
		assertThat(driver.findElement(By.id("audited")).isDisplayed()).isTrue();
		screenshot("care-members-440196002-2020");
	}

	private void signInAs(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login?lang=zh-CN"));
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.textToBe(By.cssSelector("header.topbar .user-name"), username));
	}

	private static WebElement row(String name) {
		return driver.findElements(By.cssSelector("table.indicators tr.indicator-row")).stream()
			.filter(r -> r.findElement(By.cssSelector("td.name")).getText().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row named " + name));
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	private static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

}
