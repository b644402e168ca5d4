package org.clinicflow.followup.reminder;

import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentRemindersIT extends FollowupServiceIT {

    private static final String TOPIC = "clinic.booking.appointment";

    @Test
    void theEventsThisConsumerAcceptsHonourTheContract() {
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(5);
        assertThat(EventContracts.violations(Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                DemoUsers.PATIENT_ID, startsAt))).isEmpty();
        assertThat(EventContracts.violations(Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                DemoUsers.PATIENT_ID, startsAt, "POST_PROCEDURE_REVIEW", UUID.randomUUID()))).isEmpty();
        assertThat(EventContracts.violations(Events.appointmentRescheduled(appointmentId, DemoUsers.PATIENT_ID,
                startsAt, startsAt.plusDays(1)))).isEmpty();
        assertThat(EventContracts.violations(Events.appointmentCancelled(appointmentId, DemoUsers.PATIENT_ID,
                startsAt))).isEmpty();
        assertThat(EventContracts.violations(Events.patientRegistered(UUID.randomUUID(), null, "+447700900123",
                false, true))).isEmpty();
        assertThat(EventContracts.violations(Events.patientContactChanged(UUID.randomUUID(), "a@example.test", null,
                true, false))).isEmpty();
    }

    @Test
    void aBookedAppointmentIsConfirmedByEmailWithACalendarEntryAndGetsTwoRemindersNoOtherPatientSees()
            throws Exception {
        var patient = registerPatient(true, true, true, true);
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(5);
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, patient.id(), startsAt));

        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);
        assertThat(purposeStatus(appointmentId, "TWO_DAYS_BEFORE")).isEqualTo("SCHEDULED");
        assertThat(purposeStatus(appointmentId, "TWO_HOURS_BEFORE")).isEqualTo("SCHEDULED");
        assertThat(jdbc.sql("""
                        select due_at from notification where appointment_id = :id and purpose = 'TWO_DAYS_BEFORE'
                        """).param("id", appointmentId).query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(startsAt.minusDays(2).toInstant());

        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "CONFIRMATION")));
        var mails = mailsTo(patient.email());
        assertThat(mails).hasSize(1);
        var raw = new String(mails.getFirst().getInputStream().readAllBytes());
        var whole = new java.io.ByteArrayOutputStream();
        mails.getFirst().writeTo(whole);
        assertThat(whole.toString()).contains("BEGIN:VEVENT").contains("UID:" + appointmentId + "@clinicflow")
                .contains("DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(java.time.ZoneOffset.UTC).format(startsAt.toInstant()));
        assertThat(raw).isNotEmpty();
        assertThat(mails.getFirst().getHeader("Message-ID")[0]).contains(
                jdbc.sql("select id from notification where appointment_id = :id and purpose = 'CONFIRMATION'")
                        .param("id", appointmentId).query(UUID.class).single().toString());
    }

    @Test
    void aPatientSeesOnlyTheirOwnReminders() {
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(5);
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, DemoUsers.PATIENT_ID, startsAt));
        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);

        var mine = ApiCall.get(url("/api/followup/reminders/mine"), tokenFor(DemoUsers.PATIENT));
        assertThat(mine.status()).isEqualTo(200);
        var kinds = json.readTree(mine.body()).valueStream()
                .filter(r -> r.get("appointmentId").asString().equals(appointmentId.toString()))
                .map(r -> r.get("kind").asString()).toList();
        assertThat(kinds).containsExactlyInAnyOrder("TWO_DAYS_BEFORE", "TWO_HOURS_BEFORE");
        var notifications = ApiCall.get(url("/api/followup/notifications/mine"), tokenFor(DemoUsers.PATIENT));
        assertThat(notifications.status()).isEqualTo(200);
        assertThat(json.readTree(notifications.body()).valueStream()
                .filter(n -> n.get("appointmentId").asString().equals(appointmentId.toString())).count())
                .isEqualTo(3);

        for (var path : new String[]{"/api/followup/reminders/mine", "/api/followup/notifications/mine"}) {
            var theirs = ApiCall.get(url(path), tokenFor(DemoUsers.OTHER_PATIENT));
            assertThat(theirs.status()).isEqualTo(200);
            assertThat(theirs.body()).doesNotContain(appointmentId.toString());
            assertThat(ApiCall.get(url(path), null).status()).isEqualTo(401);
            assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(403);
        }
    }

    @Test
    void aDuplicatedEventGivesTheSameMessagesNotMore() {
        var appointmentId = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        var event = Events.appointmentBooked(eventId, appointmentId, DemoUsers.PATIENT_ID, Events.daysAhead(6));
        publish(TOPIC, appointmentId.toString(), event);
        publish(TOPIC, appointmentId.toString(), event);
        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) >= 3);

        // A later redelivery, after the first one was committed, must not add anything either.
        publish(TOPIC, appointmentId.toString(), event);
        var marker = UUID.randomUUID();
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), marker, DemoUsers.PATIENT_ID, Events.daysAhead(6)));
        await(Duration.ofSeconds(30), () -> messagesOf(marker) == 3);

        assertThat(messagesOf(appointmentId)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isEqualTo(1L); // by the reminders; pathways ignore plain bookings
    }

    @Test
    void anUnreadableRecordDoesNotHoldUpTheEventsBehindIt() {
        var appointmentId = UUID.randomUUID();
        publish(TOPIC, appointmentId.toString(), "this is not a cloud event");
        publish(TOPIC, appointmentId.toString(), "{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\"}");
        publish(TOPIC, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                DemoUsers.PATIENT_ID, Events.daysAhead(4)));

        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);
    }

    @Test
    void aCancelledAppointmentCancelsItsRemindersWhichAreNeverSent() {
        var patient = registerPatient(true, true, true, true);
        var appointmentId = UUID.randomUUID();
        // Close enough that the two-day reminder is due almost at once, had it not been cancelled.
        var startsAt = OffsetDateTime.now(CLINIC_ZONE).plusDays(2).plusSeconds(4).withNano(0);
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, patient.id(), startsAt));
        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);
        publish(TOPIC, appointmentId.toString(), Events.appointmentCancelled(appointmentId, patient.id(), startsAt));

        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "CANCELLED")));
        assertThat(purposeStatus(appointmentId, "TWO_DAYS_BEFORE")).isEqualTo("CANCELLED");
        assertThat(purposeStatus(appointmentId, "TWO_HOURS_BEFORE")).isEqualTo("CANCELLED");
        // Well past the moment the two-day reminder was due: it stays cancelled and never reaches the patient.
        await(Duration.ofSeconds(10), () -> OffsetDateTime.now().isAfter(startsAt.minusDays(2).plusSeconds(3)));
        assertThat(purposeStatus(appointmentId, "TWO_DAYS_BEFORE")).isEqualTo("CANCELLED");
        var subjects = mailsTo(patient.email()).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(subjects).contains("Your appointment is cancelled").doesNotContain("Reminder: your appointment");
    }

    @Test
    void aMovedAppointmentMovesItsReminders() {
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(8);
        var movedTo = Events.daysAhead(10);
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, DemoUsers.OTHER_PATIENT_ID, startsAt));
        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentRescheduled(appointmentId, DemoUsers.OTHER_PATIENT_ID, startsAt, movedTo));

        await(Duration.ofSeconds(30), () -> jdbc.sql("""
                        select count(*) from notification where appointment_id = :id and status = 'SCHEDULED'
                            and purpose in ('TWO_DAYS_BEFORE', 'TWO_HOURS_BEFORE') and appointment_starts_at = :moved
                        """).param("id", appointmentId).param("moved", movedTo).query(Long.class).single() == 2);
        // The two reminders of the old time are cancelled. Its confirmation may be too, if it was still waiting
        // (for the morning, say, when the test runs in SMS quiet hours): that is not what this test is about.
        assertThat(jdbc.sql("""
                        select count(*) from notification where appointment_id = :id and status = 'CANCELLED'
                            and purpose in ('TWO_DAYS_BEFORE', 'TWO_HOURS_BEFORE') and appointment_starts_at = :old
                        """).param("id", appointmentId).param("old", startsAt).query(Long.class).single())
                .isEqualTo(2L);
    }

    private long messagesOf(UUID appointmentId) {
        return jdbc.sql("select count(*) from notification where appointment_id = :id").param("id", appointmentId)
                .query(Long.class).single();
    }

    private String purposeStatus(UUID appointmentId, String purpose) {
        return jdbc.sql("""
                        select status from notification where appointment_id = :id and purpose = :purpose
                        order by created_at desc limit 1
                        """)
                .param("id", appointmentId).param("purpose", purpose).query(String.class).optional().orElse(null);
    }
}
