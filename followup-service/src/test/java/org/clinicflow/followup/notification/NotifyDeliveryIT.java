package org.clinicflow.followup.notification;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.NotifyStandIn;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Texts go through GOV.UK Notify's own client to a stand-in that checks its JWT as Notify does and reports each
 * text's fate later; SENT is then followed by what Notify says: delivered, or a failure that is acted on.
 */
class NotifyDeliveryIT extends FollowupServiceIT {

    private static final String APPOINTMENTS = "clinic.booking.appointment";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTextCountsAsDeliveredOnlyOnceNotifySaysSoAndThePatientSeesIt() throws Exception {
        daytime();
        var mine = url("/api/followup/contact-preferences/mine");
        try {
            assertThat(put(mine, "{\"emailOptOut\":true,\"smsOptOut\":false}").statusCode()).isEqualTo(200);
            var appointmentId = UUID.randomUUID();
            publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(),
                    appointmentId, DemoUsers.PATIENT_ID, Events.daysAhead(15)));
            await(Duration.ofSeconds(30), () -> confirmation(appointmentId, "status") != null
                    && "SENT".equals(confirmation(appointmentId, "status")));
            var id = UUID.fromString(confirmation(appointmentId, "id::text"));
            // Accepted is not arrived: Notify answers "sending" when first asked, and only then "delivered".
            await(Duration.ofSeconds(30), () -> "DELIVERED".equals(confirmation(appointmentId, "delivery")));
            assertThat(confirmation(appointmentId, "delivered_at")).isNotNull();
            assertThat(confirmation(appointmentId, "provider_id::text"))
                    .isEqualTo(sms.delivered().get(id.toString()).id().toString());
            // A first try asks Notify nothing before sending: there is nothing it could hold yet.
            assertThat(sms.lookupsFor(id.toString())).isZero();

