package org.clinicflow.benchmarks;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Published-content reads per second and latency, through the gateway and, as a baseline on the same noisy machine,
 * straight to content-service: each without If-None-Match (200 with the body) and with the current ETag (304).
 * <p>
 * Starts the real system (infrastructure and every service as its own process), offers a fixed rate to localhost
 * only, prints a Markdown table for docs/benchmarks.md, stops everything and exits. Settings as system properties:
 * {@code benchmark.rate} (default 500 per second), {@code benchmark.seconds} (25), {@code benchmark.warmupSeconds}
 * (30).
 */
public final class ContentReadBenchmark {

    private static final String PATH = "/api/content/treatments/balloon-kyphoplasty";

    private ContentReadBenchmark() {
    }

    /** @param ifNoneMatch the ETag to send, or null to ask for the full body */
    private record Scenario(String name, URI uri, String ifNoneMatch, int expectedStatus) {

        HttpRequest request() {
            var builder = HttpRequest.newBuilder(uri).GET();
            if (ifNoneMatch != null) {
                builder.header("If-None-Match", ifNoneMatch);
            }
            return builder.build();
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rate = Integer.getInteger("benchmark.rate", 500);
        var measured = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 25));
        var warmup = Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 30));
        var results = new ArrayList<LoadResult>();

        var infrastructure = ClinicInfrastructure.shared();
        // The load comes from one address and one user: the gateway's rate limits would measure themselves instead.
        try (var system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(),
                Files.createDirectories(Path.of("target", "service-logs")), ClinicSystem.UNLIMITED_RATE)) {
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            var gateway = URI.create(system.gatewayUrl() + PATH);
            var direct = URI.create("http://localhost:" + system.ports().content() + PATH);
            var etag = currentEtag(client, gateway);
            var load = new OpenLoopLoad(client);
            // The baseline first: under load the gateway's pool opens connections to content-service up to its
            // connection limit and keeps them, after which a direct client can no longer connect. Cached reads before
            // full ones, so that an overloaded full-body run cannot colour the target's figures.
            var scenarios = List.of(
                    new Scenario("content-service direct, matching If-None-Match (304)", direct, etag, 304),
                    new Scenario("content-service direct, no If-None-Match (200)", direct, null, 200),
                    new Scenario("gateway, matching If-None-Match (304)", gateway, etag, 304),
                    new Scenario("gateway, no If-None-Match (200)", gateway, null, 200));
            for (var scenario : scenarios) {
                System.out.printf("%s: warming up for %ds, then %ds at %d req/s%n", scenario.name(),
                        warmup.toSeconds(), measured.toSeconds(), rate);
                load.run(scenario.name(), scenario.request(), scenario.expectedStatus(), rate, warmup);
                results.add(load.run(scenario.name(), scenario.request(), scenario.expectedStatus(), rate, measured));
            }
        } finally {
            infrastructure.close();
        }
        report(rate, measured, results);
        System.exit(results.stream().anyMatch(result -> result.errors() > 0) ? 1 : 0);
    }

    private static String currentEtag(HttpClient client, URI uri) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException(uri + " answered " + response.statusCode()
                        + " without an ETag"));
    }

    private static void report(int rate, Duration measured, List<LoadResult> results) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%n### %s%n%n", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        System.out.printf("Machine: %s, %d cores, %s %s, Java %s. Offered load: %d req/s for %ds per scenario, "
                        + "open loop, after warm-up; GET %s.%n%n", cpuModel(), os.getAvailableProcessors(),
                os.getName(), os.getVersion(), System.getProperty("java.version"), rate, measured.toSeconds(), PATH);
        System.out.println(LoadResult.tableHeader());
        results.forEach(result -> System.out.println(result.tableRow()));
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
