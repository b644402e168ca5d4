package org.clinicflow.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.clinicflow.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway's limits as token buckets in Redis, taken through Spring Cloud Gateway's {@link RedisRateLimiter} (a Lua
 * script that refills and takes in one step), so that every gateway instance takes from the same buckets (ADR 8):
 * behind a load balancer, two gateways let a caller through at the configured rate, not twice it.
 * <p>
 * RedisRateLimiter refills a whole number of tokens each second. A limit of C requests per P seconds is therefore
 * counted in smaller units: with g the greatest common divisor of C and P, a request costs P/g units, the bucket
 * refills C/g units a second and holds C·P/g. 300 a minute: 1 a request, 5 a second, 300 held; 10 an hour: 360 a
 * request, 1 a second, 3 600 held. A key lives in Redis for twice its period after its last use, then it is full again
 * anyway.
 * <p>
 * When Redis cannot be asked, RedisRateLimiter lets the request through and reports no tokens left (-1). That is kept:
 * refusing every caller because the limits' store is down would turn a Redis outage into a clinic outage, while the
 * services still check every token and bound what one caller may do. The gateway logs the outage once as it begins
 * and once as it ends (never the caller's address or user), and counts each unchecked request in
 * {@code clinicflow.gateway.rate.limits.unchecked}.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** The limits, by the names their keys and settings carry. */
    enum Limit {
        PER_USER("per-user"), PER_ADDRESS("per-address"), SELF_REFERRALS("self-referrals");

        final String id;

        Limit(String id) {
            this.id = id;
        }
    }

    private final RedisRateLimiter limiter;
    private final String keyPrefix;
    private final Map<Limit, RedisRateLimiter.Config> buckets = new EnumMap<>(Limit.class);
    private final Map<Limit, Counter> unchecked = new EnumMap<>(Limit.class);
    private final Map<Limit, Timer> checks = new EnumMap<>(Limit.class);
    private final AtomicBoolean redisAnswers = new AtomicBoolean(true);

    RateLimits(RedisRateLimiter limiter, GatewayProperties properties, MeterRegistry meters) {
        this.limiter = limiter;
        this.keyPrefix = properties.redisNamespace() + ":rate-limit:";
        buckets.put(Limit.PER_USER, bucket(properties.perUser()));
        buckets.put(Limit.PER_ADDRESS, bucket(properties.perAddress()));
        buckets.put(Limit.SELF_REFERRALS, bucket(properties.selfReferrals()));
        // The limiter finds a bucket's shape by the id it is asked with; ours are not route ids, so no route's
        // RequestRateLimiter filter can change them.
        buckets.forEach((limit, bucket) -> limiter.getConfig().put(limit.id, bucket));
        for (var limit : Limit.values()) {
            unchecked.put(limit, Counter.builder("clinicflow.gateway.rate.limits.unchecked")
                    .description("Requests let through without their rate limit checked, because Redis could not be"
                            + " asked")
                    .tag("limit", limit.id).register(meters));
            checks.put(limit, Timer.builder("clinicflow.gateway.rate.limits.check")
                    .description("How long taking from a bucket in Redis took, which every routed request waits for")
                    .tag("limit", limit.id).register(meters));
        }
    }

    /**
     * Takes one request's worth from the key's bucket.
     *
     * @return zero when the request may go ahead, otherwise how long until it would (whole seconds, at least one)
     */
    Mono<Duration> take(Limit limit, String key) {
        var bucket = buckets.get(limit);
        return Mono.defer(() -> {
            var started = Timer.start();
            return limiter.isAllowed(limit.id, keyPrefix + limit.id + ":" + key)
                    .doOnSuccess(response -> started.stop(checks.get(limit)));
        }).map(response -> {
            long left = remaining(response.getHeaders().get(limiter.getRemainingHeader()));
            if (response.isAllowed() && left < 0) {
                unchecked.get(limit).increment();
                if (redisAnswers.compareAndSet(true, false)) {
                    log.warn("Redis cannot be reached: rate limits go unchecked until it can (sessions fail too)");
                }
                return Duration.ZERO;
            }
            if (redisAnswers.compareAndSet(false, true)) {
                log.info("Redis answers again: rate limits are checked");
            }
            return response.isAllowed() ? Duration.ZERO : wait(bucket, left);
        });
    }

    /**
     * The bucket that refills {@code limit.capacity()} requests per {@code limit.period()} in whole tokens a second.
     */
    static RedisRateLimiter.Config bucket(GatewayProperties.Limit limit) {
        long seconds = limit.period().toSeconds();
        if (limit.capacity() < 1 || seconds < 1) {
            throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a period of at least"
                    + " one second, not " + limit.capacity() + " per " + limit.period());
        }
        long common = BigInteger.valueOf(limit.capacity()).gcd(BigInteger.valueOf(seconds)).longValueExact();
        long perRequest = seconds / common;
        long perSecond = limit.capacity() / common;
        return new RedisRateLimiter.Config()
                .setRequestedTokens(Math.toIntExact(perRequest))
                .setReplenishRate(Math.toIntExact(perSecond))
                .setBurstCapacity(Math.multiplyExact(limit.capacity(), perRequest));
    }

    /** How long until a bucket holding {@code left} units has one request's worth again. */
    static Duration wait(RedisRateLimiter.Config bucket, long left) {
        long missing = Math.max(1, bucket.getRequestedTokens() - Math.max(0, left));
        long seconds = (missing + bucket.getReplenishRate() - 1) / bucket.getReplenishRate();
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static long remaining(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
