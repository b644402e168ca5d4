package org.clinicflow.systemtests.screens;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The reception desk's screens, one page object each, in the order of the flow. */
final class DeskScreens {

    private DeskScreens() {
    }

    static NewEnquiry newEnquiry(Browser browser) {
        browser.open("/desk");
        return new NewEnquiry(browser);
    }

    /** Step 1: the first contact. */
    record NewEnquiry(Browser browser) {
        NewEnquiry {
            browser.arrive("desk-1-new-enquiry", "New enquiry");
        }

        FindPatient startByPhone() {
            browser.find("#channel-phone").click();
            browser.press("Start the enquiry");
            return new FindPatient(browser, "desk-2-find-patient");
        }
    }

    /** Step 2: find the caller among the registered patients. */
    record FindPatient(Browser browser, String shot) {
        FindPatient {
            browser.arrive(shot, "Find the patient");
        }

        String deadline() {
            return browser.text("#access-clock");
        }

        FindPatient searchByNameAndBirth(String familyName, int day, int month, int year) {
            browser.fill("familyName", familyName);
            browser.fill("dobDay", Integer.toString(day));
            browser.fill("dobMonth", Integer.toString(month));
            browser.fill("dobYear", Integer.toString(year));
            browser.press("Search by name and date of birth");
            return new FindPatient(browser, "desk-2-find-patient-found");
        }

        FindPatient searchByNhsNumber(String nhsNumber, String shot) {
            browser.fill("nhsNumber", nhsNumber);
            browser.press("Search by NHS number");
            return new FindPatient(browser, shot);
        }

        String fieldError(String field) {
            return browser.text("#" + field + "-error");
        }

        Slots choose(String patientName) {
            browser.submitWith(browser.all("#matches a").stream().filter(a -> a.getText().contains(patientName))
                    .findFirst().orElseThrow(() -> new AssertionError("No match for " + patientName)));
            return new Slots(browser, "desk-3-slots");
        }

        Register registerNew() {
            browser.press("Register a new patient");
            return new Register(browser, "desk-2-register");
        }
    }

    /** Step 2, for someone new to the clinic. */
    record Register(Browser browser, String shot) {
        Register {
            browser.arrive(shot, "Register a new patient");
        }

        Register fill(String given, String family, int day, int month, int year, String nhsNumber, String email) {
            browser.fill("givenName", given);
            browser.fill("familyName", family);
            browser.fill("dobDay", Integer.toString(day));
            browser.fill("dobMonth", Integer.toString(month));
            browser.fill("dobYear", Integer.toString(year));
            browser.fill("nhsNumber", nhsNumber);
            browser.fill("email", email);
            if (!browser.find("#emailConsent").isSelected()) {
                browser.click("#emailConsent");
            }
            return this;
        }

        Register submitRefused(String shot) {
            browser.press("Register and find a slot");
            return new Register(browser, shot);
        }

        Slots submit() {
            browser.press("Register and find a slot");
            return new Slots(browser, "desk-3-slots-new-patient");
        }

        String fieldError(String field) {
            return browser.text("#" + field + "-error");
        }

        String value(String field) {
            return browser.find("#" + field).getDomProperty("value");
        }

        List<String> summary() {
            return browser.all(".govuk-error-summary__list a").stream().map(WebElement::getText).toList();
        }
    }

    /** Step 3: the earliest free times. */
    record Slots(Browser browser, String shot) {
        Slots {
            browser.arrive(shot, "Choose a time");
        }

        /** Each row's text: when, clinician, site, target. */
        List<String> rows() {
            return browser.all("#slots tbody tr").stream().map(WebElement::getText).toList();
        }

        boolean takenMeanwhile() {
            return !browser.all("#taken").isEmpty();
        }

        Slots filterByClinician(String name) {
            var select = new org.openqa.selenium.support.ui.Select(browser.find("#clinician"));
            select.selectByVisibleText(name);
            browser.press("Show times");
            return new Slots(browser, shot + "-filtered");
        }

        Confirm hold(int row) {
            browser.submitWith(browser.all("#slots tbody tr").get(row).findElement(By.tagName("button")));
            return new Confirm(browser);
        }

        /** The patient's own page, with their sign-in. */
        PatientPage patientPage() {
            browser.follow("#patient-link");
            return new PatientPage(browser, "desk-6-patient");
        }

        /** Holds the row, expecting the time to have gone meanwhile. */
        Slots holdTakenMeanwhile(int row) {
            browser.submitWith(browser.all("#slots tbody tr").get(row).findElement(By.tagName("button")));
            return new Slots(browser, "desk-3-slots-taken-meanwhile");
        }
    }

    /** Step 4: the hold, with its time left, and the confirmation. */
    record Confirm(Browser browser) {
        Confirm {
            browser.arrive("desk-4-confirm", "Confirm the booking");
        }

        String holdLeft() {
            return browser.text("#hold-left");
        }

        String summary() {
            return browser.text("#booking-summary");
        }

        Booked confirm(String reason) {
            browser.fill("reason", reason);
            browser.press("Confirm the booking");
            return new Booked(browser);
        }
    }

    record Booked(Browser browser) {
        Booked {
            browser.arrive("desk-5-booked", "Booked");
        }

        String whatThePatientReceives() {
            return browser.text("#what-they-receive");
        }

        /** The appointment's id, from the page's own address. */
        String appointmentId() {
            var path = browser.path();
            return path.substring("/desk/appointments/".length(), path.indexOf("/booked"));
        }
    }

    /** A patient's details and their sign-in at the clinic's website. */
    record PatientPage(Browser browser, String shot) {
        PatientPage {
            browser.arrive(shot, "");
            if (browser.all("#account").isEmpty()) {
                throw new AssertionError("Not the patient's page: " + browser.path());
            }
        }

        String name() {
            return browser.heading();
        }

        String accountState() {
            return browser.text("#account-state");
        }

        /** The success or problem banner, empty when there is none. */
        String banner() {
            var banners = browser.all(".govuk-notification-banner");
            return banners.isEmpty() ? "" : banners.getFirst().getText();
        }

        /** Looks again, as reception would after a moment. */
        PatientPage reload(String shot) {
            browser.open(browser.path().replaceAll("\\?.*$", ""));
            return new PatientPage(browser, shot);
        }

        PatientPage sendTheInvitationAgain() {
            browser.press("Send the invitation again");
            return new PatientPage(browser, "desk-6-patient-invited-again");
        }

        PatientPage disableSignIn() {
            browser.press("Disable sign-in");
            return new PatientPage(browser, "desk-6-patient-disabled");
        }

        PatientPage enableSignIn() {
            browser.press("Enable sign-in");
            return new PatientPage(browser, "desk-6-patient-enabled");
        }
    }
}
