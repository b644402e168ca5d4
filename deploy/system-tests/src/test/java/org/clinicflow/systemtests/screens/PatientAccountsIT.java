package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new patient's sign-in, end to end in real browsers: reception registers them at the desk, Keycloak's invitation
 * arrives over SMTP, the patient chooses a password from its link and signs in at the gateway; reception sends the
 * invitation again and switches signing in off.
 */
class PatientAccountsIT extends ScreenTest {

    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "a-long-password-of-iris";

    private static Mailbox mailbox;

    @BeforeAll
    static void signInDetails() throws Exception {
        mailbox = infrastructure.mailbox();
    }

    @Test
    void aNewPatientIsInvitedChoosesAPasswordAndSignsInUntilReceptionSwitchesItOff() throws Exception {
        var email = "iris." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (var rita = Browser.signedIn(system.gatewayUrl(), DemoUsers.RECEPTIONIST, "/desk")) {
            var patientPage = DeskScreens.newEnquiry(rita).startByPhone().registerNew()
                    .fill("Iris", "Newcomer", 9, 10, 1946, "", email).submit().patientPage();
            assertThat(patientPage.name()).isEqualTo("Iris Newcomer");
            assertThat(patientPage.accountState()).containsAnyOf("Being set up", "Invited");

            var invitation = mailbox.await(email, 1, MAIL_WAIT).getFirst();
            assertThat(patientPage.reload("desk-6-patient-invited").accountState()).contains("Invited");

            var patientId = rita.path().substring("/desk/patients/".length()).replaceAll("\\?.*$", "");
            Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(infrastructure.keycloakIssuerUri(),
                    DemoUsers.RECEPTIONIST), UUID.fromString(patientId), DemoUsers.OTHER_SURGEON_CLINICIAN_ID,
                    "FREE_CONSULTATION", java.time.Duration.ofDays(5));
            try (var iris = new Browser(system.gatewayUrl())) {
                choosePassword(iris, linkIn(invitation.body()), "patient-1");
                signInAtTheGateway(iris, email, PASSWORD);
                iris.open("/");
                iris.arrive("patient-2-signed-in", "My appointments");
                assertThat(iris.text("#main-content")).as("the patient sees the appointment reception booked")
                        .contains("Ms Susan Hart");
                assertThat(status(iris, "/api/booking/appointments/mine")).isEqualTo(200);
                // The token names this patient: their own record answers, as for the demo patients.
                assertThat(status(iris, "/api/booking/patients/" + patientId)).isEqualTo(200);
                assertThat(status(iris, "/api/booking/patients/" + DemoUsers.PATIENT_ID)).isEqualTo(404);
            }
            assertThat(patientPage.reload("desk-6-patient-active").accountState()).contains("Active");

            var again = patientPage.sendTheInvitationAgain();
            assertThat(again.banner()).contains("on its way again");
            // Her booking's confirmation goes to the same address; the invitations are Keycloak's.
            assertThat(Eventually.holds(() -> mailbox.to(email).stream()
                    .filter(mail -> mail.subject().contains("Update Your Account")).count() == 2)).isTrue();

            var disabled = again.disableSignIn();
            assertThat(disabled.accountState()).contains("Disabled");
            assertThat(rita.all("button").stream().map(b -> b.getText().strip()))
                    .contains("Enable sign-in").doesNotContain("Send the invitation again");

            try (var iris = new Browser(system.gatewayUrl())) {
                iris.open("/me");
                iris.signInIfAsked(email, PASSWORD);
                new WebDriverWait(iris.driver, Duration.ofSeconds(15))
                        .until(d -> !d.findElements(By.id("kc-form-login")).isEmpty()
                                || !d.getCurrentUrl().contains("/realms/"));
                iris.screenshot("patient-3-disabled");
                assertThat(iris.driver.getCurrentUrl()).contains("/realms/clinic/");
                assertThat(iris.driver.findElement(By.tagName("body")).getText()).containsIgnoringCase("disabled");
            }
        }
    }

    /** Keycloak's pages, from the invitation's link: perhaps a page to go on from, then the new password. */
    private static void choosePassword(Browser browser, String link, String shot) {
        browser.open(link);
        var proceed = browser.driver.findElements(By.cssSelector("#kc-info-message a, #kc-content a[href*='action']"));
        if (!proceed.isEmpty() && browser.driver.findElements(By.id("password-new")).isEmpty()) {
            browser.screenshot(shot + "-invitation");
            browser.submitWith(proceed.getFirst());
        }
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("password-new")).isEmpty());
        browser.screenshot(shot + "-choose-password");
        browser.fill("password-new", PASSWORD);
        browser.fill("password-confirm", PASSWORD);
        browser.submitWith(browser.find("#kc-passwd-update-form [type=submit]"));
        browser.screenshot(shot + "-password-chosen");
    }

    private static void signInAtTheGateway(Browser browser, String email, String password) {
        browser.open("/me");
        browser.signInIfAsked(email, password);
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().startsWith(system.gatewayUrl() + "/me"));
    }

    private static String linkIn(String body) {
        var found = INVITATION_LINK.matcher(body);
        assertThat(found.find()).as("a link in the invitation: " + body.length() + " characters").isTrue();
        return found.group().replace("&amp;", "&");
    }

    /** The status of a GET from the page, with the browser's session (as the screens' own scripts would). */
    private static long status(Browser browser, String path) {
        return (Long) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), () => done(-1));
                """, path);
    }
}
