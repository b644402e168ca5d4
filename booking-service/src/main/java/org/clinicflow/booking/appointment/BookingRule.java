package org.clinicflow.booking.appointment;

/**
 * The rules the clinic sets per type of appointment. Each holds staff and patients alike; staff may go past one with
 * a reason (kept in {@code booking_rule_override} and audited), a patient never.
 */
enum BookingRule {
    /** A new time at least this far from now. */
    MINIMUM_NOTICE,
    /** A new time at least this far from the clinician's other appointments. */
    BUFFER,
    /** No more than this many of the type for one clinician on one clinic day. */
    MAXIMUM_PER_DAY,
    /** No move or cancellation within this long before the appointment. */
    CHANGE_CUTOFF
}
