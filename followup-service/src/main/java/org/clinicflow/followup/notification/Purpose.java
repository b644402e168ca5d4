package org.clinicflow.followup.notification;

/** Why a message is sent; at most one pending message per appointment and purpose (a database constraint). */
public enum Purpose {
    CONFIRMATION, MOVED, CANCELLED, TWO_DAYS_BEFORE, TWO_HOURS_BEFORE, PATHWAY_MESSAGE,
    /** An earlier time offered from the waiting list: about a time not (yet) the patient's, so no invite goes. */
    WAITLIST_OFFER;

    boolean isAboutAnAppointment() {
        return this != PATHWAY_MESSAGE && this != WAITLIST_OFFER;
    }
}
