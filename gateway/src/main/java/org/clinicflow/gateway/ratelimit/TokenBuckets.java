package org.clinicflow.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a user, an address), in this gateway's memory. Each bucket holds up to {@code capacity}
 * tokens and refills evenly, {@code capacity} per {@code period}; a request takes one token or is refused with the
 * time until one is back. Buckets that have refilled completely carry no information and are dropped now and then,
 * so memory follows the number of recently active callers.
 */
final class TokenBuckets {

    /** Full and idle buckets are swept at most this often. */
    private static final long SWEEP_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    TokenBuckets(int capacity, Duration period, LongSupplier nanoTime) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A limit needs a capacity of at least 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    /** @return zero when the request may go ahead, otherwise how long until it would */
    Duration take(String key) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        var bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
        }
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(entry -> {
            var bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now, capacity, tokensPerNano);
                return bucket.tokens >= capacity;
            }
        });
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double capacity, double tokensPerNano) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
