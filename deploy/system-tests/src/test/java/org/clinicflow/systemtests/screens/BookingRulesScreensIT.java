package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking rules in a real browser: clinic admin changes one (a value out of range is shown beside its field), and
 * reception, refused by a rule, goes past it with a reason. Full consultations only, whose rules are put back after
 * every test, since the other tests share the database.
 */
class BookingRulesScreensIT extends ScreenTest {

    private static final UUID DR_NAIR = UUID.fromString("c0000000-0000-4000-a000-000000000003");
    private static final String AS_BEFORE = "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}";

    private static String issuer;

    @BeforeAll
    static void signInDetails() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
    }

    @AfterEach
    void putTheRulesBack() {
        var restored = setFullConsultationRules(AS_BEFORE);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    }

    @Test
    void clinicAdminChangesTheRulesOfATypeAndAValueOutOfRangeIsShownBesideItsField() {
        try (var ada = Browser.signedIn(system.gatewayUrl(), DemoUsers.CLINIC_ADMIN, "/admin")) {
            ada.arrive("rules-1-admin", "Administration");
            ada.follow("a[href='/admin/booking-rules']");
            ada.arrive("rules-2-list", "Booking rules");
            assertThat(ada.text("#rule-FULL_CONSULTATION")).contains("Full consultation", "2 hours", "24 hours",
                    "None", "No limit");
            assertThat(ada.atPhoneWidth("rules-2-list-phone")).as("fits a phone").isTrue();

            ada.follow("a[href='/admin/booking-rules/FULL_CONSULTATION']");
            ada.arrive("rules-3-form", "Full consultation");
            ada.fill("bufferMinutes", "150");
            ada.fill("maximumPerDay", "0");
            ada.press("Save the rules");
            ada.arrive("rules-4-refused", "Full consultation");
            assertThat(ada.text("#bufferMinutes-error")).contains("between 0 and 120 minutes");
            assertThat(ada.text("#maximumPerDay-error")).contains("between 1 and 100");
            assertThat(ada.text(".govuk-error-summary")).contains("Buffer", "Maximum per clinician per day");
            assertThat(ada.find("#bufferMinutes").getDomProperty("value")).as("what was typed stays")
                    .isEqualTo("150");
            assertThat(ada.atPhoneWidth("rules-4-refused-phone")).as("fits a phone").isTrue();

            ada.fill("bufferMinutes", "10");
            ada.fill("maximumPerDay", "6");
            ada.press("Save the rules");
            ada.arrive("rules-5-saved", "Booking rules");
            assertThat(ada.text("#done")).contains("saved");
            assertThat(ada.text("#rule-FULL_CONSULTATION")).contains("10 minutes", "6");
        }
    }

    @Test
    void receptionRefusedByTheNoticeBooksWithAReasonForOverriding() {
        // A notice of thirty days: every full consultation the desk can see is inside it.
        setFullConsultationRules("{\"minimumNoticeHours\":720,\"changeCutoffHours\":24}");
        try (var rita = Browser.signedIn(system.gatewayUrl(), DemoUsers.RECEPTIONIST, "/desk")) {
            var slots = DeskScreens.newEnquiry(rita).startByPhone().searchByNameAndBirth("Demo", 12, 5, 1948)
                    .choose("Pat Demo");
            new Select(rita.find("#type")).selectByValue("FULL_CONSULTATION");
            new Select(rita.find("#clinician")).selectByVisibleText("Dr Priya Nair");
            rita.click("#insideRules");
            rita.press("Show times");
            rita.arrive("rules-6-slots-inside-rules", "Choose a time");
            var rows = slots.rows();
            assertThat(rows).isNotEmpty();
            // The latest time shown, out of the way of the desk's other tests, which book the earliest.
            rita.submitWith(rita.all("#slots tbody tr").get(rows.size() - 1)
                    .findElement(org.openqa.selenium.By.tagName("button")));
            rita.arrive("rules-7-confirm", "Confirm the booking");
            rita.fill("reason", "Pain since a fall");
            rita.press("Confirm the booking");

            rita.arrive("rules-8-refused", "Confirm the booking");
            assertThat(rita.text("#overrideReason-error")).contains("minimum notice of 720 hours");
            assertThat(rita.find("#reason").getDomProperty("value")).as("what was typed stays")
                    .isEqualTo("Pain since a fall");
            assertThat(rita.atPhoneWidth("rules-8-refused-phone")).as("fits a phone").isTrue();
            rita.fill("overrideReason", "Surgeon asked to see her this month");
            rita.press("Override the rule and book");
            var booked = new DeskScreens.Booked(rita);
            assertThat(booked.appointmentId()).isNotBlank();
        }
    }

    @Test
    void receptionCancelsInsideTheCutoffOnlyWithAReasonForOverriding() {
        // A cutoff of thirty days: an appointment a few days ahead is inside it.
        setFullConsultationRules("{\"minimumNoticeHours\":2,\"changeCutoffHours\":720}");
        var booked = Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST),
                DemoUsers.OTHER_PATIENT_ID, DR_NAIR, "FULL_CONSULTATION", Duration.ofDays(9));
        try (var rita = Browser.signedIn(system.gatewayUrl(), DemoUsers.RECEPTIONIST, "/diary")) {
            var page = DiaryScreens.appointment(rita, booked.id(), "Paula Demo", "rules-9-appointment");
            rita.fill("reason", "Patient has flu");
            rita.press("Cancel the appointment");
            rita.arrive("rules-10-cancel-refused", "Paula Demo");
            assertThat(page.fieldError("overrideReason")).contains("change cutoff of 720 hours");
            assertThat(page.status()).as("nothing changed").contains("Booked");
            assertThat(rita.find("#reason").getDomProperty("value")).isEqualTo("Patient has flu");
            assertThat(rita.atPhoneWidth("rules-10-cancel-refused-phone")).as("fits a phone").isTrue();

            rita.fill("overrideReason", "Infectious; the surgeon agreed");
            rita.press("Override the rule and cancel");
            var cancelled = new DiaryScreens.AppointmentPage(rita, "Paula Demo", "rules-11-cancelled");
            assertThat(cancelled.status()).contains("Cancelled", "Patient has flu");
            assertThat(cancelled.history()).anySatisfy(line -> assertThat(line).contains("Cancelled",
                    "Rita Reception"));
        }
    }

    private static ApiCall.Response setFullConsultationRules(String json) {
        return ApiCall.send("PUT", system.gatewayUrl() + "/api/booking/booking-rules/FULL_CONSULTATION",
                DemoUsers.accessToken(issuer, DemoUsers.CLINIC_ADMIN), json, Map.of());
    }
}
