package org.clinicflow.followup.pathway;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.IncomingEvent;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads booking-service's appointment topic for what pathways care about: a procedure performed starts one; a booking
 * that answers a review request closes the request; a move, cancellation or no-show of that appointment is
 * followed. Its own
 * consumer group, so it reads every event independently of the reminders.
 */
@Component
class BookingEventsListener {

    static final String CONSUMER = "followup-service.pathways";

    private final Inbox inbox;
    private final Pathways pathways;

    BookingEventsListener(Inbox inbox, Pathways pathways) {
        this.inbox = inbox;
        this.pathways = pathways;
    }

    @KafkaListener(topics = "clinic.booking.appointment", groupId = "followup-service.pathways")
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        try {
            var data = event.data();
            // Only starting a pathway and closing a review are recorded in the inbox: the other effects below set
            // values and are harmless to repeat, and most appointment events concern no pathway at all, so they cost
            // no write (and no commit to wait for) here.
            switch (event.type()) {
                case "clinic.booking.procedure-completed.v1" -> {
                    if (inbox.firstDelivery(CONSUMER, event)) {
                        pathways.start(new Pathways.ProcedureCompleted(uuid(event, "procedureId"),
                                uuid(event, "appointmentId"), uuid(event, "patientId"), uuid(event, "surgeonId"),
                                data.required("treatment").asString(),
                                LocalDate.parse(data.required("performedOn").asString())), event.id());
                    }
                }
                case "clinic.booking.appointment-booked.v1" -> {
                    var request = data.get("reviewRequestId");
                    if (request != null && !request.isNull() && inbox.firstDelivery(CONSUMER, event)) {
                        pathways.reviewBooked(UUID.fromString(request.asString()), uuid(event, "appointmentId"),
                                OffsetDateTime.parse(data.required("startsAt").asString()).toInstant());
                    }
                }
                case "clinic.booking.appointment-rescheduled.v1" -> pathways.reviewMoved(uuid(event, "appointmentId"),
                        OffsetDateTime.parse(data.required("startsAt").asString()).toInstant());
                case "clinic.booking.appointment-cancelled.v1" -> pathways.reviewCancelled(uuid(event, "appointmentId"));
                case "clinic.booking.appointment-no-show.v1" -> pathways.reviewMissed(uuid(event, "appointmentId"));
                default -> {
                    // Other appointment events do not touch pathways.
                }
            }
        } catch (MalformedEventException | DataAccessException e) {
            // Unreadable events go to the dead-letter topic at once; database trouble is retried.
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " lacks required data", e);
        }
    }

    private static UUID uuid(IncomingEvent event, String field) {
        return UUID.fromString(event.data().required(field).asString());
    }
}
