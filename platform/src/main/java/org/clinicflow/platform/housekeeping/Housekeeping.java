package org.clinicflow.platform.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes relayed outbox events and old inbox ids on a timer of its own (a service need not enable scheduling for it).
 * Each delete is small and idempotent, so several instances pruning at once only share the work.
 */
public class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcClient jdbc;
    private final HousekeepingProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService timer;

    public Housekeeping(JdbcClient jdbc, HousekeepingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one prune removed. */
    public record Pruned(int outboxEvents, int inboxEvents) {
    }

    /** Prunes both tables now, to the end. Public so that tests (and an operator's shell) can run it at once. */
    public Pruned pruneOnce() {
        var now = clock.instant();
        var outboxCutoff = Timestamp.from(now.minus(properties.outboxRetention()));
        var inboxCutoff = Timestamp.from(now.minus(properties.inboxRetention()));
        int outbox = deleteInBatches("""
                delete from outbox_event where position in (
                    select position from outbox_event
                    where sent_at is not null and sent_at < :cutoff limit :batch)""", outboxCutoff);
        int inbox = deleteInBatches("""
                delete from inbox_event where (consumer, event_id) in (
                    select consumer, event_id from inbox_event where processed_at < :cutoff limit :batch)""",
                inboxCutoff);
        if (outbox + inbox > 0) {
            log.info("Housekeeping removed {} relayed outbox events and {} inbox ids", outbox, inbox);
        }
        return new Pruned(outbox, inbox);
    }

    private int deleteInBatches(String sql, Timestamp cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql).param("cutoff", cutoff).param("batch", properties.batchSize()).update();
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }

    @Override
    public void start() {
        var started = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("housekeeping").factory());
        started.scheduleWithFixedDelay(this::pruneQuietly, properties.interval().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        timer = started;
    }

    private void pruneQuietly() {
        try {
            pruneOnce();
        } catch (RuntimeException e) {
            // The database may be restarting; the next round tries again, and nothing is lost by waiting.
            log.warn("Housekeeping failed this round: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        var running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
