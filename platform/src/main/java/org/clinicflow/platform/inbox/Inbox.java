package org.clinicflow.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads incoming CloudEvents and remembers which ones a consumer has acted on.
 * Kafka delivers at least once and the outbox may send twice; this is what makes the effect happen once.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Inbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public IncomingEvent read(String payload) {
        JsonNode envelope;
        try {
            envelope = json.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("Record is not JSON", e);
        }
        if (envelope == null || !"1.0".equals(text(envelope, "specversion"))) {
            throw new MalformedEventException("Record is not a CloudEvents 1.0 event");
        }
        try {
            return new IncomingEvent(UUID.fromString(text(envelope, "id")), text(envelope, "type"),
                    text(envelope, "source"), text(envelope, "subject"),
                    OffsetDateTime.parse(text(envelope, "time")), envelope.required("data"));
        } catch (RuntimeException e) {
            throw new MalformedEventException("CloudEvent lacks a readable id, type, subject, time or data", e);
        }
    }

    /**
     * Records that {@code consumer} is acting on the event, in the caller's transaction.
     *
     * @return true the first time, false for a redelivery (the caller must then do nothing)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return jdbc.sql("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing
                        """)
                .param("consumer", consumer).param("id", event.id()).param("type", event.type())
                .update() == 1;
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isString()) {
            throw new MalformedEventException("CloudEvent attribute '" + field + "' is missing");
        }
        return value.asString();
    }
}
