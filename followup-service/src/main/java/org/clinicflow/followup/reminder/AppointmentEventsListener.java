package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentBooked;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentCancelled;
import org.clinicflow.followup.booking.AppointmentTopic.AppointmentRescheduled;
import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans appointment messages from booking-service's appointment events. The event id is recorded in the same
 * transaction as the messages, so a redelivered event plans nothing twice.
 */
@Component
class AppointmentEventsListener {

    static final String CONSUMER = "followup-service.reminders";
    private static final Logger log = LoggerFactory.getLogger(AppointmentEventsListener.class);

    private final EventRouter router;

    /** Check-in, no-show, completion and procedures change nothing the patient is sent from here. */
    AppointmentEventsListener(Inbox inbox, AppointmentMessages messages) {
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on(AppointmentTopic.BOOKED, AppointmentBooked.class, (booked, delivery) -> {
                    if (first(delivery)) {
                        messages.booked(new AppointmentMessages.Appointment(booked.appointmentId(), booked.patientId(),
                                booked.appointmentType(), booked.startsAt().toInstant(), booked.endsAt().toInstant(),
                                booked.setting()),
                                delivery.event().id());
                    }
                })
                .on(AppointmentTopic.RESCHEDULED, AppointmentRescheduled.class, (moved, delivery) -> {
                    if (first(delivery)) {
                        messages.rescheduled(new AppointmentMessages.Appointment(moved.appointmentId(),
                                moved.patientId(), moved.appointmentType(), moved.startsAt().toInstant(),
                                moved.endsAt().toInstant(), moved.setting()), delivery.event().id());
                    }
                })
                .on(AppointmentTopic.CANCELLED, AppointmentCancelled.class, (cancelled, delivery) -> {
                    if (first(delivery)) {
                        messages.cancelled(new AppointmentMessages.Appointment(cancelled.appointmentId(),
                                cancelled.patientId(), cancelled.appointmentType(), cancelled.startsAt().toInstant(),
                                null, cancelled.setting()), delivery.event().id());
                    }
                });
    }

    private static boolean first(EventRouter.Delivery delivery) {
        if (delivery.first()) {
            return true;
        }
        log.debug("Event {} already processed; ignored", delivery.event().id());
        return false;
    }

    @KafkaListener(topics = AppointmentTopic.TOPIC, groupId = "followup-service")
    @Transactional
    void on(String record) {
        router.route(record);
    }
}
