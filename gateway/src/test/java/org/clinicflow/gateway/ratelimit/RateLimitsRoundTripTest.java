package org.clinicflow.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clinicflow.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RateLimits} sends to Redis for a request's buckets and what it makes of the answer. The script itself
 * runs against a real Redis in TakeFromBucketsIT, GatewayEdgeIT and SharedGatewayStateIT.
 */
class RateLimitsRoundTripTest {

    private final List<List<String>> sentKeys = new ArrayList<>();
    private final List<List<Object>> sentArgs = new ArrayList<>();
    private Supplier<Flux<List<Long>>> answer = () -> Flux.just(List.of(1L, 0L, 0L));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimits limits = new RateLimits(new ScriptedRedis(), properties(), meters);

    private static GatewayProperties properties() {
        return new GatewayProperties(List.of("http://localhost:8080"), "",
                new GatewayProperties.Limit(300, Duration.ofMinutes(1)),
                new GatewayProperties.Limit(600, Duration.ofMinutes(1)),
                new GatewayProperties.Limit(10, Duration.ofHours(1)),
                "ns", Duration.ofSeconds(5), DataSize.ofMegabytes(1));
    }

    private static List<RateLimits.Take> addressSelfReferralAndUser() {
        return List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, "192.0.2.1"),
                new RateLimits.Take(RateLimits.Limit.SELF_REFERRALS, "192.0.2.1"),
                new RateLimits.Take(RateLimits.Limit.PER_USER, "someone"));
    }

    @Test
    void aRequestsBucketsGoInOneCallInTheirOrderUnderTheLimitersKeys() {
        assertThat(limits.take(addressSelfReferralAndUser()).block()).isZero();

        assertThat(sentKeys).hasSize(1);
        assertThat(sentKeys.getFirst()).containsExactly(
                "request_rate_limiter.{per-address.ns:rate-limit:per-address:192.0.2.1}.tokens",
                "request_rate_limiter.{per-address.ns:rate-limit:per-address:192.0.2.1}.timestamp",
                "request_rate_limiter.{self-referrals.ns:rate-limit:self-referrals:192.0.2.1}.tokens",
                "request_rate_limiter.{self-referrals.ns:rate-limit:self-referrals:192.0.2.1}.timestamp",
                "request_rate_limiter.{per-user.ns:rate-limit:per-user:someone}.tokens",
                "request_rate_limiter.{per-user.ns:rate-limit:per-user:someone}.timestamp");
        // Refill a second, capacity, cost of a request: 600 a minute, 10 an hour (in 360ths), 300 a minute.
        assertThat(sentArgs.getFirst()).containsExactly("10", "600", "1", "1", "3600", "360", "5", "300", "1");
        assertThat(meters.get("clinicflow.gateway.rate.limits.check")
                .tag("limit", "per-address+self-referrals+per-user").timer().count()).isEqualTo(1);
    }

    @Test
    void theWaitIsTheRefusingBucketsOwn() {
        // The self-referral bucket (second) holds 300 of the 360 units a request costs: 60 s until it has them.
        answer = () -> Flux.just(List.of(0L, 2L, 300L));
        assertThat(limits.take(addressSelfReferralAndUser()).block()).isEqualTo(Duration.ofMinutes(1));

        answer = () -> Flux.just(List.of(0L, 3L, 0L));
        assertThat(limits.take(addressSelfReferralAndUser()).block()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withoutRedisEveryLimitTheRequestMetGoesUncheckedAndIsCounted() {
        answer = () -> Flux.error(new RedisConnectionFailureException("down"));
        var addressAndUser = List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, "192.0.2.1"),
                new RateLimits.Take(RateLimits.Limit.PER_USER, "someone"));

        assertThat(limits.take(addressAndUser).block()).isZero();
        assertThat(limits.take(addressAndUser).block()).isZero();

        assertThat(unchecked("per-address")).isEqualTo(2);
        assertThat(unchecked("per-user")).isEqualTo(2);
        assertThat(unchecked("self-referrals")).isZero();

        answer = () -> Flux.just(List.of(1L, 0L, 0L));
        assertThat(limits.take(addressAndUser).block()).isZero();
        assertThat(unchecked("per-address")).isEqualTo(2);
    }

    private double unchecked(String limit) {
        return meters.get("clinicflow.gateway.rate.limits.unchecked").tag("limit", limit).counter().count();
    }

    /** Answers the script call with {@link #answer} and remembers what it was sent. */
    private final class ScriptedRedis extends ReactiveStringRedisTemplate {

        ScriptedRedis() {
            super((ReactiveRedisConnectionFactory) Proxy.newProxyInstance(RateLimitsRoundTripTest.class.getClassLoader(),
                    new Class<?>[]{ReactiveRedisConnectionFactory.class}, (proxy, method, args) -> {
                        throw new UnsupportedOperationException(method.getName());
                    }));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
            sentKeys.add(List.copyOf(keys));
            sentArgs.add(List.<Object>copyOf(args));
            return (Flux<T>) answer.get();
        }
    }
}
