package org.clinicflow.web.todo;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The to-do lists of booking-service and followup-service. */
@Component
class Worklists {

    /** @param urgent a self-referral with red flags the clinic has not yet called back about */
    record Enquiry(UUID id, UUID patientId, String channel, String referrer, OffsetDateTime firstContactAt,
                   OffsetDateTime deadline, OffsetDateTime atRiskAt, OffsetDateTime breachedAt, boolean urgent,
                   List<String> redFlags) {
    }

    record SlotOffer(OffsetDateTime startsAt, OffsetDateTime endsAt, UUID siteId) {
    }

    record ReviewToBook(UUID id, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                        LocalDate windowEnds, List<SlotOffer> earliestFittingSlots) {
    }

    record OverdueTask(UUID taskId, UUID patientId, UUID pathwayId, String stepCode, String title, LocalDate dueOn) {
    }

    record UnbookedReview(UUID requestId, UUID patientId, UUID surgeonId, UUID pathwayId, LocalDate windowStarts,
                          LocalDate windowEnds, LocalDate bookBy) {
    }

    record FailedMessage(UUID notificationId, UUID patientId, String purpose, UUID appointmentId, UUID pathwayId,
                         OffsetDateTime dueAt, String lastChannel, int attempts, String reason) {
    }

    record StartedPathway(UUID pathwayId, UUID patientId, UUID surgeonId, String treatment, LocalDate performedOn,
                          OffsetDateTime startedAt) {
    }

    record FollowUp(LocalDate today, List<OverdueTask> overdueTasks, List<UnbookedReview> reviewsNotBooked,
                    List<FailedMessage> failedMessages, List<StartedPathway> startedPathways) {
    }

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    record Patient(UUID id, String givenName, String familyName) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    private final Services services;

    Worklists(Services services) {
        this.services = services;
    }

    PageOf<Enquiry> enquiriesToBook() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<PageOf<Enquiry>>() {
        }, "/api/booking/enquiries/awaiting-booking?size=50");
    }

    PageOf<ReviewToBook> reviewsToBook() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<PageOf<ReviewToBook>>() {
        }, "/api/booking/review-requests?size=20");
    }

    FollowUp followUp() {
        return services.get(Part.FOLLOWUP, FollowUp.class, "/api/followup/worklist");
    }

    void retry(UUID notification) {
        services.post(Part.FOLLOWUP, Void.class, null, null, "/api/followup/notifications/{id}/retry", notification);
    }

    /** Books a review straight into one of the slots offered for it; the review request leaves the list. */
    UUID bookReview(UUID request, UUID patient, UUID surgeon, OffsetDateTime startsAt) {
        var body = new HashMap<String, Object>();
        body.put("patientId", patient);
        body.put("clinicianId", surgeon);
        body.put("appointmentType", "POST_PROCEDURE_REVIEW");
        body.put("startsAt", startsAt);
        body.put("reviewRequestId", request);
        return services.post(Part.BOOKING, Map.class, body, null, "/api/booking/appointments").get("id") instanceof
                String id ? UUID.fromString(id) : null;
    }

    Patient patient(UUID id) {
        return services.get(Part.BOOKING, Patient.class, "/api/booking/patients/{id}", id);
    }
}
