package org.clinicflow.booking.clinician;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What is already in clinicians' diaries, for the changes to their working pattern that must not strand a patient:
 * a day of leave, an ended template, a deactivated clinician. Appointments implement it; the rules that ask live here
 * and in availability, which appointments themselves depend on.
 */
public interface ClinicianDiary {

    /** An end for "from then on" that PostgreSQL can still store ({@link Instant#MAX} is out of its range). */
    Instant OPEN_ENDED = Instant.parse("9999-01-01T00:00:00Z");

    /**
     * Held, booked and checked-in appointments starting from {@code from} (inclusive) to {@code to} (exclusive),
     * earliest first.
     *
     * @param clinicianId one clinician's, or everyone's when null (a bank holiday)
     */
    List<Entry> liveAppointments(UUID clinicianId, Instant from, Instant to);

    record Entry(UUID appointmentId, UUID clinicianId, Instant startsAt, Instant endsAt) {
    }
}
