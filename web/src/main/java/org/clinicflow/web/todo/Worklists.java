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

    /** @param reason a recall's reason (null for a post-procedure review); reopenedAfter CANCELLED, NO_SHOW or null */
    record ReviewToBook(UUID id, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                        LocalDate windowEnds, String appointmentType, String reason, String reopenedAfter,
                        List<SlotOffer> earliestFittingSlots) {
    }

    /** @param status OPEN, or LETTER_SENT while a bone-density letter waits for the scan's result */
    record OverdueTask(UUID taskId, UUID patientId, UUID pathwayId, String stepCode, String title, LocalDate dueOn,
                       String status, long version) {
    }

    record UnbookedReview(UUID requestId, UUID patientId, UUID surgeonId, UUID pathwayId, LocalDate windowStarts,
                          LocalDate windowEnds, LocalDate bookBy, String reason, OffsetDateTime missedAt) {
    }

    /** A warning of the 48-hour promise; {@code patientId} null while the caller is not registered. */
    record AccessAlert(UUID alertId, UUID enquiryId, UUID patientId, String kind, OffsetDateTime deadline,
                       OffsetDateTime raisedAt, String emailStatus, long version) {
    }

    record FailedMessage(UUID notificationId, UUID patientId, String purpose, UUID appointmentId, UUID pathwayId,
                         OffsetDateTime dueAt, String lastChannel, int attempts, String reason) {
    }

    record StartedPathway(UUID pathwayId, UUID patientId, UUID surgeonId, String treatment, LocalDate performedOn,
                          OffsetDateTime startedAt) {
    }

    record FollowUp(LocalDate today, List<AccessAlert> accessAlerts, List<OverdueTask> overdueTasks, List<UnbookedReview> reviewsNotBooked,
                    List<FailedMessage> failedMessages, List<StartedPathway> startedPathways) {
    }

    /**
     * One clinic task as followup-service keeps it; who did what is a user id, never shown as a name.
     *
     * @param status      OPEN, LETTER_SENT (a bone-density letter waiting for the scan's result), DONE or CLOSED
     * @param scanOutcome DONE or DECLINED once the result is recorded; null before
     */
    record Task(UUID id, UUID patientId, String stepCode, String title, LocalDate dueOn, String status,
                OffsetDateTime letterSentAt, String scanOutcome, LocalDate scanDate, String scanResult,
                String closedReason, OffsetDateTime doneAt, long version) {

        /** Only the GP bone-density letter waits for a scan's result; any other task is done once sent. */
        public boolean waitsForScan() {
            return "GP_BONE_DENSITY_LETTER".equals(stepCode);
        }

        /** Public, as the page's expressions call it. */
        public boolean finished() {
            return "DONE".equals(status) || "CLOSED".equals(status);
        }
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

    /** Only whether it was replayed matters here; the admin's dead-letters page shows the rest. */
    record DeadLetter(UUID id, OffsetDateTime replayedAt) {
    }

    /** Events the service gave up processing and nobody has replayed yet (clinic admin only). */
    long deadLettersWaiting(Part part, String service) {
        return services.get(part, new org.springframework.core.ParameterizedTypeReference<List<DeadLetter>>() {
        }, "/api/" + service + "/dead-letters").stream().filter(letter -> letter.replayedAt() == null).count();
    }

    void retry(UUID notification) {
        services.post(Part.FOLLOWUP, Void.class, null, null, "/api/followup/notifications/{id}/retry", notification);
    }

    /** Someone at the desk has seen the alert; it leaves the list (who and when are kept by follow-up). */
    void acknowledge(UUID alert, long version) {
        services.post(Part.FOLLOWUP, Void.class, null, etag(version),
                "/api/followup/access-alerts/{id}/acknowledgement", alert);
    }

    Task task(UUID id) {
        return services.get(Part.FOLLOWUP, Task.class, "/api/followup/tasks/{id}", id);
    }

    /** The letter went to the GP: a bone-density task then waits for the scan's result, any other task is done. */
    void letterSent(UUID task, long version) {
        services.post(Part.FOLLOWUP, Task.class, null, etag(version), "/api/followup/tasks/{id}/sent", task);
    }

    /**
     * The scan's result: {@code DONE} with its date and what it found, or {@code DECLINED} with neither (follow-up
     * refuses a date or result on a declined scan, and names the field).
     */
    void recordResult(UUID task, long version, String outcome, LocalDate scanDate, String result) {
        var body = new HashMap<String, Object>();
        body.put("outcome", outcome);
        body.put("scanDate", scanDate);
        body.put("result", result);
        services.post(Part.FOLLOWUP, Task.class, body, etag(version), "/api/followup/tasks/{id}/result", task);
    }

    /** A clinician's decision that the task is no longer needed; follow-up keeps the reason with it. */
    void close(UUID task, long version, String reason) {
        services.post(Part.FOLLOWUP, Task.class, Map.of("reason", reason), etag(version),
                "/api/followup/tasks/{id}/closure", task);
    }

    /**
     * Books a review or recall straight into one of the slots offered for it, as the type it asks for; the request
     * leaves the list.
     */
    UUID bookReview(UUID request, UUID patient, UUID surgeon, String type, OffsetDateTime startsAt) {
        var body = new HashMap<String, Object>();
        body.put("patientId", patient);
        body.put("clinicianId", surgeon);
        body.put("appointmentType", type);
        body.put("startsAt", startsAt);
        body.put("reviewRequestId", request);
        return services.post(Part.BOOKING, Map.class, body, null, "/api/booking/appointments").get("id") instanceof
                String id ? UUID.fromString(id) : null;
    }

    Patient patient(UUID id) {
        return services.get(Part.BOOKING, Patient.class, "/api/booking/patients/{id}", id);
    }

    /** The version a page showed, as the If-Match its change sends. */
    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
