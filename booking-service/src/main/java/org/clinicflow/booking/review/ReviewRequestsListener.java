package org.clinicflow.booking.review;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Puts followup-service's review requests on the to-book list, once each, however often they are delivered. */
@Component
class ReviewRequestsListener {

    static final String CONSUMER = "booking-service.review-requests";
    static final String REQUESTED_V1 = "clinic.followup.review-requested.v1";

    private final Inbox inbox;
    private final ReviewRequestRepository requests;
    private final Clock clock;

    ReviewRequestsListener(Inbox inbox, ReviewRequestRepository requests, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.clock = clock;
    }

    @KafkaListener(topics = "clinic.followup.review", groupId = "booking-service")
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        if (!REQUESTED_V1.equals(event.type()) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        try {
            var data = event.data();
            var id = UUID.fromString(data.required("requestId").asString());
            if (requests.existsById(id)) {
                return;
            }
            var procedure = optional(data, "procedureId");
            // Absent in requests sent before recalls existed: those are all post-procedure reviews.
            var type = optional(data, "appointmentType");
            requests.save(new ReviewRequest(id, UUID.fromString(data.required("patientId").asString()),
                    UUID.fromString(data.required("surgeonId").asString()),
                    procedure == null ? null : UUID.fromString(procedure),
                    LocalDate.parse(data.required("windowStarts").asString()),
                    LocalDate.parse(data.required("windowEnds").asString()), clock.instant(),
                    optional(data, "reason"),
                    type == null ? AppointmentType.POST_PROCEDURE_REVIEW : AppointmentType.valueOf(type)));
        } catch (RuntimeException e) {
            throw new MalformedEventException("review-requested event " + event.id() + " lacks required data", e);
        }
    }

    private static String optional(JsonNode data, String field) {
        var value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
