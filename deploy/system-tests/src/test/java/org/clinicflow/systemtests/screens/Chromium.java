package org.clinicflow.systemtests.screens;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's chromium and its chromedriver, never a browser downloaded by a test tool (this machine reaches only the
 * package registries). When they are missing and this build may install packages (root, with apt-get), they are
 * installed here, so that {@code ./mvnw verify} works on a fresh machine; otherwise the tests stop and say what to
 * install.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static boolean checked;

    private Chromium() {
    }

    static synchronized void ensureInstalled() {
        if (checked) {
            return;
        }
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            boolean mayInstall = "root".equals(System.getProperty("user.name"))
                    && Files.isExecutable(Path.of("/usr/bin/apt-get"));
            if (!mayInstall) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                        + "sudo apt-get install -y chromium chromium-driver");
            }
            System.out.println("Installing chromium and chromium-driver for the browser tests ...");
            run(List.of("apt-get", "update", "-qq"));
            run(List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"));
        }
        checked = true;
    }

    /** A fresh browser: its own empty profile, no network but this machine's, a 1280 × 900 window. */
    static ChromeDriver open() {
        ensureInstalled();
        try {
            var profile = Files.createTempDirectory("clinicflow-chromium-");
            var options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            // Without the networking switches Chromium keeps trying to reach Google's hosts, which this machine
            // cannot, and starts slowly.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-default-apps", "--disable-extensions", "--window-size=1280,900",
                    "--lang=en-GB", "--user-data-dir=" + profile);
            // The console's messages, so that a failing test can say what the page itself complained of.
            var logging = new org.openqa.selenium.logging.LoggingPreferences();
            logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            // A UK desk's browser: on Linux Chromium takes its locale (and so how a date field reads) from LANG.
            var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .withEnvironment(java.util.Map.of("LANG", "en_GB.UTF-8", "LANGUAGE", "en_GB"))
                    .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
