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

    /** Gateway settings that lift its rate limits, for load tests that send everything from one address and user. */
    public static final Map<String, String> UNLIMITED_RATE = Map.of("RATE_LIMIT_PER_USER", "100000000",
            "RATE_LIMIT_PER_ADDRESS", "100000000", "RATE_LIMIT_SELF_REFERRALS", "100000000");

    private final Ports ports;
    private final Map<String, ServiceProcess> processes;

    private ClinicSystem(Ports ports, Map<String, ServiceProcess> processes) {
        this.ports = ports;
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
        var processes = new LinkedHashMap<String, ServiceProcess>();
        var system = new ClinicSystem(ports, processes);
        // However the launching JVM ends (a failed test, Ctrl-C, SIGTERM), it takes its services with it.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "clinic-system-stop"));
        try {
            // The services start side by side (their start-up is mostly CPU-bound class loading, which overlaps
            // well with the others' waiting); the gateway needs nothing from them to start.
            // booking-service makes patients' sign-ins; their invitations lead back to this system's gateway.
            var booking = service(infrastructure, "booking", "BOOKING", ports.booking(), ports.bookingManagement(),
                    true);
            booking.put("PATIENT_SIGN_IN_URL", "http://localhost:" + ports.gateway() + "/");
            processes.put("booking-service", launch("booking-service", ports.booking(), ports.bookingManagement(),
                    booking, logDir));
            processes.put("content-service", launch("content-service", ports.content(), ports.contentManagement(),
                    service(infrastructure, "content", "CONTENT", ports.content(), ports.contentManagement(), true),
                    logDir));
            // followup-service quotes published treatment content from content-service. Its email goes over real SMTP
            // to the infrastructure's mailbox, which keeps it on this machine; with no SMS provider configured, SMS
            // uses a log-only channel, so the local run needs no internet.
            var followup = service(infrastructure, "followup", "FOLLOWUP", ports.followup(), ports.followupManagement(),
                    true);
            followup.put("CONTENT_URL", "http://localhost:" + ports.content());
            followup.put("SPRING_MAIL_HOST", infrastructure.mailbox().smtpHost());
            followup.put("SPRING_MAIL_PORT", Integer.toString(infrastructure.mailbox().smtpPort()));
            // Links in messages (an offer of an earlier time) open the screens through the gateway.
            followup.put("PATIENT_LINK_BASE_URL", "http://localhost:" + ports.gateway());
            followup.putAll(followupEnvironment);
            processes.put("followup-service", launch("followup-service", ports.followup(),
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
            processes.put("web", launch("web", ports.web(), ports.webManagement(), web, logDir));
            processes.put("gateway", launchGateway(infrastructure, ports, logDir, gatewaySettings));
            for (var process : processes.values()) {
                process.awaitReady(READY_LIMIT);
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * The gateway alone, ready, in front of whatever listens on the ports' service addresses: for tests of the
     * gateway's own behaviour towards a service, with a stand-in of the test's in the service's place.
     */
    public static ServiceProcess gateway(ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                         Map<String, String> gatewaySettings) {
        return launchGateway(infrastructure, ports, logDir, gatewaySettings).awaitReady(READY_LIMIT);
    }

    private static ServiceProcess launchGateway(ClinicInfrastructure infrastructure, Ports ports, Path logDir,
                                                Map<String, String> settings) {
        var gateway = new HashMap<String, String>();
        gateway.put("GATEWAY_PORT", Integer.toString(ports.gateway()));
        gateway.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(ports.gatewayManagement()));
        gateway.put("BOOKING_URL", "http://localhost:" + ports.booking());
        gateway.put("CONTENT_URL", "http://localhost:" + ports.content());
        gateway.put("FOLLOWUP_URL", "http://localhost:" + ports.followup());
        gateway.put("WEB_URL", "http://localhost:" + ports.web());
        gateway.put("KEYCLOAK_ISSUER_URI", infrastructure.keycloakIssuerUri());
        gateway.putAll(observability(infrastructure));
        gateway.putAll(settings);
        return launch("gateway", ports.gateway(), ports.gatewayManagement(), gateway, logDir);
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
        environment.putAll(observability(infrastructure));
        return environment;
    }

    /**
     * Every process sends its spans to the infrastructure's Zipkin, all of them (the local run is for looking), and
     * logs one JSON object per line with the trace id in it, as in production (ADR 22).
     */
    private static Map<String, String> observability(ClinicInfrastructure infrastructure) {
        return Map.of("TRACING_EXPORT_ENABLED", "true", "ZIPKIN_ENDPOINT", infrastructure.zipkinSpansEndpoint(),
                "TRACING_SAMPLING_PROBABILITY", "1.0", "LOG_FORMAT", "ecs");
    }

    private static ServiceProcess launch(String module, int port, int managementPort, Map<String, String> environment,
                                         Path logDir) {
        log.info("Starting {} on port {} (actuator on {})", module, port, managementPort);
        var options = new ArrayList<>(JVM_OPTIONS);
        // Each pause with its length, next to the service's log: the first place to look when a tail latency jumps.
        options.add("-Xlog:gc:file=\"" + logDir.resolve(module + "-gc.log").toAbsolutePath() + "\":uptime,time");
        return ServiceProcess.launch(module, ProjectLayout.serviceJar(module), environment, managementPort, logDir,
                options);
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Ports ports() {
        return ports;
    }

    public ServiceProcess process(String name) {
        return processes.get(name);
    }

    public List<ServiceProcess> processes() {
        return new ArrayList<>(processes.values());
    }

    /** Stops every process it started, gateway first; idempotent. */
    @Override
    public void close() {
        var running = new ArrayList<>(processes.values());
        java.util.Collections.reverse(running);
        running.parallelStream().forEach(ServiceProcess::close);
    }
}
