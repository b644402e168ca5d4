package org.clinicflow.platform.inbox;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A CloudEvent as received; {@code data} stays JSON so each consumer maps only the fields it needs. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
}
