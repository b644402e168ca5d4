package org.clinicflow.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * PostgreSQL (one database and role per service), Kafka, Keycloak, Redis (the gateways' shared sessions and rate
 * limits), an SMTP server ({@link Mailbox}) and Zipkin ({@link ZipkinServer}, where the services' traces go), started
 * together. The local run and the
 * integration tests both come through here, so they run against the same real parts started the same way.
 * <p>
 * By default everything starts from Maven Central artifacts in this JVM or as child processes. With
 * {@code -Dclinicflow.infrastructure=containers} it comes from Testcontainers instead, on machines with Docker.
 */
public final class ClinicInfrastructure implements AutoCloseable {

    public static final List<String> SERVICE_DATABASES = List.of("booking", "content", "followup");

    private static final Logger log = LoggerFactory.getLogger(ClinicInfrastructure.class);
    private static ClinicInfrastructure shared;

    private final String postgresHostPort;
    private final Broker broker;
    private final String keycloakUrl;
    private final Mailbox mailbox;
    private final String redisHost;
    private final int redisPort;
    private final ZipkinServer zipkin;
    private final List<AutoCloseable> resources;
    private final Consumer<String> databaseCreator;

    ClinicInfrastructure(String postgresHostPort, Consumer<String> databaseCreator, Broker broker, String keycloakUrl,
                         Mailbox mailbox, String redisHost, int redisPort, ZipkinServer zipkin,
                         List<AutoCloseable> resources) {
        this.postgresHostPort = postgresHostPort;
        this.databaseCreator = databaseCreator;
        this.broker = broker;
        this.keycloakUrl = keycloakUrl;
        this.mailbox = mailbox;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.zipkin = zipkin;
        this.resources = resources;
    }

    /** Fixed ports, so that people can find things: what the local run uses. 0 means a free one. */
    public record Ports(int postgres, int kafka, int keycloak, int smtp, int imap, int redis, int zipkin) {
        public static final Ports LOCAL_RUN = new Ports(15432, 19092, 18080, 11025, 11143, 16379, 19411);
        public static final Ports ANY_FREE = new Ports(0, 0, 0, 0, 0, 0, 0);

        /** The mail server, Redis and Zipkin on free ports. */
        public Ports(int postgres, int kafka, int keycloak) {
            this(postgres, kafka, keycloak, 0, 0, 0, 0);
        }
    }

    /**
     * The infrastructure shared by all integration tests in this JVM: started on first use, stopped when the JVM
     * exits.
     */
    public static synchronized ClinicInfrastructure shared() {
        if (shared == null) {
            var mode = System.getProperty("clinicflow.infrastructure", "embedded");
            shared = "containers".equals(mode) ? ContainerInfrastructure.start() : start(Ports.ANY_FREE, tempDir());
            var started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "clinic-infrastructure-stop"));
        }
        return shared;
    }

    public static ClinicInfrastructure start(Ports ports, Path workDir) {
        return start(ports, workDir, 1);
    }

    /**
     * @param kafkaNodes 1 for a single broker (what the integration tests use: quicker to start); 3 or more for a
     *                   replicated cluster ({@link KafkaCluster}) that loses nothing when one broker goes
     */
    public static ClinicInfrastructure start(Ports ports, Path workDir, int kafkaNodes) {
        var resources = new ArrayList<AutoCloseable>();
        try {
            // Launched first and awaited last: its start-up (a few seconds) overlaps the others'.
            var zipkin = startZipkin(ports.zipkin(), workDir, resources);
            var postgres = startPostgres(ports.postgres(), workDir, resources);
            var kafka = startKafka(ports.kafka(), workDir, kafkaNodes, resources);

            long keycloakStarted = System.nanoTime();
            log.info("Starting Keycloak ...");
            var keycloak = KeycloakServer.start(ports.keycloak(), workDir.resolve("keycloak"));
            resources.add(keycloak);
            log.info("Keycloak ready on {} ({} ms)", keycloak.url(), millisSince(keycloakStarted));

            var mailbox = Mailbox.start(ports.smtp(), ports.imap());
            resources.add(mailbox);
            // The port is only known now, so the realm learns its mail server here rather than from the realm file.
            KeycloakAdmin.useSmtp(keycloak.url(), mailbox.smtpHost(), mailbox.smtpPort());
            log.info("SMTP ready on port {} (IMAP {}); Keycloak sends its mail there", mailbox.smtpPort(),
                    mailbox.imapPort());

            var redis = RedisServer.start(ports.redis());
            resources.add(redis);
            log.info("Redis ready on port {}", redis.port());

            zipkin.awaitReady();
            log.info("Zipkin ready at {}", zipkin.url());
            return new ClinicInfrastructure("localhost:" + postgres.port(), name -> postgres.createDatabase(name, name),
                    kafka, keycloak.url(), mailbox, redis.host(), redis.port(), zipkin, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * A PostgreSQL and a Kafka of its own ({@code kafkaNodes} brokers), beside {@code other}'s Keycloak, mail server,
     * Redis and Zipkin: for a test whose system must keep its data and events apart from the shared system's, without
     * the minute a Keycloak of its own takes to start. Closing it stops only what it started.
     */
    public static ClinicInfrastructure startBeside(ClinicInfrastructure other, Path workDir, int kafkaNodes) {
        var resources = new ArrayList<AutoCloseable>();
        try {
            var postgres = startPostgres(0, workDir, resources);
            var kafka = startKafka(0, workDir, kafkaNodes, resources);
            return new ClinicInfrastructure("localhost:" + postgres.port(), name -> postgres.createDatabase(name, name),
                    kafka, other.keycloakUrl, other.mailbox, other.redisHost, other.redisPort, other.zipkin,
                    resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static PostgresServer startPostgres(int port, Path workDir, List<AutoCloseable> resources) {
        long started = System.nanoTime();
        log.info("Starting PostgreSQL ...");
        var postgres = PostgresServer.start(port, workDir.resolve("postgres"));
        resources.add(postgres);
        SERVICE_DATABASES.forEach(name -> postgres.createDatabase(name, name));
        log.info("PostgreSQL ready on port {} ({} ms)", postgres.port(), millisSince(started));
        return postgres;
    }

    private static Broker startKafka(int port, Path workDir, int nodes, List<AutoCloseable> resources) {
        long started = System.nanoTime();
        log.info("Starting Kafka (KRaft, {} node(s)) ...", nodes);
        Broker kafka;
        if (nodes > 1) {
            var cluster = KafkaCluster.start(nodes, port, workDir.resolve("kafka"));
            resources.add(cluster);
            kafka = cluster;
        } else {
            var broker = KafkaBroker.start(port, workDir.resolve("kafka"));
            resources.add(broker);
            kafka = new EmbeddedBroker(broker);
        }
        log.info("Kafka ready on {} ({} ms)", kafka.bootstrapServers(), millisSince(started));
        return kafka;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHostPort + "/" + database;
    }

    /**
     * Creates one more database, owned by a role of the same name, for a test that needs a service instance whose data
     * no other instance in the JVM touches.
     */
    public void createDatabase(String name) {
        databaseCreator.accept(name);
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Zipkin's UI and API, where every service's traces can be read. */
    public String zipkinUrl() {
        return zipkin.url();
    }

    /** Where the services send their spans. */
    public String zipkinSpansEndpoint() {
        return zipkin.spansEndpoint();
    }

    /** Zipkin from Maven Central as a child process, in either mode: it needs no Docker. */
    static ZipkinServer startZipkin(int port, Path workDir, List<AutoCloseable> resources) {
        var zipkin = ZipkinServer.launch(port, workDir.resolve("zipkin"));
        resources.add(zipkin);
        return zipkin;
    }

    public Broker broker() {
        return broker;
    }

    /**
     * Reads the topic from its start (committed records only, as a service's consumer would) until a record with this
     * key turns up, or the wait runs out.
     */
    public Optional<ConsumerRecord<String, String>> firstRecord(String topic, String key, Duration wait) {
        var found = read(topic, key, wait, true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Reads the topic from its start for the whole wait and returns every committed record with this key. */
    public List<ConsumerRecord<String, String>> records(String topic, String key, Duration wait) {
        return read(topic, key, wait, false);
    }

    private List<ConsumerRecord<String, String>> read(String topic, String key, Duration wait, boolean firstOnly) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var found = new ArrayList<ConsumerRecord<String, String>>();
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                        if (firstOnly) {
                            return found;
                        }
                    }
                }
            }
            return found;
        }
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String keycloakIssuerUri() {
        return keycloakUrl + "/realms/clinic";
    }

    /** Where the gateways keep their shared sessions and rate limits. */
    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    /** The SMTP server the system's mail goes to, and what it received. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /**
     * The Spring Boot properties that point a service at this infrastructure. Each service's database user and
     * password are the database's name (local and test use only).
     */
    public Map<String, String> springProperties(String database) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("spring.datasource.url", jdbcUrl(database));
        properties.put("spring.datasource.username", database);
        properties.put("spring.datasource.password", database);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloakIssuerUri());
        return properties;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        resources.clear();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("clinicflow-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record EmbeddedBroker(KafkaBroker kafka) implements Broker {
        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public void stop() {
            kafka.stop();
        }

        @Override
        public void restart() {
            kafka.restart();
        }
    }
}
