package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic.Setting;
import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.NewNotification;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.followup.notification.Purpose;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What an appointment's life means for the patient's messages. Each is worded from the current version of its
 * {@link MessageTemplates template}, and records that version and the facts filled in, so a later version can word it
 * again before it is sent; reminders go when {@link ReminderTimings} says for the appointment's type.
 */
@Component
class AppointmentMessages {

    private final Notifications notifications;
    private final CalendarSequences sequences;
    private final MessageTemplates templates;
    private final ReminderTimings timings;
    private final Clock clock;

    AppointmentMessages(Notifications notifications, CalendarSequences sequences, MessageTemplates templates,
                        ReminderTimings timings, Clock clock) {
        this.notifications = notifications;
        this.sequences = sequences;
        this.templates = templates;
        this.timings = timings;
        this.clock = clock;
    }

    /**
     * @param endsAt  null for a cancellation, whose event does not say
     * @param setting where and with whom; its parts null when the event did not say
     */
    record Appointment(UUID appointmentId, UUID patientId, String type, Instant startsAt, Instant endsAt,
                       Setting setting) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void booked(Appointment a, UUID eventId) {
        var entry = entry(a);
        confirm(a, entry, Purpose.CONFIRMATION, eventId);
        remind(a, entry, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rescheduled(Appointment a, UUID eventId) {
        // The old time's reminders (and an unsent confirmation of it) would now be wrong: replace them.
        notifications.cancelPendingFor(a.appointmentId());
        var entry = entry(a);
        confirm(a, entry, Purpose.MOVED, eventId);
        remind(a, entry, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void cancelled(Appointment a, UUID eventId) {
        notifications.cancelPendingFor(a.appointmentId());
        confirm(a, entry(a), Purpose.CANCELLED, eventId);
    }

    /** One calendar version per event: its confirmation and its reminders carry the same entry. */
    private NewNotification.CalendarEntry entry(Appointment a) {
        return new NewNotification.CalendarEntry(a.appointmentId(), a.startsAt(), a.endsAt(),
                sequences.next(a.appointmentId()), AppointmentPlaceholders.calendarSummary(a),
                AppointmentPlaceholders.calendarLocation(a.setting()));
    }

    private void confirm(Appointment a, NewNotification.CalendarEntry entry, Purpose purpose, UUID eventId) {
        schedule(a, entry, new NewNotification.Addressing(a.patientId(), purpose, Channel.EMAIL, clock.instant(),
                eventId));
    }

    private void remind(Appointment a, NewNotification.CalendarEntry entry, UUID eventId) {
        var now = clock.instant();
        for (var timing : timings.forPlanning(a.type())) {
            var due = a.startsAt().minus(timing.lead());
            // A reminder whose moment has already passed would only confuse: booked at short notice, skip it.
            if (due.isAfter(now)) {
                schedule(a, entry, new NewNotification.Addressing(a.patientId(), timing.kind().purpose(),
                        timing.channel(), due, eventId));
            }
        }
    }

    /** Worded by the purpose's current template, which the message records with the facts it filled in. */
    private void schedule(Appointment a, NewNotification.CalendarEntry entry, NewNotification.Addressing to) {
        var template = templates.forPlanning(to.purpose());
        var values = AppointmentPlaceholders.of(a);
        notifications.schedule(NewNotification.aboutAppointment(to, entry, a.type(), template.wording(values),
                new NewNotification.WordedFrom(template.version(), values)));
    }
}
