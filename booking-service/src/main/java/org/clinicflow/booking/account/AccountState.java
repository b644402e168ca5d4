package org.clinicflow.booking.account;

/** Where a patient's sign-in stands, as reception would say it. */
enum AccountState {
    /** Recorded here; Keycloak has not yet created the sign-in or sent the invitation (it may be away). */
    INVITE_PENDING,
    /** The sign-in exists and the invitation went out; the patient has not yet chosen a password. */
    INVITED,
    /** The patient has chosen a password and can sign in. */
    ACTIVE,
    /** Reception switched signing in off; nothing is deleted, and it can be switched on again. */
    DISABLED
}
