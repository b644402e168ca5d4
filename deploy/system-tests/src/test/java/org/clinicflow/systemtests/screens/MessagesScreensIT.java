package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinic admin changes what the confirmation says and when a reminder goes, in a real browser; the next booking's
 * confirmation, read from the real SMTP server, carries the new words. Both are put back after each test, since the
 * other tests share the system and read its messages.
 */
class MessagesScreensIT extends ScreenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID DR_NAIR = UUID.fromString("c0000000-0000-4000-a000-000000000003");
    private static final String NEW_SUBJECT = "Booked: your appointment with the spine clinic";

    private static String issuer;
    private static Map<String, Object> confirmationBefore;
    private static Map<String, Object> timingBefore;

    @BeforeAll
    static void whatItSaidBefore() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
        var template = ApiCall.get(system.gatewayUrl() + "/api/followup/message-templates/CONFIRMATION", admin());
        assertThat(template.status()).as(template.body()).isEqualTo(200);
        var read = JSON.readTree(template.body());
        confirmationBefore = Map.of("title", read.get("title").asString(), "body", read.get("body").asString(),
                "reason", "Put back after a screen test");
        timingBefore = Map.of("leadHours", 48, "channel", "EMAIL");
    }

    @AfterEach
    void putItBack() throws Exception {
        var template = JSON.readTree(ApiCall.get(system.gatewayUrl()
                + "/api/followup/message-templates/CONFIRMATION", admin()).body());
        if (!template.get("title").asString().equals(confirmationBefore.get("title"))
                || !template.get("body").asString().equals(confirmationBefore.get("body"))) {
            var restored = ApiCall.send("PUT", system.gatewayUrl() + "/api/followup/message-templates/CONFIRMATION",
                    admin(), JSON.writeValueAsString(confirmationBefore),
                    Map.of("If-Match", "\"" + template.get("version").asLong() + "\""));
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
        var timings = JSON.readTree(ApiCall.get(system.gatewayUrl() + "/api/followup/reminder-timings", admin())
                .body());
        var full = timings.valueStream().filter(t -> t.get("appointmentType").asString().equals("FULL_CONSULTATION")
                && t.get("purpose").asString().equals("TWO_DAYS_BEFORE")).findFirst().orElseThrow();
        if (full.get("leadHours").asInt() != 48 || !full.get("channel").asString().equals("EMAIL")) {
            var restored = ApiCall.send("PUT", system.gatewayUrl()
                            + "/api/followup/reminder-timings/FULL_CONSULTATION/TWO_DAYS_BEFORE", admin(),
                    JSON.writeValueAsString(timingBefore),
                    Map.of("If-Match", "\"" + full.get("version").asLong() + "\""));
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void clinicAdminRewordsTheConfirmationAndTheNextBookingIsConfirmedInTheNewWords() {
        try (var ada = Browser.signedIn(system.gatewayUrl(), DemoUsers.CLINIC_ADMIN, "/admin")) {
            ada.arrive("messages-1-admin", "Administration");
            ada.follow("a[href='/admin/messages']");
            ada.arrive("messages-2-list", "Messages to patients");
            assertThat(ada.text("#template-CONFIRMATION")).contains("Booking confirmation",
                    (String) confirmationBefore.get("title"));
            assertThat(ada.text("#timing-FULL_CONSULTATION-TWO_DAYS_BEFORE")).contains("First reminder",
                    "48 hours before", "Email");
            assertThat(ada.atPhoneWidth("messages-2-list-phone")).as("fits a phone").isTrue();

            ada.follow("a[href='/admin/messages/templates/CONFIRMATION']");
            ada.arrive("messages-3-template", "Booking confirmation");
            assertThat(ada.text("#placeholders")).contains("{when}", "{site}", "{clinician}");
            // Where is left out, and no reason given: both are refused beside their fields, and what was typed stays.
            var withoutWhere = "Your {appointment} with {clinician} is booked for {when}.";
            ada.fill("title", NEW_SUBJECT);
            ada.fill("body", withoutWhere);
            ada.press("Save the wording");
            ada.arrive("messages-4-refused", "Booking confirmation");
            assertThat(ada.text("#reason-error")).contains("Say why");
            ada.fill("reason", "Plainer words, asked for by patients");
            ada.press("Save the wording");
            ada.arrive("messages-5-refused-by-followup", "Booking confirmation");
            assertThat(ada.text("#body-error")).contains("{site}");
            assertThat(ada.text(".govuk-error-summary")).contains("Message");
            assertThat(ada.find("#body").getDomProperty("value")).as("what was typed stays").isEqualTo(withoutWhere);
            assertThat(ada.atPhoneWidth("messages-5-refused-phone")).as("fits a phone").isTrue();

            ada.fill("body", "Your {appointment} is booked.\n\nWhen: {when}\nWhere: {site}\nWho you will see: "
                    + "{clinician}\n\nPlease bring a list of the medicines you take.");
            ada.press("Save the wording");
            ada.arrive("messages-6-saved", "Messages to patients");
            assertThat(ada.text("#saved")).contains("saved");
            assertThat(ada.text("#template-CONFIRMATION")).contains(NEW_SUBJECT);

            ada.follow("a[href='/admin/messages/templates/CONFIRMATION']");
            ada.arrive("messages-7-history", "Booking confirmation");
            assertThat(ada.text("main")).contains("History");
            assertThat(ada.all(".govuk-details")).isNotEmpty();
        }

        // The next booking's confirmation, over real SMTP, in the new words, naming where and with whom.
        Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST),
                DemoUsers.PATIENT_ID, DR_NAIR, "FULL_CONSULTATION", Duration.ofDays(11));
        var mailbox = infrastructure.mailbox();
        assertThat(Eventually.holds(() -> mailbox.to("pat.demo@example.test").stream()
                .anyMatch(mail -> mail.subject().equals(NEW_SUBJECT)))).isTrue();
        var mail = mailbox.to("pat.demo@example.test").stream().filter(m -> m.subject().equals(NEW_SUBJECT))
                .findFirst().orElseThrow();
        assertThat(mail.body()).contains("Please bring a list of the medicines you take", "Dr Priya Nair",
                "Who you will see:", "Where:");
    }

    @Test
    void clinicAdminMovesAReminderAndAValueOutOfRangeIsShownBesideItsField() {
        try (var ada = Browser.signedIn(system.gatewayUrl(), DemoUsers.CLINIC_ADMIN, "/admin/messages")) {
            ada.arrive("messages-8-list", "Messages to patients");
            ada.follow("a[href='/admin/messages/timings/FULL_CONSULTATION/TWO_DAYS_BEFORE']");
            ada.arrive("messages-9-timing", "First reminder");
            ada.fill("leadHours", "400");
            ada.press("Save the timing");
            ada.arrive("messages-10-timing-refused", "First reminder");
            assertThat(ada.text("#leadHours-error")).contains("1 to 336 hours");
            assertThat(ada.find("#leadHours").getDomProperty("value")).isEqualTo("400");

            ada.fill("leadHours", "24");
            ada.choose("channel-sms");
            ada.press("Save the timing");
            ada.arrive("messages-11-timing-saved", "Messages to patients");
            assertThat(ada.text("#saved")).contains("The reminder timing is saved");
            assertThat(ada.text("#timing-FULL_CONSULTATION-TWO_DAYS_BEFORE")).contains("24 hours before",
                    "Text message");
            assertThat(ada.text("#timing-FREE_CONSULTATION-TWO_DAYS_BEFORE")).as("other types keep theirs")
                    .contains("48 hours before", "Email");
        }
    }

    private static String admin() {
        return DemoUsers.accessToken(issuer, DemoUsers.CLINIC_ADMIN);
    }
}
