package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The access promise's warnings as events on topic {@value #TOPIC}, keyed by enquiry id; schemas in contracts/. */
final class AccessEvents {

    static final String TOPIC = "clinic.booking.enquiry";
    static final String AT_RISK_V1 = "clinic.booking.access-target-at-risk.v1";
    static final String BREACHED_V1 = "clinic.booking.access-target-breached.v1";

    private AccessEvents() {
    }

    /** Payload of both events: which enquiry, its clock, and when the warning was raised. */
    record AccessTargetV1(UUID enquiryId, UUID patientId, OffsetDateTime firstContactAt, OffsetDateTime deadline,
                          OffsetDateTime raisedAt) {
    }

    static CloudEvent of(String type, UUID enquiryId, UUID patientId, Instant firstContactAt, Instant deadline,
                         Instant now) {
        return new CloudEvent(UUID.randomUUID(), "/clinicflow/booking-service", type, enquiryId.toString(),
                ClinicTime.show(now), null, new AccessTargetV1(enquiryId, patientId, ClinicTime.show(firstContactAt),
                ClinicTime.show(deadline), ClinicTime.show(now)));
    }
}
