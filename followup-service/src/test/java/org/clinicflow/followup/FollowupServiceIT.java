package org.clinicflow.followup;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.followup.support.ContentServiceStandIn;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.NotifyStandIn;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of followup-service's integration tests: the service on a random port against the real PostgreSQL, Kafka and
 * Keycloak, a real SMTP server (GreenMail), and stand-ins for the SMS provider and content-service that can be told to
 * fail. Events arrive the way the producers send them, as records on their topics. Durations are short so the
 * dispatcher's retries, breakers and leases play out in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(TestClockConfiguration.class)
public abstract class FollowupServiceIT {

    protected static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();
    protected static final JsonMapper json = JsonMapper.builder().build();
    protected static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    protected static final GreenMail smtp = startSmtp();
    protected static final NotifyStandIn sms = new NotifyStandIn();
    protected static final ContentServiceStandIn content = startContent();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Everything an instance of the service needs in these tests; a second instance is started with the same. */
    protected static Map<String, String> serviceProperties() {
        var properties = new LinkedHashMap<>(infrastructure.springProperties("followup"));
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        properties.put("clinicflow.followup.sms.base-url", sms.baseUrl());
        properties.put("clinicflow.followup.sms.api-key", NotifyStandIn.API_KEY);
        properties.put("clinicflow.followup.sms.template-id", NotifyStandIn.TEMPLATE_ID);
        properties.put("clinicflow.followup.sms.receipt-poll", "300ms");
        properties.put("clinicflow.followup.sms.received-poll", "300ms");
        properties.put("clinicflow.followup.content.base-url", content.baseUrl());
        properties.put("clinicflow.followup.content.max-age", "1s");
        properties.put("clinicflow.followup.content.open-wait", "2s");
        properties.put("clinicflow.followup.dispatch.poll-interval", "200ms");
        properties.put("clinicflow.followup.dispatch.batch-size", "5");
        properties.put("clinicflow.followup.dispatch.lease", "20s");
        properties.put("clinicflow.followup.dispatch.max-attempts", "5");
        properties.put("clinicflow.followup.dispatch.first-backoff", "300ms");
        properties.put("clinicflow.followup.dispatch.max-backoff", "1s");
        properties.put("clinicflow.followup.dispatch.breaker-open-wait", "2s");
        properties.put("clinicflow.followup.dispatch.send-timeout", "3s");
        properties.put("clinicflow.metrics.reading-max-age", "1s");
        return properties;
    }

    private static ContentServiceStandIn startContent() {
        var standIn = new ContentServiceStandIn();
        standIn.publish("balloon-kyphoplasty", 1, "1".repeat(64), "Rest today; walk a little from tomorrow.");
        standIn.publish("vertebroplasty", 1, "2".repeat(64), "Rest today; walk a little from tomorrow.");
        return standIn;
    }

    private static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(FreePorts.pick(), "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterEach
    void resetStandIns() {
        TestClockConfiguration.CLOCK.reset();
        sms.recover();
        sms.slowDown(Duration.ZERO);
        content.down(false);
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

    /** A patient of this test only, registered through booking-service's event; null email or mobile means none. */
    protected record TestPatient(UUID id, String email, String mobile) {
    }

    protected TestPatient registerPatient(boolean withEmail, boolean emailConsent, boolean withMobile,
                                          boolean smsConsent) {
        var id = UUID.randomUUID();
        var email = withEmail ? "p-" + id + "@example.test" : null;
        var mobile = withMobile ? "+447700" + ThreadLocalRandom.current().nextInt(100_000, 999_999) : null;
        publish("clinic.booking.patient", id.toString(),
                Events.patientRegistered(id, email, mobile, emailConsent, smsConsent));
        await(Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from patient_contact where patient_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        return new TestPatient(id, email, mobile);
    }

    /** Moves the service's clock to a daytime moment, so SMS is not held for quiet hours whenever the tests run. */
    protected static void daytime() {
        var now = Instant.now().atZone(CLINIC_ZONE);
        if (now.getHour() < 9 || now.getHour() >= 20) {
            TestClockConfiguration.CLOCK.setNow(LocalDate.now(CLINIC_ZONE).atTime(LocalTime.NOON)
                    .atZone(CLINIC_ZONE).toInstant());
        }
    }

    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The one email to {@code to} with this subject. */
    protected static MimeMessage mailWithSubject(String to, String subject) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var mail : mailsTo(to)) {
            if (subject.equals(mail.getSubject())) {
                found.add(mail);
            }
        }
        assertThat(found).as("emails to the patient titled " + subject).hasSize(1);
        return found.getFirst();
    }

    /** The email's plain text, as the patient reads it. */
    protected static String text(MimeMessage mail) throws Exception {
        for (var part : parts(mail)) {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("The email has no text");
    }

    protected static List<Part> parts(Part part) throws Exception {
        var found = new ArrayList<Part>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(parts(multipart.getBodyPart(i)));
            }
        } else {
            found.add(part);
        }
        return found;
    }

    /** A time as messages tell patients it, e.g. "Tuesday 15 December 2026 at 10:30" (clinic time). */
    protected static String clinicTime(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
                .format(time.atZoneSameInstant(CLINIC_ZONE));
    }

    /** Reads {@code topic} from the start until a record with {@code key} arrives; returns its value. */
    protected static String consumeRecord(String topic, String key, Duration limit) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("No record with key " + key + " on " + topic + " within " + limit);
    }

    protected String statusOf(UUID notificationId) {
        return jdbc.sql("select status from notification where id = :id").param("id", notificationId)
                .query(String.class).single();
    }
}
