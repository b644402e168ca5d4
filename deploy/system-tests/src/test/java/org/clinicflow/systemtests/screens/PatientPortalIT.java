package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in patient's own pages: appointments with where and with whom, a calendar file, moving one within the
 * clinic's rules and being told to call inside its cutoff, the follow-up plan, messages and contact preferences; and
 * nothing of another patient's, whatever is typed into the address.
 */
class PatientPortalIT extends ScreenTest {

    private static String issuer;

    @BeforeAll
    static void signInDetails() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
    }

    @Test
    void aPatientSeesTheirAppointmentAddsItToTheirCalendarAndMovesItWithinTheRules() {
        var reception = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.OTHER_PATIENT_ID,
                DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "FREE_CONSULTATION", Duration.ofDays(6));
        try (var paula = Browser.signedIn(system.gatewayUrl(), DemoUsers.OTHER_PATIENT, "/my")) {
            paula.arrive("portal-1-appointments", "My appointments");
            assertThat(paula.atPhoneWidth("portal-1-appointments-phone")).isTrue();
            assertThat(paula.text("#main-content")).contains("Ms Susan Hart", "Example Street");
            paula.follow("a[href='/my/appointments/" + booked.id() + "']");
            paula.arrive("portal-2-appointment", "Free 15-minute consultation");
            assertThat(paula.text("main")).contains("You can change or cancel online until");

            var calendar = (String) paula.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('calendar').href).then(r => r.text()).then(done)""");
            assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("UID:" + booked.id() + "@clinicflow",
                    "LOCATION:", "Ms Susan Hart");

            paula.press("Change the time");
            paula.arrive("portal-3-move", "Change the time of your appointment");
            assertThat(paula.atPhoneWidth("portal-3-move-phone")).isTrue();
            paula.press("Move my appointment");
            paula.arrive("portal-3-move-none-chosen", "Change the time of your appointment");
            assertThat(paula.text("#startsAt-error")).contains("Choose a new time");
            var chosen = paula.find("label[for='time-0']").getText();
            paula.choose("time-0");
            paula.press("Move my appointment");
            paula.arrive("portal-4-moved", "My appointments");
            assertThat(paula.text(".govuk-notification-banner")).contains("has been moved");
            assertThat(paula.text("#main-content")).contains(chosen);

            paula.open("/my/appointments/" + booked.id() + "/cancel");
            paula.arrive("portal-5-cancel", "Are you sure you want to cancel?");
            paula.press("Yes, cancel it");
            paula.arrive("portal-5-cancelled", "My appointments");
            assertThat(paula.text(".govuk-notification-banner")).contains("has been cancelled");
        }
    }

    @Test
    void insideTheCutoffThePatientIsToldToCallTheClinic() {
        var admin = DemoUsers.accessToken(issuer, DemoUsers.CLINIC_ADMIN);
        var rules = system.gatewayUrl() + "/api/booking/booking-rules/FULL_CONSULTATION";
        assertThat(ApiCall.send("PUT", rules, admin, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":720}",
                Map.of()).status()).isEqualTo(200);
        try (var paula = Browser.signedIn(system.gatewayUrl(), DemoUsers.OTHER_PATIENT, "/my")) {
            var booked = Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST),
                    DemoUsers.OTHER_PATIENT_ID, DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "FULL_CONSULTATION",
                    Duration.ofDays(3));
            paula.open("/my/appointments/" + booked.id());
            paula.arrive("portal-6-too-late", "Full consultation");
            assertThat(paula.text("#too-late")).contains("too close", "020 7946 0000");
            assertThat(paula.all("main a[href$='/move'], main a[href$='/cancel']")).as("no way to change it online")
                    .isEmpty();
            paula.open("/my/appointments/" + booked.id() + "/move");
            assertThat(paula.path()).isEqualTo("/my/appointments/" + booked.id());
        } finally {
            ApiCall.send("PUT", rules, admin, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}", Map.of());
        }
    }

    @Test
    void anotherPatientsAppointmentIsNotFoundWhateverIsTypedIntoTheAddress() {
        var booked = Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST),
                DemoUsers.OTHER_PATIENT_ID, DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "FREE_CONSULTATION",
                Duration.ofDays(8));
        try (var pat = Browser.signedIn(system.gatewayUrl(), DemoUsers.PATIENT, "/my")) {
            pat.arrive("portal-7-pat", "My appointments");
            for (var path : new String[]{"", "/move", "/cancel", "/calendar.ics"}) {
                pat.open("/my/appointments/" + booked.id() + path);
                pat.arrive("portal-7-not-found", "Page not found");
                assertThat(pat.text("body")).doesNotContain("Paula", "Ms Susan Hart");
            }
            pat.open("/my/messages");
            pat.arrive("portal-8-messages", "My messages");
            assertThat(pat.text("main")).doesNotContain("Paula");
            pat.open("/my/follow-up");
            pat.arrive("portal-9-follow-up", "My follow-up");
            assertThat(pat.atPhoneWidth("portal-9-follow-up-phone")).isTrue();

            pat.open("/my/contact");
            pat.arrive("portal-10-contact", "Contact preferences");
            var smsWasOn = pat.find("#sms").isSelected();
            pat.choose("sms");
            pat.press("Save");
            pat.arrive("portal-10-contact-saved", "Contact preferences");
            assertThat(pat.text(".govuk-notification-banner")).contains("saved");
            assertThat(pat.find("#sms").isSelected()).isEqualTo(!smsWasOn);
            pat.choose("sms");
            pat.press("Save");
            assertThat(pat.find("#sms").isSelected()).isEqualTo(smsWasOn);
        }
    }
}
