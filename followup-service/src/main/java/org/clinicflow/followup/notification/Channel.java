package org.clinicflow.followup.notification;

/** How a message reaches a patient. */
public enum Channel {
    EMAIL, SMS;

    Channel other() {
        return this == EMAIL ? SMS : EMAIL;
    }
}
