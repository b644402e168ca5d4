package org.clinicflow.followup.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to plan for a patient.
 *
 * @param appointmentId      the appointment it is about, or null (pathway messages)
 * @param pathwayId          the follow-up pathway it belongs to, or null; with stepCode unique
 * @param contentSlug        treatment whose published content to quote at send time, or null
 * @param contentSection     which section of it (e.g. {@code recovery}), or null
 * @param appointmentStartsAt with appointmentEndsAt: the iCalendar event attached to emails, or null
 * @param body               patient-friendly text without personal data beyond what the patient knows; no greeting
 */
public record NewNotification(UUID patientId, Purpose purpose, UUID appointmentId, UUID pathwayId, String stepCode,
                              String title, String body, String contentSlug, String contentSection,
                              Instant appointmentStartsAt, Instant appointmentEndsAt, Channel preferredChannel,
                              Instant dueAt, UUID sourceEventId) {

    public NewNotification {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
    }
}
