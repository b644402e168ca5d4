package org.clinicflow.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clinicflow.platform.correlation.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox events to Kafka, oldest first, and marks each one sent only after Kafka acknowledged it.
 * <p>
 * Invariants: an event is never marked sent before the broker has it (so a crash or a broker outage loses nothing:
 * unsent rows are simply sent on the next pass, also after a restart); events leave in the order they were committed,
 * because one relay at a time holds a PostgreSQL advisory lock and a failed send stops the pass. A send may be repeated
 * (crash between ack and mark), which is why every consumer drops events whose id it has already processed.
 * <p>
 * Each event is sent inside the trace of the request that wrote it (its stored traceparent): the Kafka template's
 * observation makes the producer span a child of that request's span and puts its own traceparent on the record, so
 * the consumers continue the same trace.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant will do, as long as only relays of one service's database use it. */
    private static final long RELAY_LOCK = 0x0C11_F10EL;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Asks for a pass as soon as possible; cheap and safe to call from any thread. */
    public void nudge() {
        wakeUp.release();
    }

    /** Sends one batch; returns how many events Kafka acknowledged. Public so tests can drive the relay directly. */
    public int relayOnce() {
        Integer sent = transaction.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            var batch = jdbc.sql("""
                            select event_id, topic, record_key, payload::text as payload, trace_parent
                            from outbox_event where sent_at is null order by position limit :limit
                            """)
                    .param("limit", properties.batchSize())
                    .query((rs, row) -> new Pending(rs.getObject("event_id", UUID.class), rs.getString("topic"),
                            rs.getString("record_key"), rs.getString("payload"), rs.getString("trace_parent")))
                    .list();
            return send(batch);
        });
        return sent == null ? 0 : sent;
    }

    /**
     * How long the oldest unsent event has waited, in seconds, by the database's clock (the one that stamped
     * {@code created_at}); 0 when nothing waits. Read through the partial index of unsent events, oldest first.
     */
    public double oldestUnsentAgeSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0) from (
                            select created_at from outbox_event where sent_at is null order by position limit 1) oldest
                        """)
                .query(Double.class).single();
    }

    private int send(List<Pending> batch) {
        var futures = new ArrayList<CompletableFuture<?>>(batch.size());
        for (Pending event : batch) {
            var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add(new RecordHeader("content-type",
                    CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            try (var inTrace = TraceParent.restore(event.traceParent())) {
                futures.add(kafka.send(record));
            }
        }
        var acknowledged = new ArrayList<UUID>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var event = batch.get(i);
            try {
                futures.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Keep order: nothing after the first failure is marked, it all goes again on the next pass.
                markSent(acknowledged);
                jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where event_id = :id")
                        .param("error", abbreviate(e)).param("id", event.id()).update();
                log.warn("Kafka did not take outbox event {} on topic {}; will retry: {}", event.id(), event.topic(),
                        abbreviate(e));
                return acknowledged.size();
            }
            acknowledged.add(event.id());
        }
        markSent(acknowledged);
        return acknowledged.size();
    }

    /** One statement for the whole batch: under load the relay would otherwise cost a round trip per event. */
    private void markSent(List<UUID> eventIds) {
        if (!eventIds.isEmpty()) {
            jdbc.sql("update outbox_event set sent_at = now(), attempts = attempts + 1 where event_id in (:ids)")
                    .param("ids", eventIds).update();
        }
    }

    private static String abbreviate(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        var text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                int sent;
                do {
                    sent = relayOnce();
                } while (running && sent == properties.batchSize());
                backoff = properties.pollInterval();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database unreachable or similar: wait longer each time, up to a ceiling, and keep trying.
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                log.warn("Outbox relay pass failed; next try in {} ms: {}", backoff.toMillis(), e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        var thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** @param traceParent the W3C traceparent of the request that wrote it, or null (see {@link TraceParent}) */
    private record Pending(UUID id, String topic, String key, String payload, String traceParent) {
    }
}
