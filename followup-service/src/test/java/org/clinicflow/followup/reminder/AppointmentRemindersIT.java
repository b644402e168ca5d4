package org.clinicflow.followup.reminder;

import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
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
        var event = BookingEvents.appointmentBooked(UUID.randomUUID(), UUID.randomUUID(), DemoUsers.PATIENT_ID,
                BookingEvents.daysAhead(5));
        assertThat(EventContracts.violations(event)).isEmpty();
    }

    @Test
    void aBookedAppointmentGivesItsPatientTwoRemindersThatNoOtherPatientSees() {
        var appointmentId = UUID.randomUUID();
        var startsAt = BookingEvents.daysAhead(5);
        publish(TOPIC, appointmentId.toString(),
                BookingEvents.appointmentBooked(UUID.randomUUID(), appointmentId, DemoUsers.PATIENT_ID, startsAt));

        await(Duration.ofSeconds(30), () -> remindersOf(appointmentId) == 2);
        var mine = ApiCall.get(url("/api/followup/reminders/mine"), tokenFor(DemoUsers.PATIENT));
        assertThat(mine.status()).isEqualTo(200);
        var reminders = json.readTree(mine.body());
        var kinds = reminders.valueStream()
                .filter(r -> r.get("appointmentId").asString().equals(appointmentId.toString()))
                .map(r -> r.get("kind").asString()).toList();
        assertThat(kinds).containsExactlyInAnyOrder("TWO_DAYS_BEFORE", "TWO_HOURS_BEFORE");
        reminders.valueStream()
                .filter(r -> r.get("appointmentId").asString().equals(appointmentId.toString())
                        && r.get("kind").asString().equals("TWO_DAYS_BEFORE"))
                .forEach(r -> assertThat(OffsetDateTime.parse(r.get("dueAt").asString()).toInstant())
                        .isEqualTo(startsAt.minusDays(2).toInstant()));

        var theirs = ApiCall.get(url("/api/followup/reminders/mine"), tokenFor(DemoUsers.OTHER_PATIENT));
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(appointmentId.toString());
        assertThat(ApiCall.get(url("/api/followup/reminders/mine"), null).status()).isEqualTo(401);
        assertThat(ApiCall.get(url("/api/followup/reminders/mine"), tokenFor(DemoUsers.RECEPTIONIST)).status())
                .isEqualTo(403);
    }

    @Test
    void aDuplicatedEventGivesTheSameRemindersNotMore() {
        var appointmentId = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        var event = BookingEvents.appointmentBooked(eventId, appointmentId, DemoUsers.PATIENT_ID,
                BookingEvents.daysAhead(6));
        publish(TOPIC, appointmentId.toString(), event);
        publish(TOPIC, appointmentId.toString(), event);
        await(Duration.ofSeconds(30), () -> remindersOf(appointmentId) >= 2);

        // A later redelivery, after the first one was committed, must not add anything either.
        publish(TOPIC, appointmentId.toString(), event);
        var marker = UUID.randomUUID();
        publish(TOPIC, appointmentId.toString(),
                BookingEvents.appointmentBooked(UUID.randomUUID(), marker, DemoUsers.PATIENT_ID,
                        BookingEvents.daysAhead(6)));
        await(Duration.ofSeconds(30), () -> remindersOf(marker) == 2);

        assertThat(remindersOf(appointmentId)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anUnreadableRecordDoesNotHoldUpTheEventsBehindIt() {
        var appointmentId = UUID.randomUUID();
        publish(TOPIC, appointmentId.toString(), "this is not a cloud event");
        publish(TOPIC, appointmentId.toString(), "{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\"}");
        publish(TOPIC, appointmentId.toString(), BookingEvents.appointmentBooked(UUID.randomUUID(), appointmentId,
                DemoUsers.PATIENT_ID, BookingEvents.daysAhead(4)));

        await(Duration.ofSeconds(30), () -> remindersOf(appointmentId) == 2);
    }

    private long remindersOf(UUID appointmentId) {
        return jdbc.sql("select count(*) from reminder where appointment_id = :id").param("id", appointmentId)
                .query(Long.class).single();
    }
}
