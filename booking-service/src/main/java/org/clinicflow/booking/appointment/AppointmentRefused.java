package org.clinicflow.booking.appointment;

import org.clinicflow.platform.rules.RefusedByRule;

/** An appointment's own rules refused a change of its state; {@link #rule()} says which. */
final class AppointmentRefused extends RefusedByRule {

    /** The rules of an appointment's lifecycle. */
    public enum Rule {
        /** A hold lapsed before it was confirmed. */
        HOLD_EXPIRED,
        /** Only a booked appointment moves. */
        ONLY_BOOKED_MOVES,
        /** A patient is checked in on the day of the appointment only. */
        CHECK_IN_ON_THE_DAY,
        /** A patient is marked as not attending only once the appointment has begun. */
        NO_SHOW_AFTER_START,
        /** The status cannot follow the current one (a cancelled appointment cannot be checked in). */
        NO_SUCH_STEP
    }

    private final Rule broken;

    AppointmentRefused(Rule broken, String message) {
        super(broken.name(), message);
        this.broken = broken;
    }

    public Rule broken() {
        return broken;
    }
}
