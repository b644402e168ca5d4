package org.clinicflow.booking.appointment;

public enum AppointmentStatus {
    /** Holds its time: the database refuses any other live appointment overlapping it for the same clinician. */
    BOOKED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW
}
