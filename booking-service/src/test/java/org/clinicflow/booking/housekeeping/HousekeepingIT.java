package org.clinicflow.booking.housekeeping;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.platform.housekeeping.Housekeeping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's housekeeping on booking's own tables: events Kafka has long had and event ids long processed go;
 * an event not yet relayed stays however old it is, and so does everything recent.
 */
class HousekeepingIT extends BookingServiceIT {

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * All in one transaction, rolled back at the end: the relay never sees the unsent row (it would send it and so
     * make it recent), and the test leaves nothing behind.
     */
    @Test
    void relayedEventsAndOldInboxIdsGoAndNothingUnsentOrRecentDoes() {
        var transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            proveThePruning();
            status.setRollbackOnly();
        });
    }

    private void proveThePruning() {
        var now = Instant.now();
        var oldRelayed = outbox(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        var recentRelayed = outbox(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        var oldUnsent = outbox(now.minus(Duration.ofDays(40)), null);
        var oldProcessed = inbox(now.minus(Duration.ofDays(31)));
        var recentProcessed = inbox(now.minus(Duration.ofDays(29)));

        var pruned = housekeeping.pruneOnce();

        assertThat(pruned.outboxEvents()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.inboxEvents()).isGreaterThanOrEqualTo(1);
        assertThat(outboxHas(oldRelayed)).isFalse();
        assertThat(outboxHas(recentRelayed)).isTrue();
        assertThat(outboxHas(oldUnsent)).as("never relayed, so never pruned").isTrue();
        assertThat(inboxHas(oldProcessed)).isFalse();
        assertThat(inboxHas(recentProcessed)).isTrue();
    }

    private UUID outbox(Instant created, Instant sent) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, created_at, sent_at)
                        values (:id, 'clinic.test.housekeeping', :id, 'clinic.test.housekeeping.v1', '{}'::jsonb,
                                :created, :sent)""")
                .param("id", id).param("created", Timestamp.from(created))
                .param("sent", sent == null ? null : Timestamp.from(sent)).update();
        return id;
    }

    private UUID inbox(Instant processed) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into inbox_event (consumer, event_id, event_type, processed_at)"
                        + " values ('housekeeping-test', :id, 'clinic.test.housekeeping.v1', :at)")
                .param("id", id).param("at", Timestamp.from(processed)).update();
        return id;
    }

    private boolean outboxHas(UUID id) {
        return jdbc.sql("select count(*) from outbox_event where event_id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }

    private boolean inboxHas(UUID id) {
        return jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }
}
