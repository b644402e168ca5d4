package org.clinicflow.booking.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked appointment will not take place after all: it was cancelled, or the patient did not attend. Published
 * inside the transaction of that change, so that whatever a listener does with it (a review request put back on the
 * to-book list) commits or rolls back with the change itself, and no other feature has to read the appointment table.
 *
 * @param status {@link AppointmentStatus#CANCELLED} or {@link AppointmentStatus#NO_SHOW}
 * @param at     when the change was recorded
 */
public record AppointmentNotKept(UUID appointmentId, UUID patientId, AppointmentStatus status, Instant at) {

    public boolean noShow() {
        return status == AppointmentStatus.NO_SHOW;
    }
}
