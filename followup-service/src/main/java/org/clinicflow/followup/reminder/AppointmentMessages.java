package org.clinicflow.followup.reminder;

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

/** What an appointment's life means for the patient's messages. */
@Component
class AppointmentMessages {

    private final Notifications notifications;
    private final Clock clock;

    AppointmentMessages(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    record Appointment(UUID appointmentId, UUID patientId, String type, Instant startsAt, Instant endsAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void booked(Appointment a, UUID eventId) {
        confirm(a, Purpose.CONFIRMATION, "Your appointment is booked",
                "Your " + describe(a.type()) + " at the clinic is booked. We look forward to seeing you.", eventId);
        remind(a, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rescheduled(Appointment a, UUID eventId) {
        // The old time's reminders (and an unsent confirmation of it) would now be wrong: replace them.
        notifications.cancelPendingFor(a.appointmentId());
        confirm(a, Purpose.MOVED, "Your appointment has moved",
                "Your " + describe(a.type()) + " at the clinic has moved to a new time.", eventId);
        remind(a, eventId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void cancelled(Appointment a, UUID eventId) {
        notifications.cancelPendingFor(a.appointmentId());
        confirm(a, Purpose.CANCELLED, "Your appointment is cancelled",
                "Your " + describe(a.type()) + " at the clinic has been cancelled. If you did not expect this, "
                        + "or would like a new appointment, please call us.", eventId);
    }

    private void confirm(Appointment a, Purpose purpose, String title, String body, UUID eventId) {
        notifications.schedule(NewNotification.aboutAppointment(
                new NewNotification.Addressing(a.patientId(), purpose, Channel.EMAIL, clock.instant(), eventId),
                a.appointmentId(), a.startsAt(), a.endsAt(), new NewNotification.Wording(title, body)));
    }

    private void remind(Appointment a, UUID eventId) {
        var now = clock.instant();
        for (var kind : ReminderKind.values()) {
            var due = a.startsAt().minus(kind.lead());
            // A reminder whose moment has already passed would only confuse: booked at short notice, skip it.
            if (due.isAfter(now)) {
                notifications.schedule(NewNotification.aboutAppointment(
                        new NewNotification.Addressing(a.patientId(), kind.purpose(), kind.channel(), due, eventId),
                        a.appointmentId(), a.startsAt(), a.endsAt(), new NewNotification.Wording(
                                "Reminder: your appointment", "A reminder of your " + describe(a.type())
                                + " at the clinic.")));
            }
        }
    }

    /** Unknown types (the contract allows new ones within v1) read as a generic appointment. */
    private static String describe(String type) {
        return switch (type) {
            case "FREE_CONSULTATION" -> "free 15-minute consultation";
            case "FULL_CONSULTATION" -> "consultation";
            case "POST_PROCEDURE_REVIEW" -> "review after your procedure";
            case "PROCEDURE" -> "procedure";
            default -> "appointment";
        };
    }
}
