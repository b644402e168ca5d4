package org.clinicflow.gateway.ratelimit;

import org.clinicflow.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    @Test
    void aLimitPerMinuteRefillsWholeRequestsEachSecond() {
        var bucket = RateLimits.bucket(new GatewayProperties.Limit(300, Duration.ofMinutes(1)));
        assertThat(bucket.getRequestedTokens()).isEqualTo(1);
        assertThat(bucket.getReplenishRate()).isEqualTo(5);
        assertThat(bucket.getBurstCapacity()).isEqualTo(300);
    }

    @Test
    void aLimitSlowerThanOneRequestASecondIsCountedInSmallerUnits() {
        var bucket = RateLimits.bucket(new GatewayProperties.Limit(10, Duration.ofHours(1)));
        assertThat(bucket.getRequestedTokens()).isEqualTo(360);
        assertThat(bucket.getReplenishRate()).isEqualTo(1);
        // Ten requests at once, then one every six minutes.
        assertThat(bucket.getBurstCapacity() / bucket.getRequestedTokens()).isEqualTo(10);
        assertThat(RateLimits.wait(bucket, 0)).isEqualTo(Duration.ofMinutes(6));
        assertThat(RateLimits.wait(bucket, 300)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void capacityAndPeriodWithACommonFactorKeepTheRateExact() {
        // 7 per 10 minutes: nothing divides both, so 600 units a request and 7 a second.
        var bucket = RateLimits.bucket(new GatewayProperties.Limit(7, Duration.ofMinutes(10)));
        assertThat((double) bucket.getReplenishRate() / bucket.getRequestedTokens() * 600).isEqualTo(7.0);
        assertThat(bucket.getBurstCapacity()).isEqualTo(7L * 600);
        // The load tests' "unlimited" setting still fits the limiter's integers.
        var unlimited = RateLimits.bucket(new GatewayProperties.Limit(100_000_000, Duration.ofMinutes(1)));
        assertThat(unlimited.getBurstCapacity() / unlimited.getRequestedTokens()).isEqualTo(100_000_000);
    }

    @Test
    void aRefusedRequestWaitsAtLeastASecond() {
        var bucket = RateLimits.bucket(new GatewayProperties.Limit(300, Duration.ofMinutes(1)));
        assertThat(RateLimits.wait(bucket, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPeriodShorterThanASecondIsRefusedAtStartRatherThanCountedWrongly() {
        assertThatThrownBy(() -> RateLimits.bucket(new GatewayProperties.Limit(5, Duration.ofMillis(500))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one second");
        assertThatThrownBy(() -> RateLimits.bucket(new GatewayProperties.Limit(0, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
