package org.clinicflow.followup.reminder;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.IncomingEvent;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Plans appointment messages from booking-service's appointment events. The event id is recorded in the same
 * transaction as the messages, so a redelivered event plans nothing twice.
 */
@Component
class AppointmentEventsListener {

    static final String CONSUMER = "followup-service.reminders";
    private static final Logger log = LoggerFactory.getLogger(AppointmentEventsListener.class);

    private final Inbox inbox;
    private final AppointmentMessages messages;

    AppointmentEventsListener(Inbox inbox, AppointmentMessages messages) {
        this.inbox = inbox;
        this.messages = messages;
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
            case "clinic.booking.appointment-booked.v1" -> messages.booked(appointment(event, "endsAt"), event.id());
            case "clinic.booking.appointment-rescheduled.v1" ->
                    messages.rescheduled(appointment(event, "endsAt"), event.id());
            case "clinic.booking.appointment-cancelled.v1" -> messages.cancelled(appointment(event, null), event.id());
            // Check-in, no-show, completion and procedures change nothing the patient is sent from here.
            default -> log.debug("Event type {} not handled by reminders", event.type());
        }
    }

    private static AppointmentMessages.Appointment appointment(IncomingEvent event, String endsAtField) {
        try {
            var data = event.data();
            return new AppointmentMessages.Appointment(UUID.fromString(data.required("appointmentId").asString()),
                    UUID.fromString(data.required("patientId").asString()),
                    data.required("appointmentType").asString(), time(data, "startsAt"),
                    endsAtField == null ? null : time(data, endsAtField));
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " lacks required data", e);
        }
    }

    private static Instant time(JsonNode data, String field) {
        return OffsetDateTime.parse(data.required(field).asString()).toInstant();
    }
}