            var seen = ApiCall.get(url("/api/followup/notifications/mine"), tokenFor(DemoUsers.PATIENT));
            assertThat(seen.status()).isEqualTo(200);
            var view = json.readTree(seen.body()).valueStream()
                    .filter(n -> n.get("id").asString().equals(id.toString())).findFirst().orElseThrow();
            assertThat(view.get("channel").asString()).isEqualTo("SMS");
            assertThat(view.get("delivery").asString()).isEqualTo("DELIVERED");
            assertThat(view.get("deliveredAt").isNull()).isFalse();
        } finally {
            put(mine, "{\"emailOptOut\":false,\"smsOptOut\":false}");
        }
    }

    @Test
    void aPermanentFailureFallsBackToConsentedEmailOrReachesTheWorklistWithWhatNotifySaid() throws Exception {
        daytime();
        var withEmail = registerPatient(true, true, true, true);
        var textOnly = registerPatient(false, false, true, true);
        sms.reportFor(withEmail.mobile(), "permanent-failure");
        sms.reportFor(textOnly.mobile(), "permanent-failure");
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        // Two-hour reminders go by text first; these appointments are near enough for the reminder to be due now.
        var soon = OffsetDateTime.now(TestClockConfiguration.CLOCK).plusHours(2).plusSeconds(3).withNano(0);
        publish(APPOINTMENTS, first.toString(), Events.appointmentBooked(UUID.randomUUID(), first, withEmail.id(),
                soon));
        publish(APPOINTMENTS, second.toString(), Events.appointmentBooked(UUID.randomUUID(), second, textOnly.id(),
                soon));

        await(Duration.ofSeconds(40), () -> "EMAILSENT".equals(reminder(first, "channel || status")));
        assertThat(reminder(first, "fallen_back::text")).isEqualTo("true");
        // Notify accepted the text, which then never arrived: that is why the email went.
        assertThat(sms.deliveredTo(withEmail.mobile())).hasSize(1);
        assertThat(mailsTo(withEmail.email())).extracting(m -> m.getSubject()).contains("Reminder: your appointment");

        await(Duration.ofSeconds(40), () -> "FAILED".equals(reminder(second, "status")));
        assertThat(reminder(second, "delivery")).isEqualTo("PERMANENT_FAILURE");
        var worklist = ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST));
        var failed = json.readTree(worklist.body()).get("failedMessages").valueStream()
                .filter(m -> m.get("notificationId").asString().equals(reminder(second, "id::text")))
                .findFirst().orElseThrow();
        assertThat(failed.get("delivery").asString()).isEqualTo("PERMANENT_FAILURE");
        assertThat(failed.get("reason").asString()).contains("permanent failure");
        assertThat(worklist.body()).doesNotContain(textOnly.mobile());
    }

    @Test
    void aTemporaryFailureIsSentAgainUntilItArrivesAndNoMoreOftenThanTheBudgetAllows() {
        daytime();
        var arrives = registerPatient(false, false, true, true);
        var neverArrives = registerPatient(false, false, true, true);
        sms.reportFor(arrives.mobile(), "temporary-failure");
        sms.reportFor(neverArrives.mobile(), "temporary-failure");
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        publish(APPOINTMENTS, first.toString(), Events.appointmentBooked(UUID.randomUUID(), first, arrives.id(),
                Events.daysAhead(16)));
        publish(APPOINTMENTS, second.toString(), Events.appointmentBooked(UUID.randomUUID(), second,
                neverArrives.id(), Events.daysAhead(16)));

        await(Duration.ofSeconds(40), () -> confirmation(first, "id::text") != null
                && sms.requestsFor(confirmation(first, "id::text")) >= 2);
        sms.reportFor(arrives.mobile(), "delivered");
        await(Duration.ofSeconds(40), () -> "DELIVERED".equals(confirmation(first, "delivery")));
        assertThat(confirmation(first, "status")).isEqualTo("SENT");

        // Five tries (the budget in these tests), then the worklist: never a sixth text.
        await(Duration.ofSeconds(60), () -> "FAILED".equals(confirmation(second, "status")));
        var id = confirmation(second, "id::text");
        assertThat(sms.requestsFor(id)).isEqualTo(5);
        assertThat(confirmation(second, "delivery")).isEqualTo("TEMPORARY_FAILURE");
    }

    @Test
    void aTokenNotifyRefusesLeavesTheTextWaitingAndNeverCountsItAsSent() {
        daytime();
        var patient = registerPatient(false, false, true, true);
        sms.revokeKey();
        var refusedBefore = sms.tokensRefused();
        var appointmentId = UUID.randomUUID();
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), Events.daysAhead(17)));
        await(Duration.ofSeconds(30), () -> sms.tokensRefused() > refusedBefore
                && confirmation(appointmentId, "last_error") != null);
        // Refused for its token, then held back while the channel's breaker is open: waiting either way.
        assertThat(confirmation(appointmentId, "last_error")).containsAnyOf("403", "channel paused");
        assertThat(confirmation(appointmentId, "status")).isNotEqualTo("SENT");
        assertThat(sms.deliveredTo(patient.mobile())).isEmpty();

        sms.recover();
        await(Duration.ofSeconds(60), () -> "SENT".equals(confirmation(appointmentId, "status")));
        assertThat(sms.deliveredTo(patient.mobile())).hasSize(1);
    }

    @Test
    void theStandInRefusesTokensNotifyWouldRefuse() throws Exception {
        var wrongSecret = new NotificationClient("clinicflow_test-" + NotifyStandIn.SERVICE_ID + "-"
                + UUID.randomUUID(), sms.baseUrl());
        assertThatThrownBy(() -> wrongSecret.getReceivedTextMessages(null))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> assertThat(e.getHttpResult())
                        .isEqualTo(403));
        var wrongService = new NotificationClient("clinicflow_test-" + UUID.randomUUID() + "-"
                + NotifyStandIn.SECRET, sms.baseUrl());
        assertThatThrownBy(() -> wrongService.getReceivedTextMessages(null))
                .isInstanceOfSatisfying(NotificationClientException.class, e -> assertThat(e.getHttpResult())
                        .isEqualTo(403));

        // Well signed, but issued a minute ago: Notify allows 30 seconds.
        var claims = new JwtClaims();
        claims.setIssuer(NotifyStandIn.SERVICE_ID);
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 60));
        var jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(NotifyStandIn.SECRET.getBytes(StandardCharsets.UTF_8)));
        var stale = HTTP.send(HttpRequest.newBuilder(URI.create(sms.baseUrl() + "/v2/received-text-messages"))
                .header("Authorization", "Bearer " + jws.getCompactSerialization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("AuthError");

        var right = new NotificationClient(NotifyStandIn.API_KEY, sms.baseUrl());
        assertThat(right.getReceivedTextMessages(null).getCurrentPageLink()).isNotBlank();
    }

    @Test
    void aStopTextedBackOptsThatNumberOutOfTextsOnceAndOtherRepliesChangeNothing() {
        daytime();
        var stopping = registerPatient(true, true, true, true);
        var chatting = registerPatient(true, true, true, true);
        // Notify writes the sender's number in international digits, whatever the record holds.
        sms.receive(chatting.mobile().substring(1), "Thank you, see you on Tuesday");
        sms.receive(stopping.mobile().substring(1), " Stop ");
        for (int i = 0; i < 4; i++) {
            sms.receive("447700000" + (100 + i), "Yes please");
        }

        await(Duration.ofSeconds(30), () -> optedOutOfSms(stopping.id()));
        await(Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from received_text").query(Long.class)
                .single() >= 6);
        assertThat(optedOutOfSms(chatting.id())).isFalse();
        assertThat(jdbc.sql("select count(*) from received_text where action = 'SMS_OPTED_OUT'").query(Long.class)
                .single()).isEqualTo(1);

        // Its next message goes by email instead.
        var appointmentId = UUID.randomUUID();
        var soon = OffsetDateTime.now(TestClockConfiguration.CLOCK).plusHours(2).plusSeconds(3).withNano(0);
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                stopping.id(), soon));
        await(Duration.ofSeconds(40), () -> "EMAILSENT".equals(reminder(appointmentId, "channel || status")));
        assertThat(sms.deliveredTo(stopping.mobile())).isEmpty();
    }

    @Test
    void oneClickInAnEmailOptsThatPatientOutOfEmailAndNobodyElse() throws Exception {
        var patient = registerPatient(true, true, false, false);
        var appointmentId = UUID.randomUUID();
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), Events.daysAhead(18)));
        await(Duration.ofSeconds(30), () -> !mailsTo(patient.email()).isEmpty());
        var mail = mailsTo(patient.email()).getFirst();
        var header = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        var link = URI.create(header.substring(1, header.length() - 1));
        assertThat(link.getPath()).startsWith("/api/followup/opt-out/").doesNotContain(patient.email());
        assertThat(textOf(mail.getContent())).contains("To stop getting emails from the clinic: " + link);

        // A link checker's GET changes nothing: it shows a button.
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(url(link.getPath()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(optedOutOfEmail(patient.id())).isFalse();

        var forged = link.getPath().substring(0, link.getPath().length() - 4) + "AAAA";
        assertThat(oneClick(forged).statusCode()).isEqualTo(404);
        var other = registerPatient(true, true, false, false);
        var someoneElse = link.getPath().replace(patient.id().toString(), other.id().toString());
        assertThat(oneClick(someoneElse).statusCode()).isEqualTo(404);
        assertThat(optedOutOfEmail(other.id())).isFalse();

        // The mail client's one click: no sign-in, RFC 8058's body.
        var clicked = oneClick(link.getPath());
        assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
        assertThat(optedOutOfEmail(patient.id())).isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_type = 'contact-preferences'
                          and action = 'CHANGE' and :patient = any(patient_ids) and outcome = 'ALLOWED'""")
                .param("patient", patient.id()).query(Long.class).single()).isEqualTo(1);
    }

    /** The words of a message, from inside its parts when it has an invite attached. */
    private static String textOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            var text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                var part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    text.append(textOf(part.getContent()));
                }
            }
            return text.toString();
        }
        return content.toString();
    }

    private HttpResponse<String> oneClick(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean optedOutOfSms(UUID patientId) {
        return jdbc.sql("select sms_opt_out from patient_contact where patient_id = :id").param("id", patientId)
                .query(Boolean.class).single();
    }

    private boolean optedOutOfEmail(UUID patientId) {
        return jdbc.sql("select email_opt_out from patient_contact where patient_id = :id").param("id", patientId)
                .query(Boolean.class).single();
    }

    private String confirmation(UUID appointmentId, String expression) {
        return jdbc.sql("select " + expression + " from notification where appointment_id = :id "
                        + "and purpose = 'CONFIRMATION'")
                .param("id", appointmentId).query(String.class).optional().orElse(null);
    }

    private String reminder(UUID appointmentId, String expression) {
        return jdbc.sql("select " + expression + " from notification where appointment_id = :id "
                        + "and purpose = 'TWO_HOURS_BEFORE'")
                .param("id", appointmentId).query(String.class).optional().orElse(null);
    }

    private HttpResponse<String> put(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + tokenFor(DemoUsers.PATIENT))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
