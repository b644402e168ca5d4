package org.clinicflow.followup.pathway;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The one place where review requests become events on topic {@value #TOPIC}, keyed by request id. */
final class ReviewEvents {

    static final String TOPIC = "clinic.followup.review";
    static final String REQUESTED_V1 = "clinic.followup.review-requested.v1";
    static final String SOURCE = "/clinicflow/followup-service";

    private ReviewEvents() {
    }

    /**
     * Ids and dates, and a recall's reason: booking-service knows who the patient and clinician are.
     *
     * @param procedureId     null for a recall
     * @param reason          a recall's reason, shown to reception; null for a post-procedure review
     * @param appointmentType null means POST_PROCEDURE_REVIEW
     */
    record ReviewRequestedV1(UUID requestId, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                             LocalDate windowEnds, String reason, String appointmentType) {
    }

    static CloudEvent requested(ReviewRequestedV1 data, Instant now) {
        // Whole seconds: RFC 3339 needs the seconds field, which a time printed without a fraction may drop.
        var time = now.truncatedTo(ChronoUnit.SECONDS).plusMillis(1).atZone(ClinicZone.ZONE)
                .toOffsetDateTime();
        return new CloudEvent(UUID.randomUUID(), SOURCE, REQUESTED_V1, data.requestId().toString(), time, null, data);
    }
}
