package org.clinicflow.followup.notification;

import java.time.Instant;
import java.util.Map;
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
 * @param calendar           the appointment's calendar entry as this message carries it, or null (not about one)
 * @param appointmentType    the type of the appointment it is about (its reminders are re-planned by it), or null
 * @param wordedFrom         the template it was worded from, or null (not an appointment message)
 */
public record NewNotification(UUID patientId, Purpose purpose, UUID appointmentId, UUID pathwayId, String stepCode,
                              String title, String body, String contentSlug, String contentSection,
                              Instant appointmentStartsAt, Instant appointmentEndsAt, Channel preferredChannel,
                              Instant dueAt, UUID sourceEventId, CalendarEntry calendar, String appointmentType,
                              WordedFrom wordedFrom) {

    public NewNotification {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
    }

    /** The words of a message: its title and its text (no greeting; the patient's name is added at send time). */
    public record Wording(String title, String body) {
    }

    /**
     * The template version a message was worded from and the facts filled into it, kept so that a later version can
     * word it again before it is sent. The facts say nothing about the patient.
     *
     * @param values placeholder name (without braces) to the text it stood for
     */
    public record WordedFrom(int templateVersion, Map<String, String> values) {
        public WordedFrom {
            if (templateVersion < 1) {
                throw new IllegalArgumentException("Template versions are numbered from 1");
            }
            values = Map.copyOf(values);
        }
    }

    /** Why it is sent, to whom, first by which channel, from when, and the event that caused it (its idempotency). */
    public record Addressing(UUID patientId, Purpose purpose, Channel preferredChannel, Instant dueAt,
                             UUID sourceEventId) {
    }

    /**
     * An appointment as the patient's calendar shows it, worded when the message is planned and kept with it.
     *
     * @param endsAt   null when the event did not say (a cancellation)
     * @param sequence the entry's version: higher for each change of the appointment, the same for all messages
     *                 about one change (RFC 5545 SEQUENCE)
     * @param summary  the entry's title
     * @param location the site's name and address, or null when unknown
     */
    public record CalendarEntry(UUID appointmentId, Instant startsAt, Instant endsAt, int sequence, String summary,
                                String location) {
        public CalendarEntry {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(summary, "summary");
            if (sequence < 0) {
                throw new IllegalArgumentException("A calendar entry's sequence starts at 0");
            }
        }
    }

    /**
     * About an appointment: an email carries its calendar entry.
     *
     * @param appointmentType the appointment's type as booking-service names it
     * @param words           the message's words, as {@code wordedFrom}'s template gave them
     */
    public static NewNotification aboutAppointment(Addressing to, CalendarEntry appointment, String appointmentType,
                                                   Wording words, WordedFrom wordedFrom) {
        Objects.requireNonNull(appointmentType, "appointmentType");
        Objects.requireNonNull(wordedFrom, "wordedFrom");
        return new NewNotification(to.patientId(), to.purpose(), appointment.appointmentId(), null, null,
                words.title(), words.body(), null, null, appointment.startsAt(), appointment.endsAt(),
                to.preferredChannel(), to.dueAt(), to.sourceEventId(), appointment, appointmentType, wordedFrom);
    }

    /**
     * A step of a follow-up pathway, quoting a section of the treatment's signed-off content when it names one.
     *
     * @param contentSlug    the treatment whose published content to quote at send time, or null
     * @param contentSection which section of it, or null
     */
    public static NewNotification pathwayStep(Addressing to, UUID pathwayId, String stepCode, Wording words,
                                              String contentSlug, String contentSection) {
        return new NewNotification(to.patientId(), to.purpose(), null, pathwayId, stepCode, words.title(),
                words.body(), contentSlug, contentSection, null, null, to.preferredChannel(), to.dueAt(),
                to.sourceEventId(), null, null, null);
    }

    /** A message about nothing the service keeps (an offer from the waiting list): words only. */
    public static NewNotification plain(Addressing to, Wording words) {
        return new NewNotification(to.patientId(), to.purpose(), null, null, null, words.title(), words.body(), null,
                null, null, null, to.preferredChannel(), to.dueAt(), to.sourceEventId(), null, null, null);
    }
}
