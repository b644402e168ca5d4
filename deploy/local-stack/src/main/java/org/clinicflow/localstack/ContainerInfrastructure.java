package org.clinicflow.localstack;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The same infrastructure from Docker images, for machines that have a Docker engine
 * ({@code -Dclinicflow.infrastructure=containers}). CI has no Docker and uses the embedded path.
 */
final class ContainerInfrastructure {

    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.4";
    private static final String REDIS_IMAGE = "redis:7-alpine";

    private ContainerInfrastructure() {
    }

    static ClinicInfrastructure start() {
        var resources = new ArrayList<AutoCloseable>();
        var postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        postgres.start();
        resources.add(postgres::stop);
        Consumer<String> createDatabase = database -> {
            exec(postgres, "create role \"" + database + "\" login password '" + database + "'");
            exec(postgres, "create database \"" + database + "\" owner \"" + database + "\"");
            exec(postgres, "revoke connect on database \"" + database + "\" from public");
        };
        ClinicInfrastructure.SERVICE_DATABASES.forEach(createDatabase);

        var kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        resources.add(kafka::stop);

        var keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
                .withExposedPorts(8080)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyFileToContainer(MountableFile.forHostPath(ProjectLayout.realmFile()),
                        "/opt/keycloak/data/import/clinic-realm.json")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/clinic/.well-known/openid-configuration")
                        .withStartupTimeout(Duration.ofMinutes(3)));
        keycloak.start();
        resources.add(keycloak::stop);

        // Pausing keeps the broker's data and its mapped port, which a stop and start would not.
        Broker broker = new Broker() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            @Override
            public void stop() {
                kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void restart() {
                kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
            }
        };
        var redis = new GenericContainer<>(REDIS_IMAGE)
                .withExposedPorts(6379)
                .withCommand("redis-server", "--save", "", "--appendonly", "no")
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
        redis.start();
        resources.add(redis::stop);

        // The services run on this host and reach the mail server; Keycloak in its container does not, so its realm
        // keeps no SMTP settings in this mode and invitations are not sent.
        var mailbox = Mailbox.start(0, 0);
        resources.add(mailbox);
        var zipkin = ClinicInfrastructure.startZipkin(0, tempDir(), resources).awaitReady();
        return new ClinicInfrastructure(postgres.getHost() + ":" + postgres.getMappedPort(5432), createDatabase, broker,
                "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080), mailbox, redis.getHost(),
                redis.getMappedPort(6379), zipkin, resources);
    }

    private static void exec(PostgreSQLContainer postgres, String sql) {
        try {
            var result = postgres.execInContainer("psql", "-U", postgres.getUsername(), "-d", postgres.getDatabaseName(),
                    "-c", sql);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("psql failed: " + result.getStderr());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("clinicflow-zipkin-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
