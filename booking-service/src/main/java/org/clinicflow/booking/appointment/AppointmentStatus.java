package org.clinicflow.booking.appointment;

import java.util.Set;

/** Where an appointment is in its life; {@link #canBecome} is the whole of the allowed lifecycle. */
public enum AppointmentStatus {
    /** Taken for a few minutes while the receptionist confirms details; expires by itself. */
    HELD,
    /** Holds its time: the database refuses any other live appointment overlapping it for the same clinician. */
    BOOKED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case HELD -> next == BOOKED;
            case BOOKED -> Set.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Occupies its time in the diary. */
    boolean isLive() {
        return this == HELD || this == BOOKED || this == CHECKED_IN;
    }
}
