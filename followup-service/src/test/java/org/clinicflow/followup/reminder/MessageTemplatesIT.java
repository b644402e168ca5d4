package org.clinicflow.followup.reminder;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message wording as data: a clinic admin's new words reach the next message sent, and the messages already planned
 * but not yet sent, each recording the version it was worded from. The database is shared with the other tests, so
 * each test reads the current version rather than assume one, and puts the clinic's own words back when it is done.
 */
class MessageTemplatesIT extends FollowupServiceIT {

    private static final String TOPIC = "clinic.booking.appointment";
    private static final String TEMPLATES = "/api/followup/message-templates";
    private static final String STARTED_WITH = "The wording the clinic started with";
    private static final Map<String, String> VERSION_ONE_BODIES = Map.of(
            "CONFIRMATION", "Your {appointment} is booked.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}\n\n"
                    + "We look forward to seeing you.",
            "MOVED", "Your {appointment} has moved to a new time.\n\nWhen: {when}\nWhere: {site}\n"
                    + "With: {clinician}\n\nPlease use this new time, not the old one.",
            "CANCELLED", "Your {appointment} has been cancelled.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}\n\n"
                    + "If you did not expect this, or would like a new appointment, please call us.",
            "TWO_DAYS_BEFORE", "A reminder of your {appointment}.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}",
            "TWO_HOURS_BEFORE", "A reminder of your {appointment}.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}");

