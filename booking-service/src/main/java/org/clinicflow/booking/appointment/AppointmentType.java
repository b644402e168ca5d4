package org.clinicflow.booking.appointment;

import java.time.Duration;

/** The kinds of appointment the clinic offers, with how long each takes in the diary. */
public enum AppointmentType {
    /** The free first consultation behind "seen within 48 hours, no referral necessary". */
    FREE_CONSULTATION(Duration.ofMinutes(15)),
    FULL_CONSULTATION(Duration.ofMinutes(30)),
    /** The six-week review with the treating surgeon after kyphoplasty or vertebroplasty. */
    POST_PROCEDURE_REVIEW(Duration.ofMinutes(20)),
    /** A theatre slot. */
    PROCEDURE(Duration.ofMinutes(60));

    private final Duration duration;

    AppointmentType(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }
}
