package org.clinicflow.followup.notification;

import org.clinicflow.followup.content.QuotedContent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.clinicflow.followup.notification.NotificationStatus.CANCELLED;
import static org.clinicflow.followup.notification.NotificationStatus.FAILED;
import static org.clinicflow.followup.notification.NotificationStatus.HELD;
import static org.clinicflow.followup.notification.NotificationStatus.SCHEDULED;
import static org.clinicflow.followup.notification.NotificationStatus.SENDING;
import static org.clinicflow.followup.notification.NotificationStatus.SENT;
import static org.clinicflow.followup.notification.Notifications.utc;

/**
 * A notification's life, in one place: each move from one {@link NotificationStatus} to another is one named operation
 * and one statement. Every move out of SENDING names SENDING in its {@code where}, so a dispatcher whose lease ran out
 * (and whose message another instance has taken over) changes nothing when it comes back.
 * <pre>
 *   SCHEDULED, HELD ──claim──▶ SENDING ──sent──▶ SENT      SCHEDULED, HELD ──replan──▶ SCHEDULED
 *   SENDING ──retryAt / fallBack──▶ SCHEDULED     SENDING ──holdForQuietHours──▶ HELD
 *   SENDING ──fail──▶ FAILED ──requeue──▶ SCHEDULED
 *   SENDING ──cancel──▶ CANCELLED                 SCHEDULED, HELD ──cancelPendingFor──▶ CANCELLED
 *   SENT (delivery PENDING) ──delivered──▶ SENT (DELIVERED)
 *   SENT (delivery PENDING) ──undelivered: retryAt / fallBack──▶ SCHEDULED, ──undelivered: fail──▶ FAILED
 * </pre>
 * A move on a delivery receipt names the provider's id and PENDING in its {@code where}, so a receipt read twice (by
 * two instances, or a poll that overlaps the next) acts once.
 */
@Component
class NotificationTransitions {

    static final List<String> WAITING = List.of(SCHEDULED.name(), HELD.name());
    /** Due: waiting ({@code :waiting}) and its time has come ({@code :now}); the dispatcher claims these first. */
    static final String DUE = "status in (:waiting) and next_attempt_at <= :now";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationMetrics metrics;

