package org.clinicflow.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clinicflow.gateway.GatewayProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits' one script ({@code take-from-buckets.lua}) on a real redis-server: a request takes from each of its
 * buckets in turn, and one that a bucket refuses takes nothing from the buckets after it.
 */
class TakeFromBucketsIT {

    private static RedisServer server;
    private static LettuceConnectionFactory connections;
    private static RateLimits limits;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new RedisServerBuilder().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        connections = new LettuceConnectionFactory("127.0.0.1", port);
        connections.afterPropertiesSet();
        connections.start();
        // Three a minute from an address (20 units a request, 1 a second, 60 held); ten an hour for a user (360 a
        // request, 1 a second, 3 600 held), so that a bucket's contents show how many requests it gave to.
        limits = new RateLimits(new ReactiveStringRedisTemplate(connections), new GatewayProperties(
                List.of("http://localhost:8080"), "",
                new GatewayProperties.Limit(10, Duration.ofHours(1)),
                new GatewayProperties.Limit(3, Duration.ofMinutes(1)),
                new GatewayProperties.Limit(10, Duration.ofHours(1)),
                "test", Duration.ofSeconds(5), DataSize.ofMegabytes(1)), new SimpleMeterRegistry());
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (connections != null) {
            connections.destroy();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRequestRefusedByItsAddressTakesNothingFromItsUser() {
        var address = "192.0.2." + (1 + (int) (Math.random() * 200));
        var user = UUID.randomUUID().toString();
        var takes = List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, address),
                new RateLimits.Take(RateLimits.Limit.PER_USER, user));

        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(takes).block()).as("request %d", i + 1).isZero();
        }
        long userAfterThree = held(RateLimits.Limit.PER_USER, user);
        // Three requests' worth gone (a second or two may have refilled a unit each).
        assertThat(userAfterThree).isBetween(3600L - 3 * 360, 3600L - 3 * 360 + 5);

        var wait = limits.take(takes).block();
        assertThat(wait).as("the address's fourth request in a minute waits for its bucket")
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(20));
        assertThat(held(RateLimits.Limit.PER_USER, user)).as("the user's bucket after a refused request")
                .isGreaterThanOrEqualTo(userAfterThree);

        // Another address of the same user is not held back by the first address's bucket.
        var elsewhere = List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, address + "0"),
                new RateLimits.Take(RateLimits.Limit.PER_USER, user));
        assertThat(limits.take(elsewhere).block()).isZero();
        assertThat(held(RateLimits.Limit.PER_USER, user)).isLessThanOrEqualTo(userAfterThree - 360 + 5);
    }

    @Test
    void aUsersEleventhRequestInAnHourIsRefusedWhateverTheAddress() {
        var user = UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            var takes = List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, "198.51.100." + i),
                    new RateLimits.Take(RateLimits.Limit.PER_USER, user));
            assertThat(limits.take(takes).block()).as("request %d", i + 1).isZero();
        }
        var eleventh = List.of(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, "198.51.100.99"),
                new RateLimits.Take(RateLimits.Limit.PER_USER, user));
        // 360 units a request at one a second: about six minutes until the user has another.
        assertThat(limits.take(eleventh).block()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
    }

    /** What a bucket holds now, read from the key the script keeps it under. */
    private static long held(RateLimits.Limit limit, String key) {
        var redis = new ReactiveStringRedisTemplate(connections);
        var name = "request_rate_limiter.{" + limit.id + ".test:rate-limit:" + limit.id + ":" + key + "}.tokens";
        return Long.parseLong(redis.opsForValue().get(name).block());
    }
}
