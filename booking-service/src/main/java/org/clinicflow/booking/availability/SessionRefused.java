package org.clinicflow.booking.availability;

import org.clinicflow.platform.rules.RefusedByRule;

import java.util.Map;

/** The rules of a clinician's working pattern refused an administrator's change; {@link #rule()} says which. */
final class SessionRefused extends RefusedByRule {

    /** The rules of when clinicians work. */
    enum Rule {
        /** A clinician is in one session at a time. */
        SESSIONS_DO_NOT_OVERLAP,
        /** What has already happened is kept as it was: a past change is not undone. */
        PAST_STAYS_AS_HISTORY,
        /** No change may leave a booked patient outside every session; they are moved or cancelled first. */
        NO_APPOINTMENT_STRANDED
    }

    SessionRefused(Rule rule, String message) {
        super(rule.name(), message);
    }

    SessionRefused(Rule rule, String message, Map<String, Object> properties) {
        super(rule.name(), message, properties);
    }
}
