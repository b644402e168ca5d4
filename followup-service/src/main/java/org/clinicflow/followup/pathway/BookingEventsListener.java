package org.clinicflow.followup.pathway;

import org.clinicflow.followup.booking.AppointmentTopic;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentBooked;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentCancelled;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentNoShow;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentRescheduled;
import org.clinicflow.followup.booking.AppointmentTopic.ProcedureCompleted;
import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads booking-service's appointment topic for what pathways care about: a procedure performed starts one; a booking
 * that answers a review request closes the request; a move, cancellation or no-show of that appointment is
 * followed. Its own consumer group, so it reads every event independently of the reminders.
 */
@Component
class BookingEventsListener {

    static final String CONSUMER = "followup-service.pathways";

    private final EventRouter router;

    /**
     * Only starting a pathway and closing a review are recorded in the inbox: the other effects set values and are
     * harmless to repeat, and most appointment events concern no pathway at all, so they cost no write (and no commit
     * to wait for) here.
     */
    BookingEventsListener(Inbox inbox, Pathways pathways) {
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on(AppointmentTopic.PROCEDURE_COMPLETED, ProcedureCompleted.class, (done, delivery) -> {
                    if (delivery.first()) {
                        pathways.start(new Pathways.ProcedureCompleted(done.procedureId(), done.appointmentId(),
                                done.patientId(), done.surgeonId(), done.treatment(), done.performedOn()),
                                delivery.event().id());
                    }
                })
                .on(AppointmentTopic.BOOKED, AppointmentBooked.class, (booked, delivery) -> {
                    if (booked.reviewRequestId() != null && delivery.first()) {
                        pathways.reviewBooked(booked.reviewRequestId(), booked.appointmentId(),
                                booked.startsAt().toInstant());
                    }
                })
                .on(AppointmentTopic.RESCHEDULED, AppointmentRescheduled.class, (moved, delivery) ->
                        pathways.reviewMoved(moved.appointmentId(), moved.startsAt().toInstant()))
                .on(AppointmentTopic.CANCELLED, AppointmentCancelled.class, (cancelled, delivery) ->
                        pathways.reviewCancelled(cancelled.appointmentId()))
                .on(AppointmentTopic.NO_SHOW, AppointmentNoShow.class, (missed, delivery) ->
                        pathways.reviewMissed(missed.appointmentId()));
    }

    @KafkaListener(topics = AppointmentTopic.TOPIC, groupId = CONSUMER)
    @Transactional
    void on(String record) {
        router.route(record);
    }
}
