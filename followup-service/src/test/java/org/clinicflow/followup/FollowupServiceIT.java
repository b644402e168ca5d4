package org.clinicflow.followup;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Base of followup-service's integration tests: the service on a random port against the real PostgreSQL, Kafka and
 * Keycloak; events arrive the way booking-service sends them, as records on its topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FollowupServiceIT {

    protected static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();
    protected static final JsonMapper json = JsonMapper.builder().build();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.springProperties("followup").forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected static String tokenFor(String user) {
        return tokens.computeIfAbsent(user, u -> DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), u));
    }

    protected static void publish(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test event", e);
        }
    }

    protected static void await(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
