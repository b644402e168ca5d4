package org.clinicflow.followup.reminder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The SEQUENCE (RFC 5545) of each appointment's entry in the patient's calendar: 0 for the booking, one more for each
 * move or cancellation. A calendar takes an invite with the same UID as an update only when its SEQUENCE is higher
 * than the one it holds, so the number must grow with every change and never with anything else.
 * <p>
 * It is a count of the appointment's changes as follow-up reads them, not a clock. booking-service keys all events of
 * an appointment by its id, so they arrive in the order they happened, and the inbox lets each through once; counting
 * in the transaction that records the event gives each change a number above the last one, however close together
 * they come and whenever each message is finally sent. (A clock read at send time gave two changes within one minute
 * the same number, and a message held back, say for missing contact details, a number above a later change's.)
 */
@Component
class CalendarSequences {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarSequences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the sequence of the appointment's entry after this change: 0 when it is the first follow-up sees */
    @Transactional(propagation = Propagation.MANDATORY)
    int next(UUID appointmentId) {
        return jdbc.sql("""
                        insert into appointment_calendar (appointment_id, sequence, changed_at)
                        values (:appointment, 0, :now)
                        on conflict (appointment_id)
                            do update set sequence = appointment_calendar.sequence + 1, changed_at = :now
                        returning sequence
                        """)
                .param("appointment", appointmentId)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(Integer.class).single();
    }
}
