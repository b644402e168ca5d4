package org.clinicflow.booking.review;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Puts followup-service's review requests on the to-book list, once each, however often they are delivered. */
@Component
class ReviewRequestsListener {

    static final String CONSUMER = "booking-service.review-requests";

    private final EventRouter router;
    private final ReviewRequestRepository requests;
    private final Clock clock;

    ReviewRequestsListener(Inbox inbox, ReviewRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on("clinic.followup.review-requested.v1", Requested.class, this::requested);
    }

    /**
     * What booking reads of {@code review-requested.v1}. A recall has no procedure; requests sent before recalls
     * existed have no appointment type, and all of those are post-procedure reviews.
     */
    record Requested(UUID requestId, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                     LocalDate windowEnds, String reason, AppointmentType appointmentType) {
        Requested {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(surgeonId, "surgeonId");
            Objects.requireNonNull(windowStarts, "windowStarts");
            Objects.requireNonNull(windowEnds, "windowEnds");
            appointmentType = appointmentType == null ? AppointmentType.POST_PROCEDURE_REVIEW : appointmentType;
        }
    }

    @KafkaListener(topics = "clinic.followup.review", groupId = "booking-service")
    @Transactional
    void on(String record) {
        router.route(record);
    }

    private void requested(Requested request, EventRouter.Delivery delivery) {
        if (!delivery.first() || requests.existsById(request.requestId())) {
            return;
        }
        requests.save(new ReviewRequest(request.requestId(), request.patientId(), request.surgeonId(),
                request.procedureId(), request.windowStarts(), request.windowEnds(), clock.instant(),
                request.reason(), request.appointmentType()));
    }
}
