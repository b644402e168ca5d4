package org.clinicflow.followup.reminder;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.IncomingEvent;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Plans reminders from booking-service's appointment events. The event id is recorded in the same transaction as the
 * reminders, so a redelivered event plans nothing twice.
 */
@Component
class AppointmentEventsListener {

    static final String CONSUMER = "followup-service.reminders";
    private static final Logger log = LoggerFactory.getLogger(AppointmentEventsListener.class);

    private final Inbox inbox;
    private final ReminderRepository reminders;
    private final Clock clock;

    AppointmentEventsListener(Inbox inbox, ReminderRepository reminders, Clock clock) {
        this.inbox = inbox;
        this.reminders = reminders;
        this.clock = clock;
    }

    @KafkaListener(topics = "clinic.booking.appointment", groupId = "followup-service")
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.debug("Event {} already processed; ignored", event.id());
            return;
        }
        switch (event.type()) {
            case "clinic.booking.appointment-booked.v1" -> booked(event);
            // Other appointment events (rescheduled, cancelled, ...) come with later work; known and ignored until then.
            default -> log.debug("Event type {} not handled by reminders", event.type());
        }
    }

    private void booked(IncomingEvent event) {
        UUID appointmentId;
        UUID patientId;
        OffsetDateTime startsAt;
        try {
            appointmentId = UUID.fromString(event.data().required("appointmentId").asString());
            patientId = UUID.fromString(event.data().required("patientId").asString());
            startsAt = OffsetDateTime.parse(event.data().required("startsAt").asString());
        } catch (RuntimeException e) {
            throw new MalformedEventException("appointment-booked event " + event.id() + " lacks required data", e);
        }
        var now = clock.instant();
        for (ReminderKind kind : ReminderKind.values()) {
            var reminder = Reminder.schedule(appointmentId, patientId, kind, startsAt.toInstant(), event.id(), now);
            // A reminder whose moment has already passed would only confuse: booked at short notice, skip it.
            if (reminder.dueAt().isAfter(now)) {
                reminders.save(reminder);
            }
        }
    }
}
