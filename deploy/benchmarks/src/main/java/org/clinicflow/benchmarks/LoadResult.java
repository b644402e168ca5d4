package org.clinicflow.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of {@link OpenLoopLoad} measured. Latencies in milliseconds; {@code perSecond} is requests answered
 * per second of the run, which falls below the offered rate when the server cannot keep up.
 */
record LoadResult(String scenario, int requests, int errors, double perSecond, double p50, double p90, double p99,
                  double max, double p99SendDelay, Map<String, Integer> outcomes) {

    /**
     * @param sendDelayNanos how late each request left the load generator, already included in its latency
     * @param outcomes       count per status code or exception class; anything but {@code expected} is an error
     */
    static LoadResult of(String scenario, long[] latencyNanos, long[] sendDelayNanos, Map<String, Integer> outcomes,
                         String expected, long elapsedNanos) {
        var sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        var delays = sendDelayNanos.clone();
        Arrays.sort(delays);
        int errors = sorted.length - outcomes.getOrDefault(expected, 0);
        return new LoadResult(scenario, sorted.length, errors, sorted.length / (elapsedNanos / 1e9),
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]),
                millis(percentile(delays, 99)), new TreeMap<>(outcomes));
    }

    static String tableHeader() {
        return "| scenario | requests | errors | achieved req/s | p50 ms | p99 ms | max ms | load generator's p99 delay ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|";
    }

    String tableRow() {
        var row = "| %s | %d | %d | %.0f | %.2f | %.2f | %.1f | %.2f |".formatted(scenario, requests, errors,
                perSecond, p50, p99, max, p99SendDelay);
        return errors == 0 ? row : row + " outcomes: " + outcomes;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
