package org.clinicflow.followup.notification;

/** Why a message is sent; at most one pending message per appointment and purpose (a database constraint). */
public enum Purpose {
    CONFIRMATION, MOVED, CANCELLED, TWO_DAYS_BEFORE, TWO_HOURS_BEFORE, PATHWAY_MESSAGE;

    boolean isAboutAnAppointment() {
        return this != PATHWAY_MESSAGE;
    }
}
