package org.clinicflow.platform.metrics;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Where every gauge of a service gets its {@link CachedReading}, so that all of them share one maximum age:
 * {@code clinicflow.metrics.reading-max-age}, 15 s unless set. Tests that watch a gauge move set it to a second, so
 * that they need not wait for Prometheus's cadence.
 */
public final class Readings {

    /** Plenty for alerts that wait a minute or more before they fire. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(15);

    private final Duration maxAge;

    public Readings(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("clinicflow.metrics.reading-max-age must not be negative: " + maxAge);
        }
        this.maxAge = maxAge;
    }

    /** @param name what is read, for the log line when a reading fails; never personal data */
    public CachedReading of(String name, DoubleSupplier source) {
        return new CachedReading(name, maxAge, source);
    }

    public Duration maxAge() {
        return maxAge;
    }
}
