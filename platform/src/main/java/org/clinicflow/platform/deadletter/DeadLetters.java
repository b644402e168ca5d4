package org.clinicflow.platform.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.clinicflow.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Where a record goes when its consumer gives up on it: a row in {@code dead_letter}, with a reason in the platform's
 * own words (an exception's message may quote the data, so only its type is kept, except for the platform's own
 * "not a readable event" messages).
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** A dead letter as the worklist shows it: what and why, never the payload. */
    public record DeadLetter(UUID id, String consumerGroup, String topic, String recordKey, UUID eventId,
                             String eventType, String reason, OffsetDateTime failedAt, OffsetDateTime replayedAt,
                             String replayedBy) {
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        var payload = record.value() == null ? null : record.value().toString();
        UUID eventId = null;
        String eventType = null;
        try {
            var envelope = payload == null ? null : json.readTree(payload);
            if (envelope != null && envelope.path("id").isString()) {
                eventId = UUID.fromString(envelope.path("id").asString());
                eventType = envelope.path("type").isString() ? envelope.path("type").asString() : null;
            }
        } catch (RuntimeException unreadable) {
            // Not an event at all: kept all the same, with the reason saying so.
        }
        var group = KafkaUtils.getConsumerGroupId();
        jdbc.sql("""
                        insert into dead_letter (id, consumer_group, topic, record_partition, record_offset, record_key,
                                                 payload, event_id, event_type, reason, failed_at)
                        values (:id, :group, :topic, :partition, :offset, :key, :payload, :eventId, :type, :reason,
                                :now)
                        on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("group", group == null ? "unknown" : group)
                .param("topic", record.topic()).param("partition", record.partition())
                .param("offset", record.offset())
                .param("key", record.key() == null ? null : record.key().toString()).param("payload", payload)
                .param("eventId", eventId).param("type", eventType).param("reason", reason(exception))
                .param("now", Timestamp.from(clock.instant())).update();
        log.warn("Record {}-{}@{} parked as a dead letter for group {}: {}", record.topic(), record.partition(),
                record.offset(), group, reason(exception));
    }

    /** Dead letters nobody has replayed yet: what a clinic admin still has to look at. */
    public long waiting() {
        return jdbc.sql("select count(*) from dead_letter where replayed_at is null").query(Long.class).single();
    }

    /** The waiting ones first (oldest first), then the latest replayed. */
    public List<DeadLetter> list(int limit) {
        return jdbc.sql("""
                        select id, consumer_group, topic, record_key, event_id, event_type, reason, failed_at,
                               replayed_at, replayed_by
                        from dead_letter order by replayed_at is not null, replayed_at desc, failed_at limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new DeadLetter(rs.getObject("id", UUID.class), rs.getString("consumer_group"),
                        rs.getString("topic"), rs.getString("record_key"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("reason"), time(rs.getTimestamp("failed_at")),
                        time(rs.getTimestamp("replayed_at")), rs.getString("replayed_by")))
                .list();
    }

    /**
     * Sends the record again to its topic, with its key, and notes who did. Replaying twice only sends it twice: each
     * consumer's inbox knows the event id, so the effect still happens once.
     */
    public DeadLetter replay(UUID id, String by) {
        var stored = jdbc.sql("select topic, record_key, payload from dead_letter where id = :id").param("id", id)
                .query((rs, row) -> new String[]{rs.getString("topic"), rs.getString("record_key"),
                        rs.getString("payload")})
                .optional().orElseThrow(() -> new NotFoundException("Dead letter", id));
        try {
            kafka.send(stored[0], stored[1], stored[2]).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (Exception e) {
            throw new ReplayFailedException(e);
        }
        jdbc.sql("update dead_letter set replayed_at = :now, replayed_by = :by where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("id", id).update();
        return list(Integer.MAX_VALUE).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** The broker did not take the replay: nothing was marked, and it can be tried again. */
    public static class ReplayFailedException extends RuntimeException {
        ReplayFailedException(Exception cause) {
            super("The broker did not accept the replay; try again", cause);
        }
    }

    private static String reason(Exception exception) {
        var cause = exception;
        while (cause.getCause() instanceof Exception inner && !(cause instanceof MalformedEventException)) {
            cause = inner;
        }
        return cause instanceof MalformedEventException ? "Not a readable event: " + cause.getMessage()
                : cause.getClass().getSimpleName();
    }

    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
}
