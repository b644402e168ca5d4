package org.clinicflow.platform.outbox;

import org.clinicflow.platform.correlation.CorrelationId;
import org.clinicflow.platform.correlation.TraceParent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;

/**
 * Stores an outgoing event in the service's own database, in the transaction that changes the state the event reports.
 * Either both commit or neither does; the {@link OutboxRelay} sends committed events to Kafka.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Must run inside the transaction of the state change: an event without its change, or the reverse, is a lie. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, CloudEvent event) {
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, created_at,
                                                  trace_parent)
                        values (:id, :topic, :key, :type, cast(:payload as jsonb), now(), :traceParent)
                        """)
                .param("id", event.id())
                .param("topic", topic)
                .param("key", event.subject())
                .param("type", event.type())
                .param("payload", serialise(event))
                // The relay sends later, on its own thread: without this the request's trace would end here.
                .param("traceParent", TraceParent.current().orElse(null))
                .update();
        // Relay right after commit instead of waiting for the next poll: keeps booking-to-reminder latency low.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
    }

    private String serialise(CloudEvent event) {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("specversion", CloudEvent.SPEC_VERSION);
        envelope.put("id", event.id().toString());
        envelope.put("source", event.source());
        envelope.put("type", event.type());
        envelope.put("subject", event.subject());
        envelope.put("time", event.time().toString());
        envelope.put("datacontenttype", "application/json");
        // The trace of the request that caused the event, unless the producer named one: the event names it at rest,
        // after the trace itself has aged out of Zipkin.
        var correlationId = event.correlationId() != null ? event.correlationId()
                : CorrelationId.current().orElse(null);
        if (correlationId != null) {
            envelope.put(CorrelationId.CLOUD_EVENT_ATTRIBUTE, correlationId);
        }
        envelope.put("data", event.data());
        return json.writeValueAsString(envelope);
    }
}
