package org.clinicflow.booking.waitlist;

import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The waiting list's events on topic {@value #TOPIC}, keyed by offer id, matching
 * {@code contracts/schemas/clinic.booking.waitlist-offer-made.v1.json}. An offer carries its access key, because the
 * patient must be sent a link that opens it; the key opens only that offer, and only until it lapses.
 */
final class WaitlistEvents {

    static final String TOPIC = "clinic.booking.waitlist";
    static final String OFFER_MADE_V1 = "clinic.booking.waitlist-offer-made.v1";

    private WaitlistEvents() {
    }

    record WaitlistOfferMadeV1(UUID offerId, String accessKey, UUID patientId, UUID appointmentId, UUID clinicianId,
                               String appointmentType, OffsetDateTime startsAt, OffsetDateTime endsAt,
                               OffsetDateTime currentStartsAt, OffsetDateTime expiresAt, OffsetDateTime offeredAt) {
    }

    static CloudEvent offerMade(UUID offerId, String accessKey, Waitlist.Candidate candidate, Waitlist.Freed freed,
                                Instant expiresAt, Instant now) {
        return new CloudEvent(UUID.randomUUID(), "/clinicflow/booking-service", OFFER_MADE_V1, offerId.toString(),
                ClinicTime.show(now), null, new WaitlistOfferMadeV1(offerId, accessKey, candidate.patientId(),
                candidate.appointmentId(), freed.clinicianId(), candidate.type().name(),
                ClinicTime.show(freed.startsAt()), ClinicTime.show(freed.startsAt().plus(candidate.type().duration())),
                ClinicTime.show(candidate.currentStartsAt()), ClinicTime.show(expiresAt), ClinicTime.show(now)));
    }
}
