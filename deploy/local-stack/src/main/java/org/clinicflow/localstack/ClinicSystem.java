package org.clinicflow.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The three services, the screens (web) and the gateway, each as its own process from its built jar, wired to a
 * {@link ClinicInfrastructure}. The local run and the end-to-end tests start the system through here.
 */
public final class ClinicSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClinicSystem.class);
    /** Small heaps and the serial collector: four JVMs, Keycloak and PostgreSQL share two cores here. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC", "-Xss512k",
            "--enable-native-access=ALL-UNNAMED", "-XX:+ExitOnOutOfMemoryError");
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    /**
     * The share of traces kept, as a system property of the launching JVM: every one by default, so that any request
     * can be looked up; benchmarks set production's share (the Kubernetes ConfigMaps'), since recording and sending
     * spans costs CPU per request.
     */
    public static final String TRACING_SAMPLING = "clinicflow.tracing.sampling";
    /**
     * Settings for booking-, content- and followup-service, as system properties of the launching JVM: each property
     * named with this prefix and then an environment variable ({@code clinicflow.services.env.CLINICFLOW_X=...}) is
     * that variable in each service's environment. The system tests use it to make slow clocks quicker (the access
     * clock's minute, a token's minute of clock skew), so that they need not wait for them.
     */
    public static final String SERVICE_ENVIRONMENT = "clinicflow.services.env.";

    /** Gateway settings that lift its rate limits, for load tests that send everything from one address and user. */
    public static final Map<String, String> UNLIMITED_RATE = Map.of("RATE_LIMIT_PER_USER", "100000000",
            "RATE_LIMIT_PER_ADDRESS", "100000000", "RATE_LIMIT_SELF_REFERRALS", "100000000");

    private final List<Ports> instances;
    private final Map<String, ServiceProcess> processes;

    private ClinicSystem(List<Ports> instances, Map<String, ServiceProcess> processes) {
        this.instances = instances;
        this.processes = processes;
    }

    /** HTTP ports of each service and of the screens (web), and the separate ports of their actuators. */
    public record Ports(int gateway, int booking, int content, int followup, int web,
                        int gatewayManagement, int bookingManagement, int contentManagement, int followupManagement,
                        int webManagement) {

        public static final Ports LOCAL_RUN = new Ports(8080, 8081, 8082, 8083, 8084, 9080, 9081, 9082, 9083, 9084);

        public static Ports anyFree() {
            return new Ports(FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                    FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
        }

        /** The same services, behind another gateway on free ports. */
        public Ports withAnotherGateway() {
            return new Ports(FreePorts.pick(), booking, content, followup, web, FreePorts.pick(), bookingManagement,
                    contentManagement, followupManagement, webManagement);
        }

        /**
         * The ports of the n-th instance of everything (from 1) when these are the first's: the local run's
         * second instances listen 100 higher (8181, 9181, ...) so that people can find them; otherwise free ones.
         */
        public Ports instance(int n) {
            if (n == 1) {
                return this;
            }
            if (!equals(LOCAL_RUN)) {
                return anyFree();
            }
            int shift = 100 * (n - 1);
            return new Ports(gateway + shift, booking + shift, content + shift, followup + shift, web + shift,
                    gatewayManagement + shift, bookingManagement + shift, contentManagement + shift,
                    followupManagement + shift, webManagement + shift);
        }
    }

    /** Starts everything and returns once every service and the gateway report healthy. */
    public static ClinicSystem start(ClinicInfrastructure infrastructure, Ports ports, Path logDir) {
        return start(infrastructure, ports, logDir, Map.of());
    }

    /**
     * As {@link #start(ClinicInfrastructure, Ports, Path)}, with settings of the gateway's own (environment variables
     * such as {@code RATE_LIMIT_PER_USER}) for tests that need, say, low limits.
     */
    public static ClinicSystem start(ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                     Map<String, String> gatewaySettings) {
        return start(infrastructure, ports, logDir, gatewaySettings, Map.of());
    }

    /**
     * As above, with extra environment for followup-service too, e.g. another SMTP server for a benchmark
     * ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}) than the infrastructure's {@link Mailbox}.
     */
    public static ClinicSystem start(ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                     Map<String, String> gatewaySettings, Map<String, String> followupEnvironment) {
        return start(infrastructure, List.of(ports), logDir, gatewaySettings, followupEnvironment);
    }

    /**
     * {@code count} instances of every service, of the screens and of the gateway, the n-th on
     * {@code ports.instance(n)}. Each gateway spreads every route over all instances of its service.
     */
    public static ClinicSystem start(ClinicInfrastructure infrastructure, Ports ports, int count, Path logDir,
                                     Map<String, String> gatewaySettings) {
        var instances = new ArrayList<Ports>();
        for (int n = 1; n <= count; n++) {
            instances.add(ports.instance(n));
        }
        return start(infrastructure, instances, logDir, gatewaySettings, Map.of());
    }

    private static ClinicSystem start(ClinicInfrastructure infrastructure, List<Ports> instances, Path logDir,
                                      Map<String, String> gatewaySettings, Map<String, String> followupEnvironment) {
        var processes = new LinkedHashMap<String, ServiceProcess>();
        var system = new ClinicSystem(List.copyOf(instances), processes);
        // However the launching JVM ends (a failed test, Ctrl-C, SIGTERM), it takes its services with it.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "clinic-system-stop"));
        var first = instances.getFirst();
        try {
            // The services start side by side (their start-up is mostly CPU-bound class loading, which overlaps
            // well with the others' waiting); the gateway needs nothing from them to start.
            for (int n = 1; n <= instances.size(); n++) {
                var ports = instances.get(n - 1);
                // booking-service makes patients' sign-ins; their invitations lead back to this system's gateway.
                var booking = service(infrastructure, "booking", "BOOKING", ports.booking(),
                        ports.bookingManagement(), true);
                booking.put("PATIENT_SIGN_IN_URL", "http://localhost:" + first.gateway() + "/");
                processes.put(name("booking-service", n), launch(name("booking-service", n), ports.booking(),
                        ports.bookingManagement(), booking, logDir));
                processes.put(name("content-service", n), launch(name("content-service", n), ports.content(),
                        ports.contentManagement(), service(infrastructure, "content", "CONTENT", ports.content(),
                                ports.contentManagement(), true), logDir));
                // followup-service quotes published treatment content from content-service. Its email goes over
                // real SMTP to the infrastructure's mailbox, which keeps it on this machine; with no SMS provider
                // configured, SMS uses a log-only channel, so the local run needs no internet.
                var followup = service(infrastructure, "followup", "FOLLOWUP", ports.followup(),
                        ports.followupManagement(), true);
                followup.put("CONTENT_URL", "http://localhost:" + ports.content());
                followup.put("SPRING_MAIL_HOST", infrastructure.mailbox().smtpHost());
                followup.put("SPRING_MAIL_PORT", Integer.toString(infrastructure.mailbox().smtpPort()));
                // Links in messages (an offer of an earlier time) open the screens through the gateway.
                followup.put("PATIENT_LINK_BASE_URL", "http://localhost:" + first.gateway());
                followup.putAll(followupEnvironment);
                processes.put(name("followup-service", n), launch(name("followup-service", n), ports.followup(),
                        ports.followupManagement(), followup, logDir));
                // The screens call the three services directly, with the token the gateway relays to them.
                var web = new HashMap<String, String>();
                web.put("WEB_PORT", Integer.toString(ports.web()));
                web.put("WEB_MANAGEMENT_PORT", Integer.toString(ports.webManagement()));
                web.put("BOOKING_URL", "http://localhost:" + ports.booking());
                web.put("CONTENT_URL", "http://localhost:" + ports.content());
                web.put("FOLLOWUP_URL", "http://localhost:" + ports.followup());
                web.put("KEYCLOAK_ISSUER_URI", infrastructure.keycloakIssuerUri());
                web.putAll(observability(infrastructure));
                processes.put(name("web", n), launch(name("web", n), ports.web(), ports.webManagement(), web, logDir));
            }
            for (int n = 1; n <= instances.size(); n++) {
                processes.put(name("gateway", n), launchGateway(name("gateway", n), infrastructure, instances,
                        instances.get(n - 1), logDir, gatewaySettings));
            }
            // Every instance starts at once, sharing the machine's cores: the wait grows with their number.
            var limit = READY_LIMIT.multipliedBy(instances.size());
            for (var process : processes.values()) {
                process.awaitReady(limit);
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The first instance keeps the plain name, so that a single-instance system reads as it always has. */
    private static String name(String module, int instance) {
        return instance == 1 ? module : module + "-" + instance;
    }

    /**
     * The gateway alone, ready, in front of whatever listens on the ports' service addresses: for tests of the
     * gateway's own behaviour towards a service, with a stand-in of the test's in the service's place.
     */
    public static ServiceProcess gateway(ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                         Map<String, String> gatewaySettings) {
        return launchGateway("gateway", infrastructure, List.of(ports), ports, logDir, gatewaySettings)
                .awaitReady(READY_LIMIT);
    }

    /**
     * How a gateway's process is run beyond what every service gets: a command put before {@code java} (such as
     * {@code taskset -c 1}) and JVM options of its own (such as a flight recording). For benchmarks that compare one
     * gateway held to less CPU with another that is not.
     */
    public record GatewayLaunch(List<String> launcher, List<String> jvmOptions) {

        public static final GatewayLaunch PLAIN = new GatewayLaunch(List.of(), List.of());

        public GatewayLaunch {
            launcher = List.copyOf(launcher);
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /**
     * As {@link #gateway(ClinicInfrastructure, Ports, Path, Map)}, under a name of its own (its log files are
     * {@code <name>.log} and {@code <name>-gc.log}) and launched as {@code launch} says: a second gateway in front of
     * an already running system, on the gateway ports of {@code ports}.
     */
    public static ServiceProcess gateway(String name, ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                         Map<String, String> gatewaySettings, GatewayLaunch launch) {
        return launchGateway(name, infrastructure, List.of(ports), ports, logDir, gatewaySettings, launch)
                .awaitReady(READY_LIMIT);
    }

    private static ServiceProcess launchGateway(String name, ClinicInfrastructure infrastructure,
                                                List<Ports> services, Ports own, Path logDir,
                                                Map<String, String> settings) {
        return launchGateway(name, infrastructure, services, own, logDir, settings, GatewayLaunch.PLAIN);
    }

    private static ServiceProcess launchGateway(String name, ClinicInfrastructure infrastructure,
                                                List<Ports> services, Ports own, Path logDir,
                                                Map<String, String> settings, GatewayLaunch launch) {
        var gateway = new HashMap<String, String>();
        gateway.put("GATEWAY_PORT", Integer.toString(own.gateway()));
        gateway.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(own.gatewayManagement()));
        // Every instance of each service: the gateway balances over them (its balancing package).
        gateway.put("BOOKING_URL", addresses(services, Ports::booking));
        gateway.put("CONTENT_URL", addresses(services, Ports::content));
        gateway.put("FOLLOWUP_URL", addresses(services, Ports::followup));
        gateway.put("WEB_URL", addresses(services, Ports::web));
        gateway.put("KEYCLOAK_ISSUER_URI", infrastructure.keycloakIssuerUri());
        gateway.put("REDIS_HOST", infrastructure.redisHost());
        gateway.put("REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        gateway.put("REDIS_NAMESPACE", redisNamespace(services.getFirst()));
        gateway.putAll(observability(infrastructure));
        gateway.putAll(settings);
        log.info("Starting {} on port {} (actuator on {})", name, own.gateway(), own.gatewayManagement());
        return launch("gateway", name, gateway, own.gatewayManagement(), logDir, launch);
    }

    private static String addresses(List<Ports> instances, ToIntFunction<Ports> port) {
        return instances.stream().map(ports -> "http://localhost:" + port.applyAsInt(ports))
                .collect(Collectors.joining(","));
    }

    /**
     * The prefix of this system's keys in the infrastructure's Redis. Every gateway of one system shares its sessions
     * and rate limits there; another system started in the same JVM (a test's own, with other limits) shares none of
     * them. A second gateway joins a system's state by being given the same {@code REDIS_NAMESPACE}.
     */
    public static String redisNamespace(Ports ports) {
        return "clinicflow:system-" + ports.gateway();
    }

    private static Map<String, String> service(ClinicInfrastructure infrastructure, String database, String prefix,
                                               int port, int managementPort, boolean demoData) {
        var environment = new HashMap<String, String>();
        environment.put(prefix + "_DB_URL", infrastructure.jdbcUrl(database));
        environment.put(prefix + "_DB_USER", database);
        environment.put(prefix + "_DB_PASSWORD", database);
        environment.put(prefix + "_PORT", Integer.toString(port));
        environment.put(prefix + "_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("KEYCLOAK_ISSUER_URI", infrastructure.keycloakIssuerUri());
        if (demoData) {
            environment.put("SPRING_PROFILES_ACTIVE", "demo");
        }
        environment.putAll(serviceEnvironment());
        environment.putAll(observability(infrastructure));
        return environment;
    }

    /** The launching JVM's {@link #SERVICE_ENVIRONMENT} properties, as environment variables. */
    public static Map<String, String> serviceEnvironment() {
        var environment = new HashMap<String, String>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SERVICE_ENVIRONMENT))
                .forEach(name -> environment.put(name.substring(SERVICE_ENVIRONMENT.length()),
                        System.getProperty(name)));
        return environment;
    }

    /**
     * Every process sends its spans to the infrastructure's Zipkin, all of them (the local run is for looking), and
     * logs one JSON object per line with the trace id in it, as in production (ADR 22).
     */
    private static Map<String, String> observability(ClinicInfrastructure infrastructure) {
        return Map.of("TRACING_EXPORT_ENABLED", "true", "ZIPKIN_ENDPOINT", infrastructure.zipkinSpansEndpoint(),
                "TRACING_SAMPLING_PROBABILITY", System.getProperty(TRACING_SAMPLING, "1.0"), "LOG_FORMAT", "ecs");
    }

    /** @param name the module's name, with the instance's number after a dash from the second instance on */
    private static ServiceProcess launch(String name, int port, int managementPort, Map<String, String> environment,
                                         Path logDir) {
        log.info("Starting {} on port {} (actuator on {})", name, port, managementPort);
        var module = name.replaceFirst("-\\d+$", "");
        return launch(module, name, environment, managementPort, logDir, GatewayLaunch.PLAIN);
    }

    private static ServiceProcess launch(String module, String name, Map<String, String> environment,
                                         int managementPort, Path logDir, GatewayLaunch launch) {
        var options = new ArrayList<>(JVM_OPTIONS);
        // Each pause with its length, next to the service's log: the first place to look when a tail latency jumps.
        options.add("-Xlog:gc:file=\"" + logDir.resolve(name + "-gc.log").toAbsolutePath() + "\":uptime,time");
        options.addAll(launch.jvmOptions());
        return ServiceProcess.launch(name, ProjectLayout.serviceJar(module), environment, managementPort, logDir,
                launch.launcher(), options);
    }

    /**
     * Stops the named process gracefully, starts it again with the same settings and ports, and returns once it is
     * ready again.
     */
    public ServiceProcess restart(String name) {
        return restart(name, () -> { });
    }

    /** As {@link #restart(String)}, doing {@code whileDown} once the process has ended and before it starts again. */
    public ServiceProcess restart(String name, Runnable whileDown) {
        var running = processes.get(name);
        running.close();
        whileDown.run();
        var again = running.relaunch();
        processes.put(name, again);
        return again.awaitReady(READY_LIMIT);
    }

    /**
     * Starts again, side by side, each named process that has ended (closed or killed), with its settings and ports,
     * and returns once all of them are ready; one still running is left as it is. For a test that stopped services of
     * a system that others go on using.
     */
    public void startAgain(String... names) {
        var again = new HashMap<String, ServiceProcess>();
        for (var name : names) {
            var process = processes.get(name);
            if (!process.isAlive()) {
                again.put(name, process.relaunch());
            }
        }
        processes.putAll(again);
        again.values().parallelStream().forEach(process -> process.awaitReady(READY_LIMIT));
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports().gateway();
    }

    /** The first instance's ports. */
    public Ports ports() {
        return instances.getFirst();
    }

    /** Every instance's ports, the first first. */
    public List<Ports> instances() {
        return instances;
    }

    public ServiceProcess process(String name) {
        return processes.get(name);
    }

    public List<ServiceProcess> processes() {
        return new ArrayList<>(processes.values());
    }

    /** Stops every process it started, gateways first; idempotent. */
    @Override
    public void close() {
        var running = new ArrayList<>(processes.values());
        java.util.Collections.reverse(running);
        running.parallelStream().forEach(ServiceProcess::close);
    }
}
