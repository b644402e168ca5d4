package org.clinicflow.booking.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked time in a clinician's diary has come free: its appointment was cancelled, or moved away from it. Published
 * inside the transaction of that change, so that whatever a listener does with it (the waiting list's offers) commits
 * or rolls back with the change itself.
 *
 * @param appointmentId the appointment that held the time
 * @param cancelled     the appointment was cancelled (rather than moved), so it waits for nothing any more
 */
public record TimeFreed(UUID appointmentId, UUID clinicianId, Instant startsAt, Instant endsAt, boolean cancelled) {
}
