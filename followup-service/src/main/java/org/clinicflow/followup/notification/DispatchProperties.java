package org.clinicflow.followup.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval      how often due messages are looked for
 * @param batchSize         messages claimed per transaction; each is then sent on its own virtual thread
 * @param lease             how long a claim holds; a claim older than this was left by a stopped instance and is taken
 *                          over (the idempotency key makes the repeat harmless)
 * @param maxAttempts       tries per channel before falling back to the other one
 * @param firstBackoff      wait after the first failed try; doubled after each further one
 * @param maxBackoff        upper bound of that wait
 * @param breakerOpenWait   how long a channel's breaker stays open after repeated failures
 * @param sendTimeout       for one call to a provider
 */
@ConfigurationProperties("clinicflow.followup.dispatch")
record DispatchProperties(@DefaultValue("1s") Duration pollInterval,
                          @DefaultValue("20") int batchSize,
                          @DefaultValue("2m") Duration lease,
                          @DefaultValue("5") int maxAttempts,
                          @DefaultValue("30s") Duration firstBackoff,
                          @DefaultValue("30m") Duration maxBackoff,
                          @DefaultValue("60s") Duration breakerOpenWait,
                          @DefaultValue("10s") Duration sendTimeout) {

    /** The wait before try {@code attempts + 1}: the first backoff, doubled per further try, up to the maximum. */
    Duration backoff(int attempts) {
        var factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        var wait = firstBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
