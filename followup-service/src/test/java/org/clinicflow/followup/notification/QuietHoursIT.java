package org.clinicflow.followup.notification;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No SMS between 21:00 and 08:00 London time, on the nights the clocks change too. Each moment below is chosen so
 * that a rule computed in UTC, or with the wrong day's offset, would send at a different time.
 */
class QuietHoursIT extends FollowupServiceIT {

    @Test
    void anSmsDueOnTheEveOfTheSpringChangeIsHeldUntilEightOClockSummerTime() {
        var patient = registerPatient(false, false, true, true);
        // Saturday 27 March 2027, 21:30 GMT: quiet. The clocks go forward at 01:00 GMT.
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-03-27T21:30:00Z"));
        var confirmation = bookAndAwaitConfirmation(patient, OffsetDateTime.parse("2027-04-06T10:00:00+01:00"));

        await(Duration.ofSeconds(30), () -> "HELD".equals(statusOf(confirmation)));
        // 08:00 British Summer Time is 07:00 UTC.
        assertThat(nextAttempt(confirmation)).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-03-28T06:59:00Z"));
        pause();
        assertThat(statusOf(confirmation)).isEqualTo("HELD");
        // 07:00:30 UTC: 08:00:30 on the clinic's clock, though still before 08:00 in UTC.
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-03-28T07:00:30Z"));
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(confirmation)));
        assertThat(sms.delivered()).containsKey(confirmation.toString());
    }

    @Test
    void anSmsDueOnTheEveOfTheAutumnChangeIsHeldUntilEightOClockGreenwichTime() {
        var patient = registerPatient(false, false, true, true);
        // Saturday 30 October 2027, 20:30 UTC is 21:30 BST: quiet, though 20:30 in UTC terms would not be.
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-10-30T20:30:00Z"));
        var confirmation = bookAndAwaitConfirmation(patient, OffsetDateTime.parse("2027-11-08T10:00:00Z"));

        await(Duration.ofSeconds(30), () -> "HELD".equals(statusOf(confirmation)));
        // The clocks went back at 02:00 BST: 08:00 on Sunday is 08:00 UTC.
        assertThat(nextAttempt(confirmation)).isEqualTo(Instant.parse("2027-10-31T08:00:00Z"));
        // 07:30 UTC would be 08:30 on a summer-time clock; on the clinic's it is 07:30: still quiet.
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-10-31T07:30:00Z"));
        pause();
        assertThat(statusOf(confirmation)).isEqualTo("HELD");
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-10-31T08:00:30Z"));
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(confirmation)));
    }

    @Test
    void emailIsNotHeldAtNight() {
        var patient = registerPatient(true, true, true, true);
        TestClockConfiguration.CLOCK.setNow(Instant.parse("2027-01-15T23:30:00Z"));
        var confirmation = bookAndAwaitConfirmation(patient, OffsetDateTime.parse("2027-01-25T10:00:00Z"));
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(confirmation)));
        assertThat(mailsTo(patient.email())).hasSize(1);
    }

    private UUID bookAndAwaitConfirmation(TestPatient patient, OffsetDateTime startsAt) {
        var appointmentId = UUID.randomUUID();
        publish("clinic.booking.appointment", appointmentId.toString(),
                Events.appointmentBooked(UUID.randomUUID(), appointmentId, patient.id(), startsAt));
        var id = new java.util.concurrent.atomic.AtomicReference<UUID>();
        await(Duration.ofSeconds(30), () -> {
            id.set(jdbc.sql("select id from notification where appointment_id = :id and purpose = 'CONFIRMATION'")
                    .param("id", appointmentId).query(UUID.class).optional().orElse(null));
            return id.get() != null;
        });
        return id.get();
    }

    private Instant nextAttempt(UUID id) {
        return jdbc.sql("select next_attempt_at from notification where id = :id").param("id", id)
                .query(OffsetDateTime.class).single().toInstant();
    }

    /** Several dispatcher polls. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
