package org.clinicflow.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.clinicflow.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway's limits as token buckets in Redis, so that every gateway instance takes from the same buckets (ADR 8):
 * behind a load balancer, two gateways let a caller through at the configured rate, not twice it.
 * <p>
 * A request's buckets are taken from in one Lua script, one round trip ({@code take-from-buckets.lua}): each bucket is
 * refilled and taken from as Spring Cloud Gateway's {@link RedisRateLimiter} does, on the keys it uses, and a bucket
 * that refuses leaves those after it untouched, as when they were asked one after another. Two or three round trips
 * a request, each waiting for Lettuce's thread and traced on its own, were a large share of the gateway's CPU per
 * request (docs/benchmarks.md, GatewayTailBenchmark). The keys of one request hash to different slots, so the script
 * needs a single Redis (with replicas or Sentinel, as ADR 8 asks), not Redis Cluster.
 * <p>
 * The buckets refill a whole number of tokens each second. A limit of C requests per P seconds is therefore counted in
 * smaller units: with g the greatest common divisor of C and P, a request costs P/g units, the bucket refills C/g
 * units a second and holds C·P/g. 300 a minute: 1 a request, 5 a second, 300 held; 10 an hour: 360 a request, 1 a
 * second, 3 600 held. A key lives in Redis for twice its period after its last use, then it is full again anyway.
 * <p>
 * When Redis cannot be asked, the request goes through unchecked. Refusing every caller because the limits' store is
 * down would turn a Redis outage into a clinic outage, while the services still check every token and bound what one
 * caller may do. The gateway logs the outage once as it begins and once as it ends (never the caller's address or
 * user), and counts each unchecked request in {@code clinicflow.gateway.rate.limits.unchecked}, by limit.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final RedisScript<List<Long>> SCRIPT = script("take-from-buckets.lua");

    /** The limits, by the names their keys and settings carry. */
    enum Limit {
        PER_USER("per-user"), PER_ADDRESS("per-address"), SELF_REFERRALS("self-referrals");

        final String id;

        Limit(String id) {
            this.id = id;
        }
    }

    /** One bucket a request takes from: the limit and whose it is (an address or a user). */
    record Take(Limit limit, String key) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;
    private final Map<Limit, RedisRateLimiter.Config> buckets = new EnumMap<>(Limit.class);
    private final Map<Limit, Counter> unchecked = new EnumMap<>(Limit.class);
    private final MeterRegistry meters;
    private final Map<String, Timer> checks = new ConcurrentHashMap<>();
    private final AtomicBoolean redisAnswers = new AtomicBoolean(true);

    RateLimits(ReactiveStringRedisTemplate redis, GatewayProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
        this.keyPrefix = properties.redisNamespace() + ":rate-limit:";
        buckets.put(Limit.PER_USER, bucket(properties.perUser()));
        buckets.put(Limit.PER_ADDRESS, bucket(properties.perAddress()));
        buckets.put(Limit.SELF_REFERRALS, bucket(properties.selfReferrals()));
        for (var limit : Limit.values()) {
            unchecked.put(limit, Counter.builder("clinicflow.gateway.rate.limits.unchecked")
                    .description("Requests let through without their rate limit checked, because Redis could not be"
                            + " asked")
                    .tag("limit", limit.id).register(meters));
        }
    }

    /**
     * Takes one request's worth from each bucket in turn, stopping at the first that has too little.
     *
     * @return zero when the request may go ahead, otherwise how long until it would by the bucket that refused it
     * (whole seconds, at least one)
     */
    Mono<Duration> take(List<Take> takes) {
        var keys = new ArrayList<String>(2 * takes.size());
        var args = new ArrayList<String>(3 * takes.size());
        for (var take : takes) {
            var bucket = buckets.get(take.limit());
            // RedisRateLimiter's keys, so that buckets carry over from gateways that still take through it.
            var id = "request_rate_limiter.{" + take.limit().id + "." + keyPrefix + take.limit().id + ":" + take.key()
                    + "}.";
            keys.add(id + "tokens");
            keys.add(id + "timestamp");
            args.add(Integer.toString(bucket.getReplenishRate()));
            args.add(Long.toString(bucket.getBurstCapacity()));
            args.add(Integer.toString(bucket.getRequestedTokens()));
        }
        var timer = checks.computeIfAbsent(names(takes), names -> Timer.builder("clinicflow.gateway.rate.limits.check")
                .description("How long taking from a request's buckets in Redis took (one round trip), which every"
                        + " routed request waits for")
                .tag("limit", names).register(meters));
        return Mono.defer(() -> {
            var started = Timer.start();
            return redis.execute(SCRIPT, keys, args)
                    .reduce(new ArrayList<Long>(3), (all, part) -> {
                        all.addAll(part);
                        return all;
                    })
                    .doOnSuccess(answer -> started.stop(timer));
        }).map(answer -> {
            if (redisAnswers.compareAndSet(false, true)) {
                log.info("Redis answers again: rate limits are checked");
            }
            if (answer.get(0) == 1) {
                return Duration.ZERO;
            }
            var refused = takes.get(Math.toIntExact(answer.get(1)) - 1).limit();
            return wait(buckets.get(refused), answer.get(2));
        }).onErrorResume(e -> {
            takes.forEach(take -> unchecked.get(take.limit()).increment());
            if (redisAnswers.compareAndSet(true, false)) {
                log.warn("Redis cannot be reached: rate limits go unchecked until it can (sessions fail too)");
            }
            return Mono.just(Duration.ZERO);
        });
    }

    /** The timer's tag: the limits a request met, such as {@code per-address+per-user}. */
    private static String names(List<Take> takes) {
        var names = new StringBuilder();
        for (var take : takes) {
            names.append(names.isEmpty() ? "" : "+").append(take.limit().id);
        }
        return names.toString();
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

    /** Read once: a script kept as a resource would be checked for changes in the jar on every call. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Long>> script(String name) {
        try {
            var text = new ClassPathResource(name, RateLimits.class).getContentAsString(StandardCharsets.UTF_8);
            return (RedisScript<List<Long>>) (RedisScript) RedisScript.of(text, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The rate limits' script " + name + " could not be read", e);
        }
    }
}
