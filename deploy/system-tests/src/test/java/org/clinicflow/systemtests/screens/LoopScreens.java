package org.clinicflow.systemtests.screens;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens that close follow-up's loops, as the people who use them see them: reception's to-do page (48-hour
 * alerts, overdue GP tasks, recalls to book) and one task's page with its scan result and closure forms.
 */
final class LoopScreens {

    private LoopScreens() {
    }

    static ToDo toDo(Browser browser, String shot) {
        browser.open("/todo");
        return new ToDo(browser, shot);
    }

    record ToDo(Browser browser, String shot) {
        ToDo {
            browser.arrive(shot, "To do");
        }

        /** The 48-hour alert raised for this enquiry, if the page shows one. */
        List<WebElement> alert(String enquiryId) {
            return browser.all("#alert-" + enquiryId);
        }

        /**
         * Presses Tab until the alert's own Acknowledge button has the focus (no more than 80 presses), then Enter:
         * the page reached with the keyboard alone.
         */
        ToDo acknowledgeWithTheKeyboard(String enquiryId, String shot) {
            var keys = new Actions(browser.driver);
            int presses = 0;
            while (!focusedIn("alert-" + enquiryId)) {
                assertThat(++presses).as("Tab reaches the alert's Acknowledge button").isLessThan(80);
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(browser.driver.switchTo().activeElement().getText()).startsWith("Acknowledge");
            var page = browser.find("html");
            keys.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
            return new ToDo(browser, shot);
        }

        private boolean focusedIn(String rowId) {
            var row = ((JavascriptExecutor) browser.driver).executeScript(
                    "var a = document.activeElement; var tr = a && a.tagName === 'BUTTON' && a.closest('tr');"
                            + " return tr ? tr.id : null;");
            return rowId.equals(row);
        }

        List<WebElement> task(String taskId) {
            return browser.all("#task-" + taskId);
        }

        ToDo letterSent(String taskId, String shot) {
            browser.submitWith(browser.find("#task-" + taskId + " button"));
            return new ToDo(browser, shot);
        }

        TaskPage recordScanResult(String taskId, String title, String shot) {
            var link = browser.all("#task-" + taskId + " a").stream()
                    .filter(a -> a.getText().startsWith("Record scan result")).findFirst()
                    .orElseThrow(() -> new AssertionError("No Record scan result link in "
                            + browser.text("#task-" + taskId)));
            browser.submitWith(link);
            return new TaskPage(browser, title, shot);
        }

        String banner() {
            return browser.text(".govuk-notification-banner");
        }

        /** Each review or recall waiting to be booked, as its card reads. */
        List<String> toBook() {
            return browser.all(".govuk-summary-card").stream().map(WebElement::getText).toList();
        }
    }

    static TaskPage task(Browser browser, String taskId, String title, String shot) {
        browser.open("/todo/tasks/" + taskId);
        return new TaskPage(browser, title, shot);
    }

    record TaskPage(Browser browser, String title, String shot) {
        TaskPage {
            browser.arrive(shot, title);
        }

        String status() {
            return browser.text("#task-status");
        }

        boolean offersClosure() {
            return !browser.all("#closure-form").isEmpty();
        }

        /** The result form as a person fills it: "The scan was done", its date in three fields, what it found. */
        TaskPage scanDone(int day, int month, int year, String found, String shot) {
            browser.choose("outcome-done");
            browser.fill("scanDay", Integer.toString(day));
            browser.fill("scanMonth", Integer.toString(month));
            browser.fill("scanYear", Integer.toString(year));
            browser.fill("result", found);
            browser.press("Record the result");
            return new TaskPage(browser, title, shot);
        }

        String error(String field) {
            return browser.text("#" + field + "-error");
        }

        String summary() {
            return browser.text(".govuk-error-summary");
        }
    }
}
