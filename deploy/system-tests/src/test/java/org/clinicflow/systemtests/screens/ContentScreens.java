package org.clinicflow.systemtests.screens;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treatment-content screens as editors and surgeons use them. Each key screen is also taken at a phone's width
 * ({@code name-phone.png}), where it must fit without scrolling sideways.
 */
final class ContentScreens {

    private ContentScreens() {
    }

    static Overview overview(Browser browser, String shot) {
        browser.open("/content");
        return new Overview(browser, shot);
    }

    static void onAPhone(Browser browser, String shot) {
        if (!browser.fits(375, 812, shot + "-phone")) {
            var window = browser.driver.manage().window().getSize();
            try {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
                throw new AssertionError(shot + " does not fit a 375-pixel phone; too wide: "
                        + browser.driver.executeScript("""
                        return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                            .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)
                            .join('; ')"""));
            } finally {
                browser.driver.manage().window().setSize(window);
            }
        }
    }

    record Overview(Browser browser, String shot) {
        Overview {
            browser.arrive(shot, "Treatment content");
        }

        String banner() {
            return browser.all("#done").isEmpty() ? "" : browser.text("#done");
        }

        String treatmentRow(String slug) {
            return browser.text("#treatment-" + slug);
        }

        List<String> mine() {
            return browser.all("#mine li").stream().map(WebElement::getText).toList();
        }

        List<String> waiting() {
            return browser.all("#waiting li").stream().map(WebElement::getText).toList();
        }

        EditPage startNewVersion(String slug, String title, String shot) {
            browser.follow("#treatment-" + slug + " button");
            return new EditPage(browser, title, shot);
        }

        VersionPage open(String title, String shot) {
            browser.submitWith(browser.all("#mine a").stream().filter(a -> a.getText().startsWith(title)).findFirst()
                    .orElseThrow(() -> new AssertionError("No draft of " + title + " in " + mine())));
            return new VersionPage(browser, title, shot);
        }

        ReviewPage review(String title, String shot) {
            browser.submitWith(browser.all("#waiting a").stream().filter(a -> a.getText().contains(title))
                    .findFirst().orElseThrow(() -> new AssertionError(title + " is not waiting: " + waiting())));
            return new ReviewPage(browser, title, shot);
        }
    }

    record EditPage(Browser browser, String title, String shot) {
        EditPage {
            browser.arrive(shot, "Edit " + title);
        }

        EditPage keyFacts(String duration, String anaesthesia, boolean sameDay, String complications) {
            browser.fill("keyFacts.typicalDuration", duration);
            browser.fill("keyFacts.anaesthesia", anaesthesia);
            browser.click(sameDay ? "#discharge-yes" : "#discharge-no");
            browser.fill("keyFacts.complicationRate", complications);
            return this;
        }

        EditPage section(String key, String markdown) {
            browser.fill("sections." + key, markdown);
            return this;
        }

        String markdown(String key) {
            return browser.driver.findElement(By.id("sections." + key)).getAttribute("value");
        }

        EditPage preview(String shot) {
            browser.press("Save and preview");
            return new EditPage(browser, title, shot);
        }

        WebElement previewOf(String key) {
            return browser.find("#preview-" + key);
        }

        String reviewComment() {
            return browser.text("#review-comment");
        }

        String stale() {
            return browser.all("#stale").isEmpty() ? "" : browser.text("#stale");
        }

        VersionPage save(String shot) {
            browser.press("Save draft");
            return new VersionPage(browser, title, shot);
        }

        VersionPage submit(String shot) {
            browser.press("Save and submit for sign-off");
            return new VersionPage(browser, title, shot);
        }
    }

    record VersionPage(Browser browser, String title, String shot) {
        VersionPage {
            browser.arrive(shot, title);
        }

        String banner() {
            return browser.all("#done").isEmpty() ? "" : browser.text("#done");
        }

        String refused() {
            return browser.all("#refused").isEmpty() ? "" : browser.text("#refused");
        }

        String status() {
            return browser.text("#status");
        }

        String reviewComment() {
            return browser.text("#review-comment");
        }

        String signOff() {
            return browser.text("#sign-off");
        }

        List<String> activity() {
            return browser.all("#activity li").stream().map(WebElement::getText).toList();
        }

        EditPage edit(String shot) {
            browser.press("Edit this draft");
            return new EditPage(browser, title, shot);
        }

        VersionPage publish(String shot) {
            browser.press("Publish this version");
            return new VersionPage(browser, title, shot);
        }

        DiscardPage discard(String shot) {
            browser.press("Discard");
            return new DiscardPage(browser, title, shot);
        }

        History history(String shot) {
            browser.follow("a[href$='/history']");
            return new History(browser, title, shot);
        }
    }

    record ReviewPage(Browser browser, String title, String shot) {
        ReviewPage {
            browser.arrive(shot, "Review " + title);
        }

        List<String> added() {
            return browser.all("#diff ins").stream().map(WebElement::getText).toList();
        }

        List<String> removed() {
            return browser.all("#diff del").stream().map(WebElement::getText).toList();
        }

        List<String> changed() {
            return browser.all("#changed li").stream().map(WebElement::getText).toList();
        }

        String commentError() {
            return browser.all("#comment-error").isEmpty() ? "" : browser.text("#comment-error");
        }

        String problem() {
            return browser.all(".govuk-error-summary").isEmpty() ? "" : browser.text(".govuk-error-summary");
        }

        ReviewPage returnWith(String comment, String shot) {
            browser.fill("comment", comment);
            browser.press("Return with comment");
            return new ReviewPage(browser, title, shot);
        }

        VersionPage returned(String comment, String shot) {
            browser.fill("comment", comment);
            browser.press("Return with comment");
            return new VersionPage(browser, title, shot);
        }

        VersionPage approve(String shot) {
            browser.press("Approve version");
            return new VersionPage(browser, title, shot);
        }

        ReviewPage approveRefused(String shot) {
            browser.press("Approve version");
            return new ReviewPage(browser, title, shot);
        }
    }

    record DiscardPage(Browser browser, String title, String shot) {
        DiscardPage {
            browser.arrive(shot, "Discard " + title);
        }

        DiscardPage discardWithout(String shot) {
            browser.fill("reason", "");
            browser.press("Discard this version");
            return new DiscardPage(browser, title, shot);
        }

        String reasonError() {
            return browser.all("#reason-error").isEmpty() ? "" : browser.text("#reason-error");
        }

        Overview discard(String reason, String shot) {
            browser.fill("reason", reason);
            browser.press("Discard this version");
            return new Overview(browser, shot);
        }
    }

    record History(Browser browser, String title, String shot) {
        History {
            browser.arrive(shot, "Versions of " + title);
        }

        List<String> rows() {
            return browser.all("#history tbody tr").stream().map(WebElement::getText).toList();
        }
    }
}
