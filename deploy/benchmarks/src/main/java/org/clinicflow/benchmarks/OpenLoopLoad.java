package org.clinicflow.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one request at a fixed rate for a fixed time, whether or not earlier answers have come back (an open loop,
 * as real visitors behave). Latency counts from when a request was due, not from when it was actually sent, so a
 * stalled server cannot hide its stall by slowing the load down ("coordinated omission"). Bounded: exactly
 * rate x duration requests, each with a timeout.
 * <p>
 * The load generator shares the machine with what it measures, so it also records its own part: how late each
 * request started on its way (a pause of this JVM, or no core free to run the sender). That delay is inside the
 * latency too; reporting it apart says how much of a tail is the harness.
 * <p>
 * At most {@value #MAX_IN_FLIGHT} requests are in flight at once, like a client with a bounded connection pool. The
 * JDK's client opens a connection for every HTTP/1.1 request in flight; while a cold service answered slowly it
 * opened close to 400 to booking-service, which accepts 256 and leaves the rest queued unanswered. A request that
 * waits for its turn here still counts its latency from when it was due.
 * <p>
 * With {@code -Dbenchmark.latencyDir=DIR} each measured run also writes every request's latency, in the order they
 * were due, to {@code DIR/<scenario>.csv}: when the slow ones come says more about a tail than its size does.
 */
final class OpenLoopLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Below what a service accepts (256) less what the gateway may hold of it (128). */
    private static final int MAX_IN_FLIGHT = 100;

    private final HttpClient client;

    OpenLoopLoad(HttpClient client) {
        this.client = client;
    }

    /**
     * One request and its answer, or several made one after the other (a page's calls behind it), sent on the load's
     * own virtual thread. Returns the outcome to count: a status code, or what was wrong with the answer. An
     * exception is counted by its class.
     */
    @FunctionalInterface
    interface Exchange {
        /** @param index the request's number in this run, from 0, for scenarios whose every request is distinct */
        String make(HttpClient client, int index) throws IOException, InterruptedException;
    }

    /** The same request every time, judged by its status code alone. */
    LoadResult run(String scenario, HttpRequest request, int expectedStatus, int perSecond, Duration duration) {
        var timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
        return run(scenario, (http, index) -> String.valueOf(
                        http.send(timed, HttpResponse.BodyHandlers.discarding()).statusCode()),
                String.valueOf(expectedStatus), perSecond, duration);
    }

    /**
     * @param expected the outcome of an exchange that went as it should; every other one is an error. An exchange
     *                 that reads and checks its answer must set its own requests' timeouts ({@link #REQUEST_TIMEOUT}).
     */
    LoadResult run(String scenario, Exchange exchange, String expected, int perSecond, Duration duration) {
        int total = Math.toIntExact(perSecond * duration.toSeconds());
        long interval = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        long[] sendDelays = new long[total];
        var outcomes = new ConcurrentHashMap<String, Integer>();
        var inFlight = new Semaphore(MAX_IN_FLIGHT, true);
        long start = System.nanoTime() + 20_000_000L;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                senders.execute(() -> {
                    sendDelays[index] = System.nanoTime() - due;
                    inFlight.acquireUninterruptibly();
                    try {
                        latencies[index] = send(exchange, index, due, outcomes);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } // closing waits for every answer (or timeout)
        long elapsed = System.nanoTime() - start;
        writeLatencies(scenario, interval, latencies, sendDelays);
        return LoadResult.of(scenario, latencies, sendDelays, outcomes, expected, elapsed);
    }

    private static void writeLatencies(String scenario, long interval, long[] latencies, long[] sendDelays) {
        var dir = System.getProperty("benchmark.latencyDir", "");
        if (dir.isBlank()) {
            return;
        }
        var file = Path.of(dir, scenario.replaceAll("[^A-Za-z0-9]+", "-") + ".csv");
        try {
            Files.createDirectories(file.getParent());
            try (var out = new PrintWriter(Files.newBufferedWriter(file))) {
                out.println("due_ms,latency_ms,send_delay_ms");
                for (int i = 0; i < latencies.length; i++) {
                    out.printf(Locale.ROOT, "%.3f,%.3f,%.3f%n", i * interval / 1e6, latencies[i] / 1e6,
                            sendDelays[i] / 1e6);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Records the outcome (status code, or the exception's class) and returns the latency in nanoseconds. */
    private long send(Exchange exchange, int index, long due, Map<String, Integer> outcomes) {
        String outcome;
        try {
            outcome = exchange.make(client, index);
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        long latency = System.nanoTime() - due;
        outcomes.merge(outcome, 1, Integer::sum);
        return latency;
    }
}
