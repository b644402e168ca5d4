package org.clinicflow.localstack;

import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real Redis server, started from the {@code redis-server} binary that embedded-redis carries inside its jar on Maven
 * Central. The gateways keep what they must share in it: browser sessions and rate-limit buckets (ADR 8). Nothing is
 * written to disk: a local run or a test run starts with no sessions and full buckets, as it starts with fresh
 * databases.
 */
public final class RedisServer implements AutoCloseable {

    private static final String HOST = "localhost";

    private final redis.embedded.RedisServer server;
    private final int port;

    private RedisServer(redis.embedded.RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port 0 picks a free port */
    public static RedisServer start(int port) {
        int chosen = port > 0 ? port : FreePorts.pick();
        try {
            var server = new RedisServerBuilder()
                    .port(chosen)
                    // Loopback only: it has no password, like the other local parts.
                    .bind("127.0.0.1")
                    // No snapshots and no append-only file: nothing here outlives the run.
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new RedisServer(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + chosen, e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
