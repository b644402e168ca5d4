package org.clinicflow.systemtests.screens;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diary and one appointment's page, as reception uses them. */
final class DiaryScreens {

    private DiaryScreens() {
    }

    /** The diary chosen with its own form, as a receptionist would: a clinician, a day, day or week. */
    static Diary diary(Browser browser, String clinician, LocalDate day, boolean week, String shot) {
        browser.open("/diary");
        browser.arrive("diary-0-choose", "Diary");
        new Select(browser.find("#clinician")).selectByVisibleText(clinician);
        browser.fill("day", Integer.toString(day.getDayOfMonth()));
        browser.fill("month", Integer.toString(day.getMonthValue()));
        browser.fill("year", Integer.toString(day.getYear()));
        new Select(browser.find("#view")).selectByValue(week ? "week" : "day");
        browser.press("Show diary");
        return new Diary(browser, shot);
    }

    static AppointmentPage appointment(Browser browser, String id, String patient, String shot) {
        browser.open("/diary/appointments/" + id);
        return new AppointmentPage(browser, patient, shot);
    }

    record Diary(Browser browser, String shot) {
        Diary {
            browser.arrive(shot, "Diary");
        }

        List<String> rows() {
            return browser.all("table.diary-day tbody tr").stream().map(WebElement::getText).toList();
        }

        /** Follows the patient's name in the row of that appointment. */
        AppointmentPage open(String patient, String appointmentId, String shot) {
            var link = browser.all("table.diary-day tbody tr a").stream()
                    .filter(a -> a.getAttribute("href").endsWith(appointmentId)).findFirst()
                    .orElseThrow(() -> new AssertionError("No appointment " + appointmentId + " in " + rows()));
            assertThat(link.getText()).isEqualTo(patient);
            browser.submitWith(link);
            return new AppointmentPage(browser, patient, shot);
        }
    }

    record AppointmentPage(Browser browser, String patient, String shot) {
        AppointmentPage {
            browser.arrive(shot, patient);
        }

        String status() {
            return browser.text("#status");
        }

        String when() {
            return browser.text("#appointment-summary");
        }

        String banner() {
            return browser.all("#done").isEmpty() ? "" : browser.text("#done");
        }

        String refused() {
            return browser.all("#refused").isEmpty() ? "" : browser.text("#refused");
        }

        List<String> history() {
            return browser.all("#history tbody tr").stream().map(WebElement::getText).toList();
        }

        AppointmentPage checkIn(String shot) {
            browser.press("Check in");
            return new AppointmentPage(browser, patient, shot);
        }

        AppointmentPage cancel(String reason, String shot) {
            browser.fill("reason", reason);
            browser.press("Cancel the appointment");
            return new AppointmentPage(browser, patient, shot);
        }

        String fieldError(String field) {
            return browser.text("#" + field + "-error");
        }

        Move move() {
            browser.press("Move to another time");
            return new Move(browser, "diary-4-move");
        }
    }

    record Move(Browser browser, String shot) {
        Move {
            browser.arrive(shot, "Move the appointment");
        }

        List<String> times() {
            return browser.all("#slots tbody tr").stream().map(WebElement::getText).toList();
        }

        AppointmentPage moveTo(int row, String patient) {
            browser.submitWith(browser.all("#slots tbody tr").get(row).findElement(By.tagName("button")));
            return new AppointmentPage(browser, patient, "diary-5-moved");
        }
    }
}
