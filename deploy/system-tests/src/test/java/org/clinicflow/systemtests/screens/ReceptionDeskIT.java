package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The reception desk in a real browser: a phone enquiry to a booked consultation, and what goes wrong on the way. */
class ReceptionDeskIT extends ScreenTest {

    private static String issuer;

    @BeforeAll
    static void signInDetails() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
    }

    @Test
    void receptionistTakesAPhoneEnquiryThroughToABookedConsultation() {
        var mailbox = infrastructure.mailbox();
        int mailBefore = mailbox.to("pat.demo@example.test").size();
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var found = DeskScreens.newEnquiry(rita).startByPhone();
            assertThat(found.deadline()).contains("48-hour deadline").containsPattern("(1 day|4[0-8] h|47 h) ");

            var slots = found.searchByNameAndBirth("Demo", 12, 5, 1948).choose("Pat Demo");
            assertThat(slots.rows()).isNotEmpty()
                    .allSatisfy(row -> assertThat(row).containsAnyOf("Within 48 hours", "Outside 48 hours"));

            // The latest time offered that is not Mr Reid's: other tests bring Pat's appointments and Mr Reid's
            // theatre list to the present moment, and a booking here in that hour would stand in their way.
            var rows = slots.rows();
            int pick = rows.size() - 1;
            while (pick > 0 && rows.get(pick).contains("Mr Samuel Reid")) {
                pick--;
            }
            var confirm = slots.hold(pick);
            assertThat(confirm.holdLeft()).endsWith("left");
            assertThat(confirm.summary()).contains("Pat Demo", "Free 15-minute consultation");

            var booked = confirm.confirm("Back pain since a fall");
            assertThat(booked.whatThePatientReceives()).contains("pat.demo@example.test", "reminder");

            // followup-service heard of the booking and planned Pat's confirmation.
            var patToken = DemoUsers.accessToken(issuer, DemoUsers.PATIENT);
            assertThat(Eventually.holds(() -> ApiCall.get(system.gatewayUrl() + "/api/followup/notifications/mine",
                    patToken).body().contains(booked.appointmentId()))).isTrue();
            // ... and sent it over SMTP, to the local stack's mail server.
            assertThat(mailbox.await("pat.demo@example.test", mailBefore + 1, Duration.ofSeconds(60)))
                    .hasSizeGreaterThan(mailBefore);
        }
    }

    @Test
    void twoReceptionistsRaceForTheSameSlotAndTheSecondIsOfferedOthers() {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST); var ada = signedIn(DemoUsers.CLINIC_ADMIN)) {
            // Two callers registered here, free at every time: Pat and Paula may already be booked by another test
            // at the contested time, and a patient is never booked twice at once, which would spoil the race.
            var suffix = Long.toString(System.nanoTime() % 100_000);
            var ritaSlots = DeskScreens.newEnquiry(rita).startByPhone().registerNew()
                    .fill("Rhea", "Racer" + suffix, 1, 2, 1950, "", "rhea.racer" + suffix + "@example.test").submit()
                    .filterByClinician("Dr Priya Nair");
            var adaSlots = DeskScreens.newEnquiry(ada).startByPhone().registerNew()
                    .fill("Ava", "Racer" + suffix, 2, 3, 1951, "", "ava.racer" + suffix + "@example.test").submit()
                    .filterByClinician("Dr Priya Nair");
            var contested = ritaSlots.rows().getFirst();
            assertThat(adaSlots.rows().getFirst()).isEqualTo(contested);

            ritaSlots.hold(0).confirm("");
            var offered = adaSlots.holdTakenMeanwhile(0);

            assertThat(offered.takenMeanwhile()).isTrue();
            assertThat(offered.rows()).isNotEmpty().doesNotContain(contested);
        }
    }

    @Test
    void aMistypedNhsNumberIsShownNextToItsFieldAndNothingIsStored() throws Exception {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var register = DeskScreens.newEnquiry(rita).startByPhone().registerNew()
                    .fill("Wendy", "Mistyped", 3, 4, 1951, "943 476 5918", "wendy@example.test")
                    .submitRefused("desk-2-register-refused");

            assertThat(register.fieldError("nhsNumber")).contains("NHS number");
            assertThat(register.value("givenName")).as("what was typed stays").isEqualTo("Wendy");
            assertThat(register.summary()).anySatisfy(line -> assertThat(line).contains("NHS number"));

            DeskScreens.newEnquiry(rita).startByPhone().searchByNameAndBirth("Mistyped", 3, 4, 1951);
            assertThat(rita.text("#matches")).contains("0 patients found");
        }
        // What was typed about her reached the screens, the gateway and booking-service: none of their logs has it.
        for (var process : system.processes()) {
            assertThat(java.nio.file.Files.readString(process.logFile())).as(process.name())
                    .doesNotContain("Mistyped", "wendy@example.test", "9434765918", "943 476 5918", "1951-04-03");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndNothingIsStored() {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            DeskScreens.newEnquiry(rita);
            // The same request the form makes, with the session cookie but without the form's _csrf field: what a
            // page on another site could make the browser send.
            var status = rita.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/desk/enquiries', {method: 'POST', redirect: 'manual',
                            body: new URLSearchParams({channel: 'PHONE', referrer: 'Forged'})})
                        .then(r => done(r.status), e => done(String(e)));""");
            assertThat(status).isEqualTo(403L);
            var token = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
            assertThat(ApiCall.get(system.gatewayUrl() + "/api/booking/enquiries/awaiting-booking?size=200", token)
                    .body()).doesNotContain("Forged");
        }
    }

    @Test
    void anEnquiryCanBeStartedWithTheKeyboardAlone() {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            DeskScreens.newEnquiry(rita);
            var keys = new org.openqa.selenium.interactions.Actions(rita.driver);
            // The first Tab reaches the skip link, as on every page.
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertThat(rita.driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
            int presses = 0;
            while (!rita.driver.switchTo().activeElement().getText().startsWith("Start the enquiry")) {
                assertThat(++presses).as("Tab reaches the button").isLessThan(40);
                keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            }
            var page = rita.find("html");
            keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            new org.openqa.selenium.support.ui.WebDriverWait(rita.driver, Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
            rita.arrive("desk-2-find-patient", "Find the patient");
        }
    }

    @Test
    void theDeskFitsAReceptionScreenAndATablet() {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var slots = DeskScreens.newEnquiry(rita).startByPhone().searchByNameAndBirth("Demo", 12, 5, 1948)
                    .choose("Pat Demo");
            assertThat(slots.rows()).isNotEmpty();
            assertThat(rita.fits(1024, 768, "desk-3-slots-1024")).as("a 1024-pixel reception screen").isTrue();
            assertThat(rita.fits(768, 1024, "desk-3-slots-tablet")).as("a tablet held upright").isTrue();
            rita.open("/diary");
            rita.arrive("diary-0-choose", "Diary");
            assertThat(rita.fits(1024, 768, "diary-0-1024")).isTrue();
            assertThat(rita.fits(768, 1024, "diary-0-tablet")).isTrue();
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            DeskScreens.newEnquiry(rita);
            rita.press("Sign out");
            rita.arrive("home-1-signed-out", "Spine clinic");
            assertThat(rita.all("#navigation")).as("no menu once signed out").isEmpty();
            rita.open("/todo");
            assertThat(rita.all("#kc-form-login")).as("Keycloak asks for the password again").isNotEmpty();
        }
    }

    private static Browser signedIn(String user) {
        return Browser.signedIn(system.gatewayUrl(), user, "/desk");
    }
}
