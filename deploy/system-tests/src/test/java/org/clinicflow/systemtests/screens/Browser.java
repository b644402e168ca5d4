package org.clinicflow.systemtests.screens;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One person's browser on the clinic's screens. Page objects use it; tests speak through the page objects. Every
 * page looked at through {@link #arrive(String, String)} is checked by axe-core (no serious or critical finding
 * allowed) and saved as a screenshot.
 */
final class Browser implements AutoCloseable {

    /** Where screenshots go: target/screens always; docs/screens too when asked to refresh them. */
    private static final Path SCREENS = Path.of("target", "screens");
    private static final String REFRESH = System.getProperty("clinicflow.screens", "");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    final ChromeDriver driver;
    final String gateway;

    Browser(String gateway) {
        this.driver = Chromium.open();
        this.gateway = gateway;
    }

    /** A fresh browser that opens {@code path} and signs in at Keycloak's form as {@code user}. */
    static Browser signedIn(String gateway, String user, String path) {
        var browser = new Browser(gateway);
        try {
            browser.open(path);
            browser.signInIfAsked(user, org.clinicflow.localstack.DemoUsers.PASSWORD);
            return browser;
        } catch (RuntimeException | Error failed) {
            // The test never gets the browser to close: a failed sign-in would leave Chromium running.
            browser.close();
            throw failed;
        }
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : gateway + path);
    }

    /** Signs in at Keycloak's own form, as a person would, when the gateway has sent this browser there. */
    void signInIfAsked(String username, String password) {
        if (!driver.findElements(By.id("kc-form-login")).isEmpty()) {
            fill("username", username);
            fill("password", password);
            var login = driver.findElement(By.id("kc-login"));
            login.click();
            // The page the sign-in ends on (the gateway's, or Keycloak's refusal) loaded before the test goes on:
            // otherwise the tail of the sign-in's redirects can land after the test's own navigation and replace it.
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> gone(login)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        }
    }

    /**
     * The page shown now is the screen a test expects: its main heading says so. It is checked for accessibility and
     * saved as {@code name.png}.
     */
    void arrive(String name, String heading) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.tagName("h1")).isEmpty()
                            && d.findElement(By.tagName("h1")).getText().contains(heading));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + name);
            var body = driver.findElements(By.tagName("body"));
            throw new AssertionError("Expected the screen '" + heading + "' but " + driver.getCurrentUrl()
                    + " shows: " + (body.isEmpty() ? driver.getPageSource() : body.getFirst().getText())
                    .replaceAll("\\s+", " ") + "\nConsole: " + console(), e);
        }
        checkAccessibility(name);
        screenshot(name);
    }

    void checkAccessibility(String name) {
        var results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        var blocking = results.getViolations().stream().filter(v -> BLOCKING.contains(v.getImpact())).toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe-core found " + blocking.size() + " serious or critical problem(s) on "
                    + name + " (" + driver.getCurrentUrl() + "):\n" + blocking.stream()
                    .map(v -> "- " + v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> n.getTarget().toString()).limit(3)
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /** The whole page, not only the window: the window is made as tall as the page for the picture. */
    void screenshot(String name) {
        var window = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height, 400), 4000)));
        try {
            var png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(name + ".png"), png);
            if (!REFRESH.isBlank()) {
                Files.createDirectories(Path.of(REFRESH));
                Files.write(Path.of(REFRESH).resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * Whether the page shown fits a screen {@code width} pixels wide without scrolling sideways; the window is put
     * back afterwards. The picture is saved as {@code name.png}.
     */
    boolean fits(int width, int height, String name) {
        var window = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(width, height));
            boolean fits = (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            var png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(name + ".png"), png);
            if (!REFRESH.isBlank()) {
                Files.write(Path.of(REFRESH).resolve(name + ".png"), png);
            }
            return fits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * The page at a phone's width (375 pixels), saved whole as {@code name.png}: whether it fits without scrolling
     * sideways. The window is put back afterwards.
     */
    boolean atPhoneWidth(String name) {
        var window = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(375, 800));
            boolean fits = (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            screenshot(name);
            return fits;
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** For what a page object cannot say in the words of a screen (a script filling a hidden field, say). */
    org.openqa.selenium.remote.RemoteWebDriver driver() {
        return (org.openqa.selenium.remote.RemoteWebDriver) driver;
    }

    /** Chooses a radio button or checkbox by its label, as a person clicks the words rather than the circle. */
    void choose(String inputId) {
        find("label[for='" + inputId + "']").click();
    }

    String console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).collect(Collectors.joining("\n"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String heading() {
        return text("h1");
    }

    void fill(String id, String value) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    void click(String css) {
        find(css).click();
    }

    /** Follows a link or presses a button found by CSS, and waits for the next page. */
    void follow(String css) {
        submitWith(find(css));
    }

    /** Presses the button whose visible text starts with {@code label}, and waits for the next page. */
    void press(String label) {
        submitWith(driver.findElements(By.cssSelector("button, a.govuk-button")).stream()
                .filter(b -> b.getText().strip().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + label + "' on " + driver.getCurrentUrl())));
    }

    /**
     * Clicks something that leads to another page and waits until this one is gone, so that the next look is at the
     * new page (a page that answers with the same heading would otherwise pass for it).
     */
    void submitWith(WebElement element) {
        var page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
    }

    /**
     * Whether the element's page has been replaced. Chromium sometimes answers a look at an element of a page being
     * replaced with an inspector error rather than "stale"; both mean the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return true;
        }
    }

    String path() {
        var url = driver.getCurrentUrl();
        return url.startsWith(gateway) ? url.substring(gateway.length()) : url;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
