package org.clinicflow.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(0);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(30), now::get);

    @Test
    void aBurstUpToTheCapacityPassesAndTheNextWaitsForOneRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("user-a")).isZero();
        }
        // One token every ten seconds.
        assertThat(buckets.take("user-a")).isEqualTo(Duration.ofSeconds(10));
        assertThat(buckets.take("user-b")).as("another key has its own bucket").isZero();

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(buckets.take("user-a")).isEqualTo(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(buckets.take("user-a")).isZero();
    }

    @Test
    void refilledBucketsAreForgottenSoMemoryFollowsActiveCallers() {
        buckets.take("user-a");
        buckets.take("user-b");
        assertThat(buckets.trackedKeys()).isEqualTo(2);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        buckets.take("user-c");
        assertThat(buckets.trackedKeys()).isEqualTo(1);
    }
}
