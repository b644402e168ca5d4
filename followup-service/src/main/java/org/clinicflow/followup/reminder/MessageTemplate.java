package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.NewNotification.Wording;
import org.clinicflow.followup.notification.Purpose;

import java.time.Instant;
import java.util.Map;

/**
 * A version of the words of one appointment message. Versions are never edited: a clinic admin's change is the next
 * version, with who made it, when and why, and it words every message of its purpose planned after it, and those
 * planned before it that are not yet sent. Version 1 is the wording the clinic started with.
 *
 * @param changedBy the Keycloak subject of the admin who wrote it ({@code system} for version 1)
 */
record MessageTemplate(Purpose purpose, int version, String title, String body, String changedBy, Instant changedAt,
                       String reason) {

    /** This version's words for an appointment, from its facts ({@link AppointmentPlaceholders#of}). */
    Wording wording(Map<String, String> values) {
        return TemplateText.fill(title, body, values);
    }
}
