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

/** What an appointment's life means for the patient's messages. The words are {@link AppointmentWording}'s. */
@Component
class AppointmentMessages {

    private final Notifications notifications;
    private final CalendarSequences sequences;
    private final Clock clock;

    AppointmentMessages(Notifications notifications, CalendarSequences sequences, Clock clock) {
        this.notifications = notifications;
        this.sequences = sequences;
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
        confirm(a, entry, Purpose.CONFIRMATION, AppointmentWording.booked(a), eventId);
        remind(a, entry, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rescheduled(Appointment a, UUID eventId) {
        // The old time's reminders (and an unsent confirmation of it) would now be wrong: replace them.
        notifications.cancelPendingFor(a.appointmentId());
        var entry = entry(a);
        confirm(a, entry, Purpose.MOVED, AppointmentWording.moved(a), eventId);
        remind(a, entry, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void cancelled(Appointment a, UUID eventId) {
        notifications.cancelPendingFor(a.appointmentId());
        confirm(a, entry(a), Purpose.CANCELLED, AppointmentWording.cancelled(a), eventId);
    }

    /** One calendar version per event: its confirmation and its reminders carry the same entry. */
    private NewNotification.CalendarEntry entry(Appointment a) {
        return new NewNotification.CalendarEntry(a.appointmentId(), a.startsAt(), a.endsAt(),
                sequences.next(a.appointmentId()), AppointmentWording.calendarSummary(a),
                AppointmentWording.calendarLocation(a.setting()));
    }

    private void confirm(Appointment a, NewNotification.CalendarEntry entry, Purpose purpose,
                         NewNotification.Wording words, UUID eventId) {
        notifications.schedule(NewNotification.aboutAppointment(
                new NewNotification.Addressing(a.patientId(), purpose, Channel.EMAIL, clock.instant(), eventId),
                entry, words));
    }

    private void remind(Appointment a, NewNotification.CalendarEntry entry, UUID eventId) {
        var now = clock.instant();
        for (var kind : ReminderKind.values()) {
            var due = a.startsAt().minus(kind.lead());
            // A reminder whose moment has already passed would only confuse: booked at short notice, skip it.
            if (due.isAfter(now)) {
                notifications.schedule(NewNotification.aboutAppointment(
                        new NewNotification.Addressing(a.patientId(), kind.purpose(), kind.channel(), due, eventId),
                        entry, AppointmentWording.reminder(a)));
            }
        }
    }
}
