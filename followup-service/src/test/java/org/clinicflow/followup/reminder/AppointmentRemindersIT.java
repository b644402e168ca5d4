package org.clinicflow.followup.reminder;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
        assertThat(EventContracts.violations(Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                DemoUsers.PATIENT_ID, startsAt, "FULL_CONSULTATION", null, null))).isEmpty();
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

    @Test
    void theCalendarEntryIsRequestedWhenBookedUpdatedWhenMovedAndCancelledWithItAndEveryEmailSaysWhereAndWithWhom()
            throws Exception {
        var patient = registerPatient(true, true, true, true);
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(5);
        var movedTo = Events.daysAhead(6);

        publish(TOPIC, appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, patient.id(), startsAt));
        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "CONFIRMATION")));
        publish(TOPIC, appointmentId.toString(),
                Events.appointmentRescheduled(appointmentId, patient.id(), startsAt, movedTo));
        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "MOVED")));
        publish(TOPIC, appointmentId.toString(), Events.appointmentCancelled(appointmentId, patient.id(), movedTo));
        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "CANCELLED")));

        var booked = mailWithSubject(patient.email(), "Your appointment is booked");
        var moved = mailWithSubject(patient.email(), "Your appointment has moved");
        var cancelled = mailWithSubject(patient.email(), "Your appointment is cancelled");
        var clinic = ((InternetAddress) booked.getFrom()[0]).getAddress();

        // Each attachment, as the real SMTP server delivered it, read back by the iCalendar library.
        var first = invite(booked, "REQUEST");
        var second = invite(moved, "REQUEST");
        var third = invite(cancelled, "CANCEL");
        for (var event : List.of(first, second, third)) {
            assertThat(event.getUid().getValue()).isEqualTo(appointmentId + "@clinicflow");
            assertThat(event.getOrganizer().getEmail()).isEqualTo(clinic);
            assertThat(event.getAttendees()).singleElement()
                    .satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo(patient.email()));
            assertThat(event.getLocation().getValue())
                    .isEqualTo("London Bridge, [Demo] 1 Example Street, London SE1");
        }
        assertThat(second.getSequence().getValue()).isGreaterThan(first.getSequence().getValue());
        assertThat(third.getSequence().getValue()).isGreaterThan(second.getSequence().getValue());
        assertThat(first.getDateStart().getValue()).isEqualTo(Date.from(startsAt.toInstant()));
        assertThat(second.getDateStart().getValue()).isEqualTo(Date.from(movedTo.toInstant()));
        assertThat(first.getStatus().isConfirmed()).isTrue();
        assertThat(third.getStatus().isCancelled()).isTrue();
        assertThat(first.getAlarms()).singleElement()
                .satisfies(alarm -> assertThat(alarm.getAction().isDisplay()).isTrue());
        assertThat(first.getSummary().getValue()).isEqualTo("Free 15-minute consultation with Mr Samuel Reid");

        for (var mail : List.of(booked, moved, cancelled)) {
            assertThat(text(mail)).contains("Where: London Bridge, [Demo] 1 Example Street, London SE1")
                    .contains("With: Mr Samuel Reid")
                    .doesNotContain("Where: the clinic", "With: the clinic team");
        }
        assertThat(text(booked)).contains("When: " + clinicTime(startsAt) + " (UK time)");
        assertThat(text(moved)).contains("When: " + clinicTime(movedTo) + " (UK time)");
        // The reminders planned for the new time say the same, and carry that change's version of the entry.
        assertThat(jdbc.sql("""
                        select body like '%With: Mr Samuel Reid%' and calendar_sequence = :sequence
                        from notification where appointment_id = :id and purpose = 'TWO_DAYS_BEFORE'
                            and appointment_starts_at = :moved""")
                .param("id", appointmentId).param("moved", movedTo).param("sequence", second.getSequence().getValue())
                .query(Boolean.class).list()).containsExactly(true);
    }

    @Test
    void anEventSentBeforeBookingNamedThePlaceStillGivesAConfirmationAtTheClinic() throws Exception {
        var patient = registerPatient(true, true, true, true);
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(7);
        publish(TOPIC, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), startsAt, "FULL_CONSULTATION", null, null));

        await(Duration.ofSeconds(30), () -> "SENT".equals(purposeStatus(appointmentId, "CONFIRMATION")));
        var mail = mailWithSubject(patient.email(), "Your appointment is booked");
        // What the event did not say reads as the clinic, never as a gap.
        assertThat(text(mail)).contains("Your consultation is booked.")
                .contains("When: " + clinicTime(startsAt) + " (UK time)", "Where: the clinic", "With: the clinic team")
                .doesNotContain("null", "{");
        var event = invite(mail, "REQUEST");
        assertThat(event.getUid().getValue()).isEqualTo(appointmentId + "@clinicflow");
        assertThat(event.getLocation()).isNull();
        assertThat(event.getSummary().getValue()).isEqualTo("Consultation");
    }

    /** The one calendar attachment, parsed; the method of its content type must be the calendar's own. */
    private static VEvent invite(MimeMessage mail, String method) throws Exception {
        var calendars = new ArrayList<Part>();
        for (var part : parts(mail)) {
            if (part.isMimeType("text/calendar")) {
                calendars.add(part);
            }
        }
        assertThat(calendars).hasSize(1);
        assertThat(calendars.getFirst().getContentType()).containsIgnoringCase("method=" + method);
        var ics = new String(calendars.getFirst().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getMethod().getValue()).isEqualTo(method);
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().getFirst();
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