    NotificationTransitions(JdbcClient jdbc, Clock clock, NotificationMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Claims up to {@code n} due messages, and any whose claim lapsed, for one dispatcher for {@code lease}. */
    List<Notification> claim(int n, Duration lease, String instance) {
        var now = clock.instant();
        return jdbc.sql("""
                        with due as (
                            -- Claimed before by anyone: that try may have reached a provider.
                            select id, claimed_by is not null as tried_before from notification
                            where (%s)
                               or (status = :sending and claimed_until < :now)
                            order by next_attempt_at
                            limit :n
                            for update skip locked)
                        update notification set status = :sending, claimed_until = :lease, claimed_by = :instance
                        from due where notification.id = due.id
                            -- Checked again on the row as locked: a row claimed meanwhile is never claimed twice.
                            and (notification.status in (:waiting) or notification.claimed_until < :now)
                        returning notification.*, due.tried_before
                        """.formatted(DUE))
                .param("waiting", WAITING).param("sending", SENDING.name())
                .param("now", utc(now)).param("n", n)
                .param("lease", utc(now.plus(lease))).param("instance", instance)
                .query(Notifications::mapClaimed).list();
    }

    /**
     * A channel accepted it: what was sent, and the signed-off content version it quoted, are kept.
     *
     * @param providerId the provider's id when it reports delivery later: the message then awaits its receipt
     */
    void sent(UUID id, Channel channel, int attempts, String text, QuotedContent content, UUID providerId) {
        int moved = jdbc.sql("""
                        update notification set status = :sent, channel = :channel, attempts = :attempts,
                            sent_at = :now, sent_text = :text, content_version = :version, content_hash = :hash,
                            claimed_until = null, last_error = null, provider_id = :provider,
                            delivery = :delivery, delivery_checked_at = null, delivered_at = null
                        where id = :id and status = :sending
                        """)
                .param("sent", SENT.name()).param("sending", SENDING.name())
                .param("provider", providerId)
                .param("delivery", providerId == null ? null : Delivery.PENDING.name())
                .param("channel", channel.name()).param("attempts", attempts).param("now", utc(clock.instant()))
                .param("text", text).param("version", content == null ? null : content.version())
                .param("hash", content == null ? null : content.contentHash()).param("id", id).update();
        if (moved == 1) {
            metrics.sent(channel);
        }
    }

    /** Not sent this time: tried again at {@code at}, on this channel (null: none chosen yet). */
    void retryAt(UUID id, Channel channel, int attempts, Instant at, String error) {
        jdbc.sql("""
                        update notification set status = :scheduled, channel = :channel, attempts = :attempts,
                            next_attempt_at = :at, claimed_until = null, last_error = :error
                        where id = :id and status = :sending
                        """)
                .param("scheduled", SCHEDULED.name()).param("sending", SENDING.name())
                .param("channel", channel == null ? null : channel.name()).param("attempts", attempts)
                .param("at", utc(at)).param("error", error).param("id", id).update();
    }

    /** The channel refused it for good, or ran out of tries: the other channel gets a fresh budget, now. */
    void fallBack(UUID id, Channel to, String error) {
        jdbc.sql("""
                        update notification set status = :scheduled, channel = :channel, fallen_back = true,
                            attempts = 0, next_attempt_at = :now, claimed_until = null, last_error = :error
                        where id = :id and status = :sending
                        """)
                .param("scheduled", SCHEDULED.name()).param("sending", SENDING.name())
                .param("channel", to.name()).param("now", utc(clock.instant())).param("error", error)
                .param("id", id).update();
    }

    /** An SMS kept back by quiet hours until {@code until}; no try is spent. */
    void holdForQuietHours(UUID id, Instant until) {
        jdbc.sql("""
                        update notification set status = :held, channel = :sms, next_attempt_at = :until,
                            claimed_until = null
                        where id = :id and status = :sending
                        """)
                .param("held", HELD.name()).param("sending", SENDING.name()).param("sms", Channel.SMS.name())
                .param("until", utc(until)).param("id", id).update();
    }

    /**
     * No channel could take it: it goes on the clinic's worklist.
     *
     * @param channel  the channel that last failed, or null when none could even be tried (kept as it was)
     * @param attempts the tries spent on it, or null to keep the count as it was
     */
    void fail(UUID id, Channel channel, Integer attempts, String reason) {
        int moved = jdbc.sql("""
                        update notification set status = :failed, channel = coalesce(:channel, channel),
                            attempts = coalesce(:attempts, attempts), claimed_until = null, last_error = :reason
                        where id = :id and status = :sending
                        """)
                .param("failed", FAILED.name()).param("sending", SENDING.name())
                .param("channel", channel == null ? null : channel.name()).param("attempts", attempts)
                .param("reason", reason).param("id", id).update();
        if (moved == 1) {
            metrics.failed(channel);
        }
    }

    /** What it was about no longer holds (its appointment has started), found as it was about to go. */
    void cancel(UUID id, String reason) {
        jdbc.sql("""
                        update notification set status = :cancelled, last_error = :reason, claimed_until = null
                        where id = :id and status = :sending
                        """)
                .param("cancelled", CANCELLED.name()).param("sending", SENDING.name())
                .param("reason", reason).param("id", id).update();
    }

    /**
     * Cancels the appointment's messages not yet handed to a channel. One a dispatcher is sending right now finishes:
     * it cannot be called back, and it was true when it left.
     */
    int cancelPendingFor(UUID appointmentId) {
        return jdbc.sql("""
                        update notification set status = :cancelled, claimed_until = null
                        where appointment_id = :appointment and status in (:waiting)
                        """)
                .param("cancelled", CANCELLED.name()).param("waiting", WAITING)
                .param("appointment", appointmentId).update();
    }

    /**
     * A clinic admin changed when reminders of this kind go for this appointment type: each one not yet handed to a
     * channel is planned again as if just planned, due {@code leadHours} before its appointment, first by
     * {@code channel}, with a fresh budget and no channel chosen yet (its id, and so its idempotency key, stays). One
     * whose new moment has passed is due at once; the dispatcher still cancels it if its appointment has started.
     *
     * @return how many were re-planned
     */
    int replan(String appointmentType, Purpose purpose, int leadHours, Channel channel) {
        return jdbc.sql("""
                        update notification set due_at = appointment_starts_at - make_interval(hours => :lead),
                            next_attempt_at = appointment_starts_at - make_interval(hours => :lead),
                            preferred_channel = :channel, status = :scheduled, channel = null, attempts = 0,
                            fallen_back = false, claimed_until = null
                        where appointment_type = :type and purpose = :purpose and status in (:waiting)
                            and appointment_id is not null and appointment_starts_at is not null
                        """)
                .param("lead", leadHours).param("channel", channel.name()).param("scheduled", SCHEDULED.name())
                .param("type", appointmentType).param("purpose", purpose.name()).param("waiting", WAITING)
                .update();
    }

    /** A FAILED message back in the queue, with a fresh budget on every channel and the same id (idempotency key). */
    boolean requeue(UUID id) {
        return jdbc.sql("""
                        update notification set status = :scheduled, attempts = 0, channel = null,
                            fallen_back = false, next_attempt_at = :now, claimed_until = null
                        where id = :id and status = :failed
                        """)
                .param("scheduled", SCHEDULED.name()).param("failed", FAILED.name())
                .param("id", id).param("now", utc(clock.instant())).update() == 1;
    }

    /** Texts awaiting their receipt, those asked about longest ago first; {@code since} bounds how old. */
    List<Notification> awaitingReceipt(Instant since, int n) {
        return jdbc.sql("""
                        select * from notification
                        where status = :sent and delivery = :pending and sent_at >= :since
                        order by delivery_checked_at nulls first, sent_at
                        limit :n
                        """)
                .param("sent", SENT.name()).param("pending", Delivery.PENDING.name())
                .param("since", utc(since)).param("n", n).query(Notifications::map).list();
    }

    /** The provider has no final word yet: asked again after the others. */
    void stillPending(UUID id, UUID providerId) {
        jdbc.sql("""
                        update notification set delivery_checked_at = :now
                        where id = :id and provider_id = :provider and status = :sent and delivery = :pending
                        """)
                .param("now", utc(clock.instant())).param("id", id).param("provider", providerId)
                .param("sent", SENT.name()).param("pending", Delivery.PENDING.name()).update();
    }

    /** The provider says it reached the patient's phone. */
    boolean delivered(UUID id, UUID providerId, Instant at) {
        return jdbc.sql("""
                        update notification set delivery = :delivered, delivered_at = :at, delivery_checked_at = :now
                        where id = :id and provider_id = :provider and status = :sent and delivery = :pending
                        """)
                .param("delivered", Delivery.DELIVERED.name()).param("at", utc(at))
                .param("now", utc(clock.instant())).param("id", id).param("provider", providerId)
                .param("sent", SENT.name()).param("pending", Delivery.PENDING.name()).update() == 1;
    }

    /**
     * The provider accepted it but it never arrived: it goes back in the queue (on {@code channel}, at {@code at},
     * having spent {@code attempts}), or, with {@code channel} the other one, as a fall-back with a fresh budget.
     * What the provider said stays on the row until the next send.
     */
    boolean undelivered(UUID id, UUID providerId, Delivery delivery, Channel channel, boolean fallBack, int attempts,
                        Instant at, String error) {
        return jdbc.sql("""
                        update notification set status = :scheduled, delivery = :delivery, channel = :channel,
                            fallen_back = fallen_back or :fallBack, attempts = :attempts, next_attempt_at = :at,
                            delivery_checked_at = :now, last_error = :error
                        where id = :id and provider_id = :provider and status = :sent and delivery = :pending
                        """)
                .param("scheduled", SCHEDULED.name()).param("delivery", delivery.name())
                .param("channel", channel.name()).param("fallBack", fallBack).param("attempts", attempts)
                .param("at", utc(at)).param("now", utc(clock.instant())).param("error", error)
                .param("id", id).param("provider", providerId)
                .param("sent", SENT.name()).param("pending", Delivery.PENDING.name()).update() == 1;
    }

    /**
     * It never arrived and no channel is left: on the clinic's worklist, with what the provider said.
     *
     * @param channel the channel it was sent on, for the count of failures
     */
    boolean undeliverable(UUID id, UUID providerId, Channel channel, Delivery delivery, String error) {
        boolean moved = jdbc.sql("""
                        update notification set status = :failed, delivery = :delivery, delivery_checked_at = :now,
                            last_error = :error
                        where id = :id and provider_id = :provider and status = :sent and delivery = :pending
                        """)
                .param("failed", FAILED.name()).param("delivery", delivery.name())
                .param("now", utc(clock.instant())).param("error", error).param("id", id)
                .param("provider", providerId).param("sent", SENT.name())
                .param("pending", Delivery.PENDING.name()).update() == 1;
        if (moved) {
            metrics.failed(channel);
        }
        return moved;
    }
}
