package org.clinicflow.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Zipkin server, run from its executable jar on Maven Central ({@code io.zipkin:zipkin-server:exec}, copied into
 * this module's {@code target/} by the build) as a child process, with in-memory storage: the services send their
 * spans to {@link #spansEndpoint()}, and people and tests read traces at {@link #url()}. Nothing survives a stop.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZipkinServer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * A small heap and the serial collector: it shares two cores with everything else. The in-memory store keeps at
     * most this many spans, oldest dropped first; a test run makes far fewer.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");
    private static final String MAX_SPANS = "200000";

    private final Process process;
    private final int port;
    private final Path logFile;

    private ZipkinServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Launches Zipkin without waiting for it, so that it starts while other parts do; see {@link #awaitReady()}.
     *
     * @param port    the HTTP port on localhost (API, UI and span collector), or 0 for a free one
     * @param workDir where its log goes (created if missing)
     */
    public static ZipkinServer launch(int port, Path workDir) {
        var jar = ProjectLayout.zipkinJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Zipkin server at " + jar
                    + ": run ./mvnw -f deploy/local-stack/pom.xml process-resources first");
        }
        int chosen = port == 0 ? FreePorts.pick() : port;
        try {
            Files.createDirectories(workDir);
            var logFile = workDir.resolve("zipkin.log");
            var command = new java.util.ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(jar.toString());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            var environment = builder.environment();
            environment.put("QUERY_PORT", Integer.toString(chosen));
            environment.put("STORAGE_TYPE", "mem");
            environment.put("MEM_MAX_SPANS", MAX_SPANS);
            // Zipkin would otherwise trace its own API calls, and the tests' reads would show up as traces.
            environment.put("SELF_TRACING_ENABLED", "false");
            var process = builder.start();
            log.info("Starting Zipkin on port {} (pid {}), log: {}", chosen, process.pid(), logFile);
            return new ZipkinServer(process, chosen, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch Zipkin", e);
        }
    }

    /** Waits until Zipkin answers its health check; fails early if the process dies. */
    public ZipkinServer awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        var health = HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Zipkin exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Zipkin not ready within " + STARTUP_TIMEOUT + "; see " + logFile);
    }

    /** The UI and API, e.g. {@code http://localhost:19411}; a trace is at {@code /zipkin/traces/{traceId}}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** Where services send spans: Zipkin's v2 JSON API. */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    /** Stops Zipkin, politely first; safe to call more than once. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10))) {
                process.destroyForcibly().waitFor(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
