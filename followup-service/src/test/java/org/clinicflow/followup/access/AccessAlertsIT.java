package org.clinicflow.followup.access;

import jakarta.mail.internet.MimeMessage;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccessAlertsIT extends FollowupServiceIT {

    private static final String ENQUIRIES = "clinic.booking.enquiry";
    private static final String LEAD = "lead-" + UUID.randomUUID() + "@clinic.example";

    @DynamicPropertySource
    static void lead(DynamicPropertyRegistry registry) {
        registry.add("clinicflow.followup.access-alerts.lead-address", () -> LEAD);
        registry.add("clinicflow.followup.access-alerts.poll-interval", () -> "200ms");
    }

    @Test
    void anAtRiskEnquiryRaisesOneAlertOnTheWorklistThatReceptionAcknowledges() {
        var enquiry = UUID.randomUUID();
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var event = Events.accessTarget(first, false, enquiry, DemoUsers.PATIENT_ID,
                OffsetDateTime.now().minusHours(37));
        assertThat(EventContracts.violations(event)).isEmpty();
        publish(ENQUIRIES, enquiry.toString(), event);
        publish(ENQUIRIES, enquiry.toString(), event); // redelivered
        // Raised again by another instance under a new event id: still the same alert.
        publish(ENQUIRIES, enquiry.toString(), Events.accessTarget(second, false, enquiry,
                DemoUsers.PATIENT_ID, OffsetDateTime.now().minusHours(37)));

        var alert = awaitAlert(enquiry);
        assertThat(alert.get("kind").asString()).isEqualTo("AT_RISK");
        assertThat(alert.get("emailStatus").isNull()).isTrue();
        await(Duration.ofSeconds(10), () -> processed(first, second));
        assertThat(count(enquiry)).isEqualTo(1);
        assertThat(alertsOnWorklist(enquiry)).isEqualTo(1);

        var id = alert.get("alertId").asString();
        var path = url("/api/followup/access-alerts/" + id + "/acknowledgement");
        assertThat(acknowledge(path, DemoUsers.RECEPTIONIST, null).status()).isEqualTo(428);
        assertThat(acknowledge(path, DemoUsers.PATIENT, "\"0\"").status()).isEqualTo(403);
        assertThat(acknowledge(path, DemoUsers.RECEPTIONIST, "\"7\"").status()).isEqualTo(412);
        var acknowledged = acknowledge(path, DemoUsers.RECEPTIONIST, "\"" + alert.get("version").asLong() + "\"");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        var view = json.readTree(acknowledged.body());
        assertThat(view.get("acknowledgedBy").asString()).isEqualTo(subjectOf(DemoUsers.RECEPTIONIST));
        assertThat(view.get("acknowledgedAt").isNull()).isFalse();
        assertThat(acknowledge(path, DemoUsers.RECEPTIONIST, acknowledged.header("ETag")).status())
                .isEqualTo(409);
        assertThat(alertsOnWorklist(enquiry)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_type = 'access-alert' and record_id = :id
                        and action = 'CHANGE' and outcome = 'ALLOWED' and :patient = any(patient_ids)
                        """).param("id", id).param("patient", DemoUsers.PATIENT_ID).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aBreachRaisesOneAlertAndEmailsTheLeadOnceWithoutNamingThePatient() throws Exception {
        var enquiry = UUID.randomUUID();
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var event = Events.accessTarget(first, true, enquiry, null, OffsetDateTime.now().minusHours(49));
        assertThat(EventContracts.violations(event)).isEmpty();
        publish(ENQUIRIES, enquiry.toString(), event);
        publish(ENQUIRIES, enquiry.toString(), event);
        publish(ENQUIRIES, enquiry.toString(), Events.accessTarget(second, true, enquiry, null,
                OffsetDateTime.now().minusHours(49)));

        var alert = awaitAlert(enquiry);
        assertThat(alert.get("kind").asString()).isEqualTo("BREACHED");
        await(Duration.ofSeconds(30), () -> mailsTo(LEAD).stream().anyMatch(m -> mentions(m, enquiry)));
        await(Duration.ofSeconds(10), () -> processed(first, second));
        Thread.sleep(1_500); // several rounds of the mailer: none may send it again
        var mails = mailsTo(LEAD).stream().filter(m -> mentions(m, enquiry)).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("48-hour promise missed for an enquiry");
        assertThat(mails.getFirst().getMessageID()).contains(alert.get("alertId").asString());
        assertThat(count(enquiry)).isEqualTo(1);
        assertThat(jdbc.sql("select email_status from access_alert where enquiry_id = :id").param("id", enquiry)
                .query(String.class).single()).isEqualTo("SENT");
        var worklist = json.readTree(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.CLINIC_ADMIN))
                .body());
        assertThat(worklist.get("accessAlerts").valueStream()
                .filter(a -> a.get("enquiryId").asString().equals(enquiry.toString())).findFirst().orElseThrow()
                .get("emailStatus").asString()).isEqualTo("SENT");
    }

    private JsonNode awaitAlert(UUID enquiry) {
        var found = new JsonNode[1];
        await(Duration.ofSeconds(30), () -> {
            found[0] = onWorklist(enquiry).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private Optional<JsonNode> onWorklist(UUID enquiry) {
        var worklist = json.readTree(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST))
                .body());
        return worklist.get("accessAlerts").valueStream()
                .filter(a -> a.get("enquiryId").asString().equals(enquiry.toString())).findFirst();
    }

    private long alertsOnWorklist(UUID enquiry) {
        return onWorklist(enquiry).isPresent() ? 1 : 0;
    }

    private long count(UUID enquiry) {
        return jdbc.sql("select count(*) from access_alert where enquiry_id = :id").param("id", enquiry)
                .query(Long.class).single();
    }

    /** Both event ids a test sent have been through the listener's inbox, so nothing more is on its way. */
    private boolean processed(UUID... events) {
        return jdbc.sql("""
                        select count(*) from inbox_event where consumer = 'followup-service.access'
                        and event_id = any(:ids)
                        """).param("ids", events).query(Long.class).single() == events.length;
    }

    private static boolean mentions(MimeMessage message, UUID enquiry) {
        try {
            return message.getContent().toString().contains(enquiry.toString());
        } catch (Exception e) {
            return false;
        }
    }

    private static ApiCall.Response acknowledge(String path, String user, String ifMatch) {
        return ApiCall.send("POST", path, tokenFor(user), "", ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static String subjectOf(String user) {
        var payload = tokenFor(user).split("\\.")[1];
        return json.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asString();
    }
}
