package org.clinicflow.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A gauge's value read from the database no more often than {@code maxAge} (a service's gauges get theirs from
 * {@link Readings}): a scrape (or several Prometheus servers,
 * or someone refreshing /actuator/prometheus) then costs a query every {@code maxAge} at most, not one per request.
 * <p>
 * Ages are measured on the JVM's monotonic clock, not the service's {@code Clock}: tests move that one, and the cache
 * is about how often the database is asked, not about the clinic's time. A reading that fails (the database away)
 * reports NaN, which Prometheus shows as no value rather than a false zero, and is tried again at the next scrape.
 */
public final class CachedReading {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String name;
    private final DoubleSupplier source;
    private final long maxAgeNanos;
    private double value = Double.NaN;
    /** When the value was read, in {@link System#nanoTime()}; meaningless while {@code read} is false. */
    private long readAt;
    private boolean read;

    /** @param name what is read, for the log line when a reading fails; never personal data */
    public CachedReading(String name, Duration maxAge, DoubleSupplier source) {
        this.name = name;
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized double value() {
        long now = System.nanoTime();
        if (read && now - readAt < maxAgeNanos) {
            return value;
        }
        try {
            value = source.getAsDouble();
        } catch (RuntimeException e) {
            value = Double.NaN;
            log.warn("Could not read {} for its gauge: {}", name, e.getClass().getSimpleName());
            // Not cached: the next scrape asks again, so the gauge recovers as soon as the database does.
            return value;
        }
        readAt = now;
        read = true;
        return value;
    }
}
