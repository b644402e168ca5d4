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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of clinicflow's Spring Boot services run as its own operating-system process from its built jar, as it would be
 * in production: its own JVM, its own log file, reachable only over the network.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int managementPort;
    private final Path logFile;
    private final List<String> command;
    private final Map<String, String> environment;

    private ServiceProcess(String name, Process process, int managementPort, Path logFile, List<String> command,
                           Map<String, String> environment) {
        this.name = name;
        this.process = process;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.command = command;
        this.environment = environment;
    }

    /**
     * Launches the jar without waiting for it; see {@link #awaitReady(Duration)}.
     *
     * @param environment configuration as environment variables, the way a deployment would pass it
     */
    public static ServiceProcess launch(String name, Path jar, Map<String, String> environment, int managementPort,
                                        Path logDir, List<String> jvmOptions) {
        return launch(name, jar, environment, managementPort, logDir, List.of(), jvmOptions);
    }

    /**
     * As above, with {@code launcher} put before {@code java} on the command line, e.g. {@code taskset -c 1} to hold
     * the process to one core, as a container's CPU limit of one would.
     */
    public static ServiceProcess launch(String name, Path jar, Map<String, String> environment, int managementPort,
                                        Path logDir, List<String> launcher, List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        try {
            Files.createDirectories(logDir);
            var logFile = logDir.resolve(name + ".log");
            var command = new ArrayList<String>(launcher);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            return start(name, List.copyOf(command), Map.copyOf(environment), managementPort, logFile,
                    ProcessBuilder.Redirect.to(logFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + name, e);
        }
    }

    private static ServiceProcess start(String name, List<String> command, Map<String, String> environment,
                                        int managementPort, Path logFile, ProcessBuilder.Redirect output)
            throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(environment);
        var process = builder.start();
        log.info("Starting {} (pid {}), log: {}", name, process.pid(), logFile);
        return new ServiceProcess(name, process, managementPort, logFile, command, environment);
    }

    /**
     * The same jar with the same settings and ports started again, once this one has ended, not yet ready; its log
     * goes on in the same file, after what the ended one wrote.
     */
    public ServiceProcess relaunch() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            return start(name, command, environment, managementPort, logFile,
                    ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + name + " again", e);
        }
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hook runs, nothing is tidied away. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the service's health endpoint says UP; fails early if the process dies. */
    public ServiceProcess awaitReady(Duration limit) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        var health = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        int lastStatus = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                var response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} ready", name);
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + limit + " (last health answer: "
                + (lastStatus == 0 ? "none" : lastStatus) + "); see " + logFile);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Memory in KiB that this process accounts for; see {@link #memoryKiB(long)}. */
    public long memoryKiB() {
        return memoryKiB(process.pid());
    }

    /**
     * The proportional set size (Linux): resident memory with pages shared between processes divided among them, so
     * that PostgreSQL's many processes can be added up without counting its shared buffers over and over.
     * Falls back to the resident set size, and answers -1 where neither can be read.
     */
    static long memoryKiB(long pid) {
        for (var source : List.of(new String[]{"smaps_rollup", "Pss:"}, new String[]{"status", "VmRSS:"})) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Try the next source.
            }
        }
        return -1;
    }

    /** Asks the service to shut down gracefully, then insists; idempotent. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20))) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
