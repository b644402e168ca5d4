package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The diary in a real browser: reading a day and a week, checking in, cancelling, moving, and two people at once. */
class DiaryScreensIT extends ScreenTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final UUID DR_ELLIS = UUID.fromString("c0000000-0000-4000-a000-000000000004");
    private static final UUID MS_HART = DemoUsers.OTHER_SURGEON_CLINICIAN_ID;
    /** One of the demo patients with a history (booking-service's V903). */
    private static final UUID MARGARET_DEMO = UUID.fromString("a0000000-0000-4000-a000-000000000102");

    private static String reception;

    @BeforeAll
    static void signInDetails() throws Exception {
        reception = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
    }

    @Test
    void receptionReadsTheDayAndWeekAndChecksInThePatientWhoArrived() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.PATIENT_ID, DR_ELLIS,
                "FREE_CONSULTATION", Duration.ofDays(2));
        Bookings.bringToToday(booked.id());
        var today = LocalDate.now(CLINIC);
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var day = DiaryScreens.diary(rita, "Dr Tom Ellis", today, false, "diary-1-day");
            var appointment = day.open("Pat Demo", booked.id(), "diary-2-appointment");
            assertThat(appointment.status()).contains("Booked");

            var checkedIn = appointment.checkIn("diary-3-checked-in");
            assertThat(checkedIn.banner()).contains("checked in");
            assertThat(checkedIn.status()).contains("Checked in");
            assertThat(checkedIn.history()).anySatisfy(line -> assertThat(line).contains("Checked in",
                    "Rita Reception"));

            var week = DiaryScreens.diary(rita, "Dr Tom Ellis", today, true, "diary-1-week");
            assertThat(week.rows()).anySatisfy(row -> assertThat(row).contains("Pat Demo", "Checked in"));
        }
    }

    @Test
    void aPatientWhoDidNotComeIsMarkedSoOnceTheirTimeHasCome() {
        // Someone and a clinician that no other test brings to today: two appointments of one clinician, or of one
        // patient, cannot both be "a few minutes ago".
        var booked = Bookings.book(system.gatewayUrl(), reception, MARGARET_DEMO, MS_HART, "FREE_CONSULTATION",
                Duration.ofDays(2));
        Bookings.bringToToday(booked.id());
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            DiaryScreens.appointment(rita, booked.id(), "Margaret Demo", "diary-2-appointment-now");
            rita.press("Did not attend");
            var marked = new DiaryScreens.AppointmentPage(rita, "Margaret Demo", "diary-3-did-not-attend");
            assertThat(marked.status()).contains("Did not attend");
            assertThat(marked.history()).anySatisfy(line -> assertThat(line).contains("Marked did not attend"));
            assertThat(marked.banner()).contains("did not attend");
        }
    }

    @Test
    void aCancellationNeedsAReasonAndTheHistoryKeepsIt() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.OTHER_PATIENT_ID, DR_ELLIS,
                "FREE_CONSULTATION", Duration.ofDays(3));
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var page = DiaryScreens.appointment(rita, booked.id(), "Paula Demo", "diary-2-appointment-later");

            var early = page.checkIn("diary-3-check-in-refused");
            assertThat(early.refused()).contains("only on the day");
            assertThat(early.status()).contains("Booked");

            var noReason = early.cancel("", "diary-6-cancel-without-reason");
            assertThat(noReason.fieldError("reason")).contains("Enter why the appointment is cancelled");
            assertThat(noReason.status()).as("nothing changed").contains("Booked");

            var cancelled = noReason.cancel("Patient feels better", "diary-6-cancelled");
            assertThat(cancelled.status()).contains("Cancelled", "Patient feels better");
            assertThat(cancelled.history()).anySatisfy(line -> assertThat(line)
                    .contains("Cancelled", "Rita Reception", "Patient feels better"));
        }
    }

    @Test
    void aMoveIsOneStepToAFreeTimeAndTheOldTimeIsFreed() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.PATIENT_ID, DR_ELLIS,
                "FREE_CONSULTATION", Duration.ofDays(4));
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            var move = DiaryScreens.appointment(rita, booked.id(), "Pat Demo", "diary-2-appointment-to-move").move();
            // The latest time offered, not the earliest: the desk's tests book Pat at the earliest free time today.
            var newTime = move.times().getLast();

            var moved = move.moveTo(move.times().size() - 1, "Pat Demo");
            assertThat(moved.banner()).contains("moved");
            assertThat(moved.status()).contains("Booked");
            assertThat(moved.when()).contains(newTime.substring(newTime.indexOf(", ") + 2, newTime.indexOf(", ") + 7));
            assertThat(moved.history()).anySatisfy(line -> assertThat(line).contains("Moved", "from", "to"));
        }
    }

    @Test
    void aStaleEditSaysThatSomeoneElseChangedTheAppointment() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.OTHER_PATIENT_ID, DR_ELLIS,
                "FREE_CONSULTATION", Duration.ofDays(5));
        try (var rita = signedIn(DemoUsers.RECEPTIONIST); var ada = signedIn(DemoUsers.CLINIC_ADMIN)) {
            var ritas = DiaryScreens.appointment(rita, booked.id(), "Paula Demo", "diary-7-open-twice");
            var adas = DiaryScreens.appointment(ada, booked.id(), "Paula Demo", "diary-7-open-twice");

            adas.cancel("Clinic closed for training", "diary-7-cancelled-by-the-other");
            var stale = ritas.cancel("Patient rang to cancel", "diary-7-stale");

            assertThat(stale.refused()).contains("Someone else changed this appointment");
            assertThat(stale.status()).as("the page shows it as it is now").contains("Cancelled",
                    "Clinic closed for training");
            assertThat(stale.history()).noneSatisfy(line -> assertThat(line).contains("Patient rang to cancel"));
        }
    }

    @Test
    void anExpiredSessionSignsInAgainAndReturnsToThePageAsked() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.PATIENT_ID, DR_ELLIS,
                "FREE_CONSULTATION", Duration.ofDays(6));
        try (var rita = signedIn(DemoUsers.RECEPTIONIST)) {
            DiaryScreens.appointment(rita, booked.id(), "Pat Demo", "diary-2-appointment-to-move");
            // The gateway's session and Keycloak's both gone, as after a night away from the desk.
            // (Every cookie of the browser, Keycloak's on its own paths included, not only this page's.)
            rita.driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            rita.open("/diary/appointments/" + booked.id() + "/move");
            assertThat(rita.all("#kc-form-login")).as("asked to sign in again").isNotEmpty();
            rita.signInIfAsked(DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
            rita.arrive("diary-4-move", "Move the appointment");
            assertThat(rita.path()).isEqualTo("/diary/appointments/" + booked.id() + "/move");
        }
    }

    private static Browser signedIn(String user) {
        return Browser.signedIn(system.gatewayUrl(), user, "/diary");
    }
}
