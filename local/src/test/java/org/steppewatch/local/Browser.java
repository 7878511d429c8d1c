package org.steppewatch.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver. Both paths are given to
 * Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver. A test that
 * needs it is skipped, saying why, on a machine without them; CI installs them (.ci/run).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(env("STEPPEWATCH_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("STEPPEWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration DEADLINE = Duration.ofSeconds(90);

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test (JUnit assumption) when Chromium or chromedriver is not installed, or
     * fails it where they must be (STEPPEWATCH_REQUIRE_BROWSER=true, as .ci/run sets).
     */
    static Browser open() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "browser tests need Chromium and its driver: apt-get install chromium chromium-driver (looked for "
                + CHROMIUM + " and " + CHROMEDRIVER + ")";
        if (!installed && "true".equals(System.getenv("STEPPEWATCH_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(installed, missing);
        Path profile;
        try {
            profile = Files.createTempDirectory("steppewatch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=1440,1000", "--lang=en-GB", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** A wait with a deadline that looks again when the page re-rendered the element it held. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, DEADLINE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The control inside the form element that carries an API field name, e.g. releases[0].massKg. */
    WebElement field(String name) {
        return driver.findElement(By.cssSelector("[data-field='" + name + "'] > input, [data-field='" + name
                + "'] > select, [data-field='" + name + "'] > textarea"));
    }

    /** Saves a screenshot for the docs (and for a person looking at a failure). */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Script errors the page threw (failed requests a page expects, like a 404 before an assessment, are not). */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // a page that breaks its own Content-Security-Policy is an error too
                .filter(m -> m.contains("Uncaught") || m.contains("TypeError") || m.contains("SyntaxError")
                        || m.contains("Content Security Policy"))
                .toList();
    }

    /** Where the docs keep their pictures: docs/images of the repository this module sits in. */
    static Path docsImage(String name) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/images").normalize()
                .resolve(name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Map<String, Object> map(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }
}
