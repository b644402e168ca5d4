package org.clinicflow.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The real Keycloak, started from the Quarkus distribution this module's build unpacks from Maven Central, as a child
 * process on {@code localhost} over plain HTTP, with realm {@code clinic} imported from
 * {@code deploy/keycloak/clinic-realm.json} and the admin console user {@code admin}/{@code admin}.
 * <p>
 * The distribution is shared by every instance, so it is only ever read, except once: the first start bakes the
 * build-time options (in-memory H2) into it with {@code kc.sh build}, under a lock, and every later start reuses that
 * with {@code start --optimized}. Everything an instance writes (database, transaction log, imported realm, log) lives
 * in its own work directory, so instances can run side by side or one after another.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "clinic";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    /**
     * In-memory H2: nothing survives a restart, which is what tests want, and no database files can clash. What
     * {@code kc.sh build} records in the distribution for it is in {@link #BUILT_FOR_US}.
     */
    private static final List<String> BUILD_ARGUMENTS = List.of("build", "--db=dev-mem");
    private static final Map<String, String> BUILT_FOR_US = Map.of("kc.db", "dev-mem", "kc.profile", "prod");

    /** Guards the one-time build between threads of this JVM; the file lock only guards between JVMs. */
    private static final Object BUILD_MONITOR = new Object();

    private final Process process;
    private final int port;
    private final Path home;
    private final Path logFile;
    private final FileChannel workDirLock;
    private final Thread shutdownHook;
    private boolean closed;

    private KeycloakServer(Process process, int port, Path home, Path logFile, FileChannel workDirLock) {
        this.process = process;
        this.port = port;
        this.home = home;
        this.logFile = logFile;
        this.workDirLock = workDirLock;
        // A JVM told to stop (Ctrl-C, SIGTERM, System.exit) must not leave half a gigabyte of Keycloak behind.
        this.shutdownHook = new Thread(this::close, "keycloak-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak and returns once realm {@code clinic} answers.
     *
     * @param httpPort the HTTP port on localhost, or 0 for a free one
     * @param workDir  this instance's own directory (created if missing): its Keycloak home and its log go there; two
     *                 instances running at once need two work directories
     */
    public static KeycloakServer start(int httpPort, Path workDir) {
        long started = System.nanoTime();
        var distribution = ProjectLayout.keycloakHome();
        var realmFile = ProjectLayout.realmFile();
        if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution
                    + ": run ./mvnw -f deploy/local-stack/pom.xml process-resources first");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("No realm file at " + realmFile);
        }
        workDir = workDir.toAbsolutePath().normalize();
        var home = workDir.resolve("home");
        var workDirLock = lockWorkDir(workDir);
        try {
            stopLeftovers(home);
            ensureBuilt(distribution, workDir.resolve("keycloak-build.log"));
            prepareHome(home, distribution, realmFile);
            int port = httpPort == 0 ? FreePorts.pick() : httpPort;
            var logFile = workDir.resolve("keycloak.log");
            log.info("Starting Keycloak on port {} (log: {})", port, logFile);
            long launched = System.nanoTime();
            var process = launch(distribution, home, port, logFile);
            var server = new KeycloakServer(process, port, home, logFile, workDirLock);
            try {
                server.awaitReady(launched);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            log.info("Keycloak ready at {} in {} ms", server.url(), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            closeQuietly(workDirLock);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(workDirLock);
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://localhost:18080}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer ({@code iss}) of the tokens of realm {@code clinic}, the same whichever host name a caller used. */
    public String issuerUri() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** Keycloak's own output (stdout and stderr). */
    public Path logFile() {
        return logFile;
    }

    /** Stops Keycloak and anything it started: politely first, then forcibly. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // We are the shutdown hook, or the JVM runs it anyway: either way the work below is still needed.
        }
        stopProcessTree();
        try {
            deleteRecursively(home);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", home, e.getMessage());
        }
        closeQuietly(workDirLock);
        log.info("Keycloak on port {} stopped", port);
    }

    /**
     * Two instances sharing a work directory would delete each other's database and import; fail loudly instead.
     * The OS drops the lock when its JVM dies, however it dies, so a killed run never blocks the next one.
     */
    private static FileChannel lockWorkDir(Path workDir) {
        try {
            Files.createDirectories(workDir);
            var channel = FileChannel.open(workDir.resolve("keycloak.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                // Same answer as a lock held by another JVM.
            }
            channel.close();
            throw new IllegalStateException("Another Keycloak is running in " + workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JVM killed with SIGKILL runs no shutdown hook, so its Keycloak lives on. We hold the work directory's lock, so
     * any process still naming this home belongs to such a dead run and can go.
     */
    private static void stopLeftovers(Path home) {
        var marker = "-Dkc.home.dir=" + home + " ";
        var leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> (line + " ").contains(marker)).orElse(false))
                .toList();
        if (!leftovers.isEmpty()) {
            log.warn("Stopping Keycloak processes {} left running in {} by an earlier run that was killed",
                    leftovers.stream().map(ProcessHandle::pid).toList(), home);
            leftovers.forEach(ProcessHandle::destroyForcibly);
            awaitExit(leftovers, GRACEFUL_STOP);
        }
    }

    /**
     * Keycloak refuses {@code start --optimized} until {@code kc.sh build} has baked the build-time options into
     * {@code lib/quarkus}. That takes about 20 s, so it is done once per unpacked distribution. Instead of a marker
     * file we read what the build itself recorded, so a re-unpacked or differently built distribution is noticed.
     */
    private static void ensureBuilt(Path distribution, Path buildLog) throws IOException {
        synchronized (BUILD_MONITOR) {
            try (var channel = FileChannel.open(distribution.resolve(".clinicflow-build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = channel.lock()) {
                if (isBuiltForUs(distribution)) {
                    return;
                }
                log.info("Building the Keycloak distribution once (kc.sh build, ~20 s); later starts reuse it");
                var command = new ArrayList<>(List.of("/bin/sh", distribution.resolve("bin/kc.sh").toString()));
                command.addAll(BUILD_ARGUMENTS);
                var builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(buildLog.toFile());
                prepareEnvironment(builder.environment());
                var build = builder.start();
                build.getOutputStream().close();
                boolean finished = build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (!finished) {
                    build.descendants().forEach(ProcessHandle::destroyForcibly);
                    build.destroyForcibly();
                }
                if (!finished || build.exitValue() != 0 || !isBuiltForUs(distribution)) {
                    throw new IllegalStateException("kc.sh build failed" + (finished ? "" : " (timed out)")
                            + "; last lines of " + buildLog + ":\n" + tail(buildLog));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building Keycloak", e);
            }
        }
    }

    private static boolean isBuiltForUs(Path distribution) throws IOException {
        var generated = distribution.resolve("lib/quarkus/generated-bytecode.jar");
        if (!Files.isRegularFile(generated)) {
            return false;
        }
        try (var jar = new JarFile(generated.toFile())) {
            var entry = jar.getEntry("META-INF/keycloak-persisted.properties");
            if (entry == null) {
                return false;
            }
            var persisted = new Properties();
            try (var in = jar.getInputStream(entry)) {
                persisted.load(in);
            }
            return BUILT_FOR_US.entrySet().stream()
                    .allMatch(option -> option.getValue().equals(persisted.getProperty(option.getKey())));
        }
    }

    /**
     * Keycloak keeps its data under {@code kc.home.dir}/data and insists that {@code lib/quarkus} is found there too.
     * So each instance gets its own home: a fresh data directory, plus links to the shared, read-only parts.
     */
    private static void prepareHome(Path home, Path distribution, Path realmFile) throws IOException {
        deleteRecursively(home);
        var importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));
        for (var shared : List.of("lib", "conf", "providers", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
        }
    }

    private static Process launch(Path distribution, Path home, int port, Path logFile) throws IOException {
        var command = List.of(
                // Through sh, so a distribution unpacked without the execute bit still starts.
                "/bin/sh", distribution.resolve("bin/kc.sh").toString(),
                // kc.sh sets kc.home.dir to the distribution first; a later -D wins.
                "-Dkc.home.dir=" + home,
                "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // A fixed issuer, so tokens fetched via 127.0.0.1 and via localhost validate alike.
                "--hostname=http://localhost:" + port,
                // The default cache clusters over JGroups on every interface; one local node needs none of that.
                "--cache=local",
                "--import-realm");
        var builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        var environment = builder.environment();
        prepareEnvironment(environment);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        var process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Keycloak runs on the JDK of the caller, known to work with this project. Whatever Keycloak or JVM settings the
     * caller's shell happens to export would silently change the server, so none are passed on: in particular a
     * {@code JAVA_OPTS} would replace kc.sh's own, which include the --add-opens Keycloak needs.
     */
    private static void prepareEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.startsWith("JAVA_OPTS") || name.equals("JAVA_ADD_OPENS") || name.equals("JAVA"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /**
     * Keycloak opens its HTTP port early and answers 503 while it bootstraps, so an open port proves nothing; the
     * realm's discovery document is served only once the realm has been imported.
     */
    private void awaitReady(long launchedNanos) {
        var probe = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = launchedNanos + STARTUP_TIMEOUT.toNanos();
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure("Keycloak exited with code " + process.exitValue() + " before it was ready");
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Keep polling until the deadline.
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while waiting for Keycloak");
        }
        throw failure("Keycloak was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    private IllegalStateException failure(String reason) {
        return new IllegalStateException(reason + "; last lines of " + logFile + ":\n" + tail(logFile));
    }

    /**
     * kc.sh runs Java as its child. The tree is captured before anything is stopped: once kc.sh has gone, its Java
     * process is re-parented and would no longer show up as our descendant.
     */
    private void stopProcessTree() {
        var tree = new ArrayList<ProcessHandle>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, GRACEFUL_STOP)) {
            log.warn("Keycloak on port {} did not stop within {} s; killing it", port, GRACEFUL_STOP.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String tail(Path file) {
        try {
            var lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Deletes links, never what they point to: a home links to the shared distribution. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("Could not release {}", channel, e);
        }
    }
}