    @AfterEach
    void theClinicsOwnWordsAgain() {
        for (var purpose : List.of("CONFIRMATION", "TWO_DAYS_BEFORE")) {
            var template = template(purpose);
            var first = versionOne(template);
            if (!template.get("body").asString().equals(first.get("body").asString())
                    || !template.get("title").asString().equals(first.get("title").asString())) {
                assertThat(change(purpose, DemoUsers.CLINIC_ADMIN, template.get("version").asInt(),
                        first.get("title").asString(), first.get("body").asString(),
                        "Back to the wording the clinic started with").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void staffReadTheWordsOfEveryAppointmentMessageWhichStartedAsTheClinicsOwn() {
        var all = ApiCall.get(url(TEMPLATES), tokenFor(DemoUsers.RECEPTIONIST));

        assertThat(all.status()).isEqualTo(200);
        var listed = json.readTree(all.body());
        assertThat(listed.valueStream().map(t -> t.get("purpose").asString()).toList())
                .containsExactly("CONFIRMATION", "MOVED", "CANCELLED", "TWO_DAYS_BEFORE", "TWO_HOURS_BEFORE");
        for (var t : listed) {
            assertThat(t.propertyNames()).containsExactlyInAnyOrder("purpose", "version", "title", "body",
                    "changedBy", "changedAt", "reason");
            assertThat(OffsetDateTime.parse(t.get("changedAt").asString())).isNotNull();
            var purpose = t.get("purpose").asString();
            var one = ApiCall.get(url(TEMPLATES + "/" + purpose), tokenFor(DemoUsers.CLINIC_ADMIN));
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.raw().headers().firstValue("ETag")).contains("\"" + t.get("version").asInt() + "\"");
            var first = versionOne(json.readTree(one.body()));
            assertThat(first.get("body").asString()).isEqualTo(VERSION_ONE_BODIES.get(purpose));
            assertThat(first.get("changedBy").asString()).isEqualTo("system");
            assertThat(first.get("reason").asString()).isEqualTo(STARTED_WITH);
        }
        assertThat(ApiCall.get(url(TEMPLATES + "/PATHWAY_MESSAGE"), tokenFor(DemoUsers.CLINIC_ADMIN)).status())
                .isEqualTo(404);
        assertThat(ApiCall.get(url(TEMPLATES), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
        assertThat(ApiCall.get(url(TEMPLATES), tokenFor(DemoUsers.SURGEON)).status()).isEqualTo(403);
    }

    @Test
    void anAdminsNewWordsReachTheNextConfirmationAndTheRemindersNotYetSentEachRecordingItsVersion() throws Exception {
        var patient = registerPatient(true, true, true, true);
        var first = UUID.randomUUID();
        var firstStartsAt = Events.daysAhead(5);
        publish(TOPIC, first.toString(), Events.appointmentBooked(UUID.randomUUID(), first, patient.id(),
                firstStartsAt));
        await(Duration.ofSeconds(30), () -> "SENT".equals(status(first, "CONFIRMATION")));
        var reminder = messageOf(first, "TWO_DAYS_BEFORE");
        assertThat(reminder.get("status")).isEqualTo("SCHEDULED");

        var confirmation = template("CONFIRMATION");
        var confirmationVersion = confirmation.get("version").asInt();
        var changed = change("CONFIRMATION", DemoUsers.CLINIC_ADMIN, confirmationVersion,
                "Booked: your {appointment}",
                "All set: your {appointment} with {clinician} is on {when}, at {site}. Bring any scans you have.",
                "Patients asked for shorter words");
        assertThat(changed.status()).isEqualTo(200);
        var admin = subjectOf(tokenFor(DemoUsers.CLINIC_ADMIN));
        var now = json.readTree(changed.body());
        assertThat(now.get("purpose").asString()).isEqualTo("CONFIRMATION");
        assertThat(now.get("version").asInt()).isEqualTo(confirmationVersion + 1);
        assertThat(now.get("changedBy").asString()).isEqualTo(admin);
        assertThat(now.get("reason").asString()).isEqualTo("Patients asked for shorter words");
        var reminderVersion = template("TWO_DAYS_BEFORE").get("version").asInt();
        assertThat(change("TWO_DAYS_BEFORE", DemoUsers.CLINIC_ADMIN, reminderVersion,
                "Coming up: your {appointment}", "Just a reminder: {when}, {site}, with {clinician}. See you soon.",
                "A friendlier reminder").status()).isEqualTo(200);

        // The reminder planned before the change, not yet sent, now has the new words and their version.
        var reworded = messageOf(first, "TWO_DAYS_BEFORE");
        assertThat(reworded.get("id")).isEqualTo(reminder.get("id"));
        assertThat(reworded.get("title")).isEqualTo("Coming up: your free 15-minute consultation");
        assertThat(reworded.get("body")).isEqualTo("Just a reminder: " + clinicTime(firstStartsAt)
                + " (UK time), London Bridge, [Demo] 1 Example Street, London SE1, with Mr Samuel Reid. See you soon.");
        assertThat(reworded.get("template_version")).isEqualTo(reminderVersion + 1);
        // The confirmation already sent keeps the words and version it went with.
        assertThat(messageOf(first, "CONFIRMATION").get("template_version")).isEqualTo(confirmationVersion);

        // The next booking's confirmation, as the patient receives it.
        var next = UUID.randomUUID();
        var nextStartsAt = Events.daysAhead(8);
        publish(TOPIC, next.toString(), Events.appointmentBooked(UUID.randomUUID(), next, patient.id(), nextStartsAt));
        await(Duration.ofSeconds(30), () -> "SENT".equals(status(next, "CONFIRMATION")));
        var mail = mailWithSubject(patient.email(), "Booked: your free 15-minute consultation");
        assertThat(text(mail)).contains("All set: your free 15-minute consultation with Mr Samuel Reid is on "
                + clinicTime(nextStartsAt) + " (UK time), at London Bridge, [Demo] 1 Example Street, London SE1. "
                + "Bring any scans you have.");
        assertThat(messageOf(next, "CONFIRMATION").get("template_version")).isEqualTo(confirmationVersion + 1);
        assertThat(messageOf(next, "TWO_DAYS_BEFORE").get("template_version")).isEqualTo(reminderVersion + 1);

        // When its moment comes, the reminder planned before the change goes with the new words.
        TestClockConfiguration.CLOCK.setNow(firstStartsAt.minusHours(47).toInstant());
        await(Duration.ofSeconds(30), () -> "SENT".equals(status(first, "TWO_DAYS_BEFORE")));
        assertThat(text(mailWithSubject(patient.email(), "Coming up: your free 15-minute consultation")))
                .contains("Just a reminder: " + clinicTime(firstStartsAt) + " (UK time), London Bridge");

        // Every version is kept, newest first after the current one, with who changed it and why.
        var history = template("CONFIRMATION");
        assertThat(history.get("version").asInt()).isEqualTo(confirmationVersion + 1);
        var earlier = history.get("history");
        assertThat(earlier.size()).isEqualTo(confirmationVersion);
        assertThat(earlier.get(0).get("version").asInt()).isEqualTo(confirmationVersion);
        assertThat(earlier.get(0).get("body").asString()).isEqualTo(confirmation.get("body").asString());
        assertThat(earlier.get(earlier.size() - 1).get("version").asInt()).isEqualTo(1);
        assertThat(earlier.get(0).propertyNames()).containsExactlyInAnyOrder("version", "title", "body",
                "changedBy", "changedAt", "reason");
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_type = 'message-template'
                            and record_id = 'CONFIRMATION' and action = 'CHANGE' and outcome = 'ALLOWED'
                            and user_id = :admin""")
                .param("admin", admin).query(Long.class).single()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void onlyAClinicAdminChangesTheWordsOfTheVersionTheyReadAndOnlyWithWordsThatSayWhenWhereAndWithWhom() {
        var version = template("CONFIRMATION").get("version").asInt();
        var good = "On {when} at {site} with {clinician}.";

        assertThat(change("CONFIRMATION", DemoUsers.RECEPTIONIST, version, "Booked", good, "Reception tries")
                .status()).isEqualTo(403);
        assertThat(change("CONFIRMATION", DemoUsers.CLINIC_ADMIN, version - 1, "Booked", good,
                "A stale version").status()).isEqualTo(412);
        assertThat(ApiCall.send("PUT", url(TEMPLATES + "/CONFIRMATION"), tokenFor(DemoUsers.CLINIC_ADMIN),
                body("Booked", good, "No If-Match at all"), Map.of()).status()).isEqualTo(428);
        assertThat(change("PATHWAY_MESSAGE", DemoUsers.CLINIC_ADMIN, 1, "Booked", good, "Not a template")
                .status()).isEqualTo(404);

        assertRefused(version, "Booked", "On {when} at {site}.", "A reason", "body", "{clinician}");
        assertRefused(version, "Booked", "Dear {patient}, on {when} at {site} with {clinician}.", "A reason", "body",
                "{patient}");
        assertRefused(version, "Booked for {name}", good, "A reason", "title", "{name}");
        assertRefused(version, "", good, "A reason", "title", "blank");
        assertRefused(version, "x".repeat(121), good, "A reason", "title", "120");
        assertRefused(version, "Booked", good + "x".repeat(1000), "A reason", "body", "1000");
        assertRefused(version, "Booked", good, "Why", "reason", "5 to 500");

        assertThat(template("CONFIRMATION").get("version").asInt()).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from audit_record where record_type = 'message-template' "
                + "and outcome = 'REFUSED'").query(Long.class).single()).isGreaterThanOrEqualTo(1L);
    }

    private void assertRefused(int version, String title, String body, String reason, String field, String detail) {
        var refused = change("CONFIRMATION", DemoUsers.CLINIC_ADMIN, version, title, body, reason);
        assertThat(refused.status()).as(field + " " + detail).isEqualTo(422);
        var errors = json.readTree(refused.body()).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList()).containsExactly(field);
        assertThat(errors.get(0).get("detail").asString()).contains(detail);
    }

    private JsonNode template(String purpose) {
        var response = ApiCall.get(url(TEMPLATES + "/" + purpose), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode versionOne(JsonNode template) {
        if (template.get("version").asInt() == 1) {
            return template;
        }
        var history = template.get("history");
        return history.get(history.size() - 1);
    }

    private ApiCall.Response change(String purpose, String user, int ifMatch, String title, String body,
                                    String reason) {
        return ApiCall.send("PUT", url(TEMPLATES + "/" + purpose), tokenFor(user), body(title, body, reason),
                Map.of("If-Match", "\"" + ifMatch + "\""));
    }

    private static String body(String title, String body, String reason) {
        return json.writeValueAsString(Map.of("title", title, "body", body, "reason", reason));
    }

    /** The Keycloak subject the service reads from the token: what "changedBy" holds. */
    private static String subjectOf(String token) {
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return json.readTree(payload).get("sub").asString();
    }

    private Map<String, Object> messageOf(UUID appointmentId, String purpose) {
        return jdbc.sql("""
                        select id, status, title, body, template_version from notification
                        where appointment_id = :id and purpose = :purpose order by created_at desc limit 1
                        """)
                .param("id", appointmentId).param("purpose", purpose).query().singleRow();
    }

    private String status(UUID appointmentId, String purpose) {
        return jdbc.sql("""
                        select status from notification where appointment_id = :id and purpose = :purpose
                        order by created_at desc limit 1
                        """)
                .param("id", appointmentId).param("purpose", purpose).query(String.class).optional().orElse(null);
    }
}
