package vn.lienthong.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (packages chromium and chromium-driver; {@code .ci/run} installs them), or the
 * paths in the system properties {@code chromium.binary} and {@code chromedriver.binary}. Selenium Manager is
 * never asked to download anything: both executables are given.
 *
 * <p>Without them the console tests fail, unless the environment variable {@code LIENTHONG_ALLOW_NO_BROWSER=1}
 * is set, in which case they are skipped.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    /** Where screenshots go, under the module's target directory (surefire runs in the module directory). */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Fails (or, with LIENTHONG_ALLOW_NO_BROWSER=1, skips) when chromium or chromedriver is missing. */
    static void requireBrowser() {
        List<String> missing = new ArrayList<>();
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                missing.add(executable.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Không có trình duyệt cho các kiểm thử bảng điều khiển (no browser for the console tests): "
                + String.join(", ", missing) + " missing; install them with "
                + "`apt-get install chromium chromium-driver` (as .ci/run does), "
                + "or set LIENTHONG_ALLOW_NO_BROWSER=1 to skip these tests";
        if ("1".equals(System.getenv("LIENTHONG_ALLOW_NO_BROWSER"))) {
            Assumptions.abort(message);
        }
        Assertions.fail(message);
    }

    /** Starts Chromium at 1280x800 with a fresh profile in {@code userDataDir}. */
    static HeadlessChromium start(Path userDataDir) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1280,800",
                "--user-data-dir=" + userDataDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG of the viewport under target/console-screenshots and returns its path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file.toAbsolutePath();
    }

    /** The page's HTML, for a failed test's evidence. */
    Path pageSource(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".html");
        Files.writeString(file, driver.getPageSource());
        return file.toAbsolutePath();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
