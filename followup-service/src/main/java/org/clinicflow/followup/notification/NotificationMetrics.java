package org.clinicflow.followup.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicflow.platform.metrics.CachedReading;
import org.clinicflow.platform.metrics.Readings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.clinicflow.followup.notification.Notifications.utc;

/**
 * How messages to patients are going, for Prometheus, by channel and never by patient:
 * <ul>
 *   <li>{@code clinicflow.notifications.sent} / {@code clinicflow.notifications.failed} (counters, tag {@code channel}
 *       = {@code email}, {@code sms}, or {@code none} for a message no channel could even be tried on): counted in
 *       {@link NotificationTransitions}, the one place a message moves to SENT or FAILED, and only when the row did
 *       move (a dispatcher whose lease ran out changes nothing, and counts nothing). Sent means a provider accepted it;
 *       failed means it reached the clinic's worklist, at the send or later on a text's delivery receipt. Counters
 *       rather than gauges over the table: the table keeps one row per message, so a text that failed and was
 *       requeued and sent would show only its last state, and a rate over 15 minutes needs events, not a stock.</li>
 *   <li>{@code clinicflow.notifications.oldest.due.age} (seconds): how long the oldest message that is
 *       {@link NotificationTransitions#DUE due} has been waiting to be claimed. Near zero while the dispatcher keeps
 *       up; a message kept back by quiet hours is not due until they end, so it does not count.</li>
 * </ul>
 */
@Component
class NotificationMetrics {

    /** The tag of a failure no channel could be tried for (no contact details, no consent). */
    private static final String NO_CHANNEL = "none";

    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Counter failedWithoutChannel;
    /** Held here: a gauge keeps only a weak reference to what it reads, and would report NaN once it is collected. */
    private final CachedReading oldestDue;

    NotificationMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock, Readings readings) {
        // Registered up front, at zero, so that a failure rate has both sides from the first scrape.
        for (var channel : Channel.values()) {
            sent.put(channel, counter(registry, "clinicflow.notifications.sent", tag(channel),
                    "Messages a channel's provider accepted"));
            failed.put(channel, counter(registry, "clinicflow.notifications.failed", tag(channel),
                    "Messages that reached the clinic's worklist because no channel could deliver them"));
        }
        failedWithoutChannel = counter(registry, "clinicflow.notifications.failed", NO_CHANNEL,
                "Messages that reached the clinic's worklist because no channel could deliver them");
        oldestDue = readings.of("oldest due message", () -> {
            var now = clock.instant();
            var oldest = jdbc.sql("select min(next_attempt_at) from notification where "
                            + NotificationTransitions.DUE)
                    .param("waiting", NotificationTransitions.WAITING).param("now", utc(now))
                    .query(OffsetDateTime.class).optional();
            return oldest.map(at -> Math.max(0, now.toEpochMilli() - at.toInstant().toEpochMilli()) / 1000.0)
                    .orElse(0.0);
        });
        Gauge.builder("clinicflow.notifications.oldest.due.age", oldestDue, CachedReading::value)
                .description("How long the oldest due message has waited to be sent")
                .baseUnit("seconds")
                .register(registry);
    }

    void sent(Channel channel) {
        sent.get(channel).increment();
    }

    /** @param channel the channel that failed last, or null when none could be tried */
    void failed(Channel channel) {
        (channel == null ? failedWithoutChannel : failed.get(channel)).increment();
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    private static Counter counter(MeterRegistry registry, String name, String channel, String description) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }
}
