package org.clinicflow.booking.enquiry;

import org.clinicflow.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Watches every open enquiry's 48-hour clock. Some hours before the deadline, an enquiry with no appointment inside
 * the target raises an at-risk warning (so that reception can still act); at the deadline, a breach. Each is raised
 * once, through the outbox. Rows are claimed with SKIP LOCKED, so two instances never raise the same warning twice.
 */
@Component
@EnableConfigurationProperties(AccessClockProperties.class)
class AccessClock {

    private static final Logger log = LoggerFactory.getLogger(AccessClock.class);
    /** The promise as the view {@code enquiry_promise} defines it, for everyone who asks (see V16). */
    private static final String KEEPS_PROMISE = """
            exists (select 1 from enquiry_promise p where p.enquiry_id = e.id and p.booked_within_target)""";
    /**
     * At risk: the deadline is within the lead ({@code :atRiskFrom} is now plus the lead) and not yet passed, and no
     * booking keeps the promise. The warning is raised from this, and {@link EnquiryMetrics} counts by it.
     */
    static final String AT_RISK = "e.deadline > :now and e.deadline <= :atRiskFrom and not " + KEEPS_PROMISE;
    /** Breached: the deadline has passed and no booking kept the promise. */
    static final String BREACHED = "e.deadline <= :now and not " + KEEPS_PROMISE;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration atRiskLead;

    AccessClock(JdbcClient jdbc, Outbox outbox, Clock clock,
                AccessClockProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.atRiskLead = properties.atRiskLead();
    }

    @Scheduled(fixedDelayString = "${clinicflow.booking.access-clock.interval:PT1M}",
            initialDelayString = "${clinicflow.booking.access-clock.initial-delay:PT30S}")
    @Transactional
    public void check() {
        var now = clock.instant();
        int atRisk = raise("at_risk_at", AccessEvents.AT_RISK_V1,
                "e.at_risk_at is null and e.breached_at is null and " + AT_RISK, now);
        int breached = raise("breached_at", AccessEvents.BREACHED_V1, "e.breached_at is null and " + BREACHED, now);
        if (atRisk + breached > 0) {
            log.info("Access clock: {} enquiries at risk, {} breached", atRisk, breached);
        }
    }

    private int raise(String column, String eventType, String condition, Instant now) {
        var due = jdbc.sql("select e.id, e.patient_id, e.first_contact_at, e.deadline from enquiry e where "
                        + condition + " order by e.deadline limit 500 for update of e skip locked")
                .param("now", Timestamp.from(now))
                .param("atRiskFrom", Timestamp.from(atRiskFrom(now)))
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getTimestamp("first_contact_at").toInstant(), rs.getTimestamp("deadline").toInstant()))
                .list();
        for (var enquiry : due) {
            jdbc.sql("update enquiry set " + column + " = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", enquiry.id()).update();
            outbox.append(AccessEvents.TOPIC, AccessEvents.of(eventType, enquiry.id(), enquiry.patientId(),
                    enquiry.firstContactAt(), enquiry.deadline(), now));
        }
        return due.size();
    }

    /** When an enquiry whose deadline is at {@code now} plus the lead starts to count as at risk. */
    Instant atRiskFrom(Instant now) {
        return now.plus(atRiskLead);
    }

    private record Due(UUID id, UUID patientId, Instant firstContactAt, Instant deadline) {
    }
}
