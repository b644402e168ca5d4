package org.clinicflow.followup.access;

/** Which warning of the 48-hour promise raised an alert. */
enum AccessAlertKind {
    /** Some hours before the deadline, with no appointment that keeps it: still time to act. */
    AT_RISK("clinic.booking.access-target-at-risk.v1"),
    /** The deadline passed without the patient being booked in time: the lead is emailed too. */
    BREACHED("clinic.booking.access-target-breached.v1");

    private final String eventType;

    AccessAlertKind(String eventType) {
        this.eventType = eventType;
    }

    /** The type of booking-service's event that raises it. */
    String eventType() {
        return eventType;
    }
}
