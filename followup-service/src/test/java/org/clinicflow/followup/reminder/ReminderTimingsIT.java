package org.clinicflow.followup.reminder;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminder timing as data: a clinic admin's change re-plans the reminders not yet sent and times those planned after.
 * The database is shared with the other tests, so each change is put back as seeded when a test is done.
 */
class ReminderTimingsIT extends FollowupServiceIT {

    private static final String TOPIC = "clinic.booking.appointment";
    private static final String TIMINGS = "/api/followup/reminder-timings";
    private static final List<String> TYPES = List.of("FREE_CONSULTATION", "FULL_CONSULTATION",
            "POST_PROCEDURE_REVIEW", "PROCEDURE");

    @AfterEach
    void asSeeded() {
        for (var timing : json.readTree(ApiCall.get(url(TIMINGS), tokenFor(DemoUsers.CLINIC_ADMIN)).body())) {
            var twoDays = timing.get("purpose").asString().equals("TWO_DAYS_BEFORE");
            var lead = twoDays ? 48 : 2;
            var channel = twoDays ? "EMAIL" : "SMS";
            if (timing.get("leadHours").asInt() != lead || !timing.get("channel").asString().equals(channel)) {
                assertThat(change(timing.get("appointmentType").asString(), timing.get("purpose").asString(),
                        DemoUsers.CLINIC_ADMIN, timing.get("version").asInt(), lead, channel).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void staffReadWhenEachReminderGoesPerAppointmentType() {
        var all = ApiCall.get(url(TIMINGS), tokenFor(DemoUsers.RECEPTIONIST));

        assertThat(all.status()).isEqualTo(200);
        var listed = json.readTree(all.body()).valueStream().toList();
        assertThat(listed).hasSize(8);
        for (int i = 0; i < listed.size(); i++) {
            var timing = listed.get(i);
            assertThat(timing.propertyNames()).containsExactlyInAnyOrder("appointmentType", "purpose", "leadHours",
                    "channel", "version");
            assertThat(timing.get("appointmentType").asString()).isEqualTo(TYPES.get(i / 2));
            assertThat(timing.get("purpose").asString()).isEqualTo(i % 2 == 0 ? "TWO_DAYS_BEFORE" : "TWO_HOURS_BEFORE");
            assertThat(timing.get("leadHours").asInt()).isEqualTo(i % 2 == 0 ? 48 : 2);
            assertThat(timing.get("channel").asString()).isEqualTo(i % 2 == 0 ? "EMAIL" : "SMS");
        }
        assertThat(ApiCall.get(url(TIMINGS), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
    }

    @Test
    void aNewTimingReplansTheRemindersNotYetSentOfItsTypeOnlyAndTimesTheNextBooking() {
        var patient = registerPatient(true, true, true, true);
        var planned = book(patient.id(), "FULL_CONSULTATION", Events.daysAhead(6));
        var otherType = book(patient.id(), "FREE_CONSULTATION", Events.daysAhead(6));
        var before = reminder(planned.id(), "TWO_DAYS_BEFORE");
        assertThat(before.get("due_at")).isEqualTo(planned.startsAt().minusHours(48).toInstant());
        assertThat(before.get("preferred_channel")).isEqualTo("EMAIL");
        var twoHoursBefore = reminder(planned.id(), "TWO_HOURS_BEFORE");

        var version = timing("FULL_CONSULTATION", "TWO_DAYS_BEFORE").get("version").asInt();
        var changed = change("FULL_CONSULTATION", "TWO_DAYS_BEFORE", DemoUsers.CLINIC_ADMIN, version, 24, "SMS");

        assertThat(changed.status()).isEqualTo(200);
        var now = json.readTree(changed.body());
        assertThat(now.get("appointmentType").asString()).isEqualTo("FULL_CONSULTATION");
        assertThat(now.get("purpose").asString()).isEqualTo("TWO_DAYS_BEFORE");
        assertThat(now.get("leadHours").asInt()).isEqualTo(24);
        assertThat(now.get("channel").asString()).isEqualTo("SMS");
        assertThat(now.get("version").asInt()).isEqualTo(version + 1);
        assertThat(now.get("replanned").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(timing("FULL_CONSULTATION", "TWO_DAYS_BEFORE").get("version").asInt()).isEqualTo(version + 1);

        // The same reminder, at its new moment and by its new channel.
        var after = reminder(planned.id(), "TWO_DAYS_BEFORE");
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat(after.get("status")).isEqualTo("SCHEDULED");
        assertThat(after.get("due_at")).isEqualTo(planned.startsAt().minusHours(24).toInstant());
        assertThat(after.get("next_attempt_at")).isEqualTo(planned.startsAt().minusHours(24).toInstant());
        assertThat(after.get("preferred_channel")).isEqualTo("SMS");
        // The other reminder, and another type's, are as they were.
        assertThat(reminder(planned.id(), "TWO_HOURS_BEFORE")).isEqualTo(twoHoursBefore);
        var untouched = reminder(otherType.id(), "TWO_DAYS_BEFORE");
        assertThat(untouched.get("due_at")).isEqualTo(otherType.startsAt().minusHours(48).toInstant());
        assertThat(untouched.get("preferred_channel")).isEqualTo("EMAIL");

        var next = book(patient.id(), "FULL_CONSULTATION", Events.daysAhead(9));
        var timedByTheChange = reminder(next.id(), "TWO_DAYS_BEFORE");
        assertThat(timedByTheChange.get("due_at")).isEqualTo(next.startsAt().minusHours(24).toInstant());
        assertThat(timedByTheChange.get("preferred_channel")).isEqualTo("SMS");

        assertThat(change("FULL_CONSULTATION", "TWO_DAYS_BEFORE", DemoUsers.CLINIC_ADMIN, version, 12, "SMS")
                .status()).isEqualTo(412);
        assertThat(ApiCall.send("PUT", url(TIMINGS + "/FULL_CONSULTATION/TWO_DAYS_BEFORE"),
                tokenFor(DemoUsers.CLINIC_ADMIN), "{\"leadHours\":12,\"channel\":\"SMS\"}", Map.of()).status())
                .isEqualTo(428);
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_type = 'reminder-timing'
                            and record_id = 'FULL_CONSULTATION/TWO_DAYS_BEFORE' and action = 'CHANGE'
                            and outcome = 'ALLOWED'""").query(Long.class).single()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void aReminderWhoseNewMomentHasPassedGoesAtOnce() throws Exception {
        var patient = registerPatient(true, true, true, true);
        var soon = book(patient.id(), "POST_PROCEDURE_REVIEW",
                OffsetDateTime.now(CLINIC_ZONE).plusHours(5).truncatedTo(ChronoUnit.SECONDS));
        assertThat(reminder(soon.id(), "TWO_HOURS_BEFORE").get("status")).isEqualTo("SCHEDULED");

        var version = timing("POST_PROCEDURE_REVIEW", "TWO_HOURS_BEFORE").get("version").asInt();
        assertThat(change("POST_PROCEDURE_REVIEW", "TWO_HOURS_BEFORE", DemoUsers.CLINIC_ADMIN, version, 10, "EMAIL")
                .status()).isEqualTo(200);

        await(Duration.ofSeconds(30), () -> "SENT".equals(reminder(soon.id(), "TWO_HOURS_BEFORE").get("status")));
        assertThat(reminder(soon.id(), "TWO_HOURS_BEFORE").get("due_at"))
                .isEqualTo(soon.startsAt().minusHours(10).toInstant());
        assertThat(mailWithSubject(patient.email(), "Reminder: your appointment")).isNotNull();
    }

    @Test
    void onlyAClinicAdminChangesATimingThatExistsToOneThatMakesSense() {
        var version = timing("PROCEDURE", "TWO_HOURS_BEFORE").get("version").asInt();

        assertThat(change("PROCEDURE", "TWO_HOURS_BEFORE", DemoUsers.RECEPTIONIST, version, 3, "SMS").status())
                .isEqualTo(403);
        assertThat(change("NOT_A_TYPE", "TWO_HOURS_BEFORE", DemoUsers.CLINIC_ADMIN, 1, 3, "SMS").status())
                .isEqualTo(404);
        assertThat(change("PROCEDURE", "CONFIRMATION", DemoUsers.CLINIC_ADMIN, 1, 3, "SMS").status())
                .isEqualTo(404);
        for (var lead : new Integer[]{0, 337, null}) {
            assertRefused(version, lead, "SMS", "leadHours");
        }
        assertRefused(version, 3, "FAX", "channel");
        assertRefused(version, 3, null, "channel");
        assertThat(timing("PROCEDURE", "TWO_HOURS_BEFORE").get("version").asInt()).isEqualTo(version);
        assertThat(timing("PROCEDURE", "TWO_HOURS_BEFORE").get("leadHours").asInt()).isEqualTo(2);
    }

    private void assertRefused(int version, Integer lead, String channel, String field) {
        var refused = ApiCall.send("PUT", url(TIMINGS + "/PROCEDURE/TWO_HOURS_BEFORE"),
                tokenFor(DemoUsers.CLINIC_ADMIN), "{\"leadHours\":%s,\"channel\":%s}".formatted(lead,
                        channel == null ? "null" : "\"" + channel + "\""),
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(refused.status()).as(field + " " + lead + " " + channel).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString())
                .toList()).containsExactly(field);
    }

    private record Booked(UUID id, OffsetDateTime startsAt) {
    }

    private Booked book(UUID patientId, String type, OffsetDateTime startsAt) {
        var id = UUID.randomUUID();
        publish(TOPIC, id.toString(), Events.appointmentBooked(UUID.randomUUID(), id, patientId, startsAt, type,
                null));
        await(Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from notification where appointment_id = :id")
                .param("id", id).query(Long.class).single() >= 2);
        return new Booked(id, startsAt);
    }

    private JsonNode timing(String type, String purpose) {
        return json.readTree(ApiCall.get(url(TIMINGS), tokenFor(DemoUsers.CLINIC_ADMIN)).body()).valueStream()
                .filter(t -> t.get("appointmentType").asString().equals(type)
                        && t.get("purpose").asString().equals(purpose))
                .findFirst().orElseThrow();
    }

    private ApiCall.Response change(String type, String purpose, String user, int ifMatch, int lead, String channel) {
        return ApiCall.send("PUT", url(TIMINGS + "/" + type + "/" + purpose), tokenFor(user),
                "{\"leadHours\":%d,\"channel\":\"%s\"}".formatted(lead, channel),
                Map.of("If-Match", "\"" + ifMatch + "\""));
    }

    /** The reminder as the dispatcher will read it: id, status, due_at and next_attempt_at (instants), channel. */
    private Map<String, Object> reminder(UUID appointmentId, String purpose) {
        return jdbc.sql("""
                        select id, status, due_at, next_attempt_at, preferred_channel from notification
                        where appointment_id = :id and purpose = :purpose order by created_at desc limit 1
                        """)
                .param("id", appointmentId).param("purpose", purpose)
                .query((rs, row) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class),
                        "status", rs.getString("status"),
                        "due_at", rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                        "next_attempt_at", rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        "preferred_channel", rs.getString("preferred_channel")))
                .single();
    }
}
