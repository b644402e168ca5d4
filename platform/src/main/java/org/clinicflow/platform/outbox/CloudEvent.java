package org.clinicflow.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as it travels between services: a CloudEvents 1.0 message in structured JSON mode.
 * The {@code id} is fixed when the event is created, so a re-sent event keeps it and consumers can drop duplicates.
 *
 * @param type          logical, versioned type such as {@code clinic.booking.appointment-booked.v1}
 * @param subject       the aggregate's id; also the Kafka record key, which keeps one aggregate's events in order
 * @param correlationId the request that caused the event, or null
 * @param data          the payload, serialised as JSON; carries ids rather than personal data
 */
public record CloudEvent(UUID id, String source, String type, String subject, OffsetDateTime time,
                         String correlationId, Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
