package org.rhip.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.rhip.support.IntegrationTest;

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
