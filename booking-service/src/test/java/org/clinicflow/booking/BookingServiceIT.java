package org.clinicflow.booking;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of booking-service's integration tests: the service on a random port, against the real PostgreSQL, Kafka and
 * Keycloak from {@link ClinicInfrastructure}, with the demo clinicians and patients loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinicflow.booking.hold-duration=PT3S",
                // Tests run the access clock themselves, at the moments they choose.
                "clinicflow.booking.access-clock.initial-delay=PT24H",
                // Only the tests of patients' sign-ins run the account worker (in a context of their own).
                "clinicflow.booking.accounts.worker-delay=PT24H",
                // Gauges read the database once a second, so that a test sees them move without waiting 15 s.
                "clinicflow.metrics.reading-max-age=1s"})
@ActiveProfiles("demo")
@Import(MovableClock.Configuration.class)
public abstract class BookingServiceIT {

    protected static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();
    protected static final JsonMapper json = JsonMapper.builder().build();
    /** Where the next {@link #nextSlot()} starts looking, so that every call gets a slot of its own. */
    private static Instant slotCursor = Instant.now().plus(Duration.ofDays(2));
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** The service's clock; a test that moves it (to an appointment's day, say) is put back after it. */
    @Autowired
    protected MovableClock wallClock;

    @AfterEach
    void putTheClockBack() {
        wallClock.reset();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.springProperties("booking").forEach((key, value) -> registry.add(key, () -> value));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Tokens live five minutes; one per user is plenty for a test run and spares Keycloak. */
    protected static String tokenFor(String user) {
        return tokens.computeIfAbsent(user, u -> DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), u));
    }

    /**
     * A free consultation slot with Mr Reid, as reception finds one (through the availability API), distinct for every
     * call, so that tests never collide with each other.
     */
    protected OffsetDateTime nextSlot() {
        var slot = firstFreeSlot(url(""), "FREE_CONSULTATION", DemoUsers.SURGEON_CLINICIAN_ID, slotCursor);
        slotCursor = slot.toInstant().plus(Duration.ofMinutes(15));
        return slot;
    }

    /** The earliest free slot of a type with a clinician at or after {@code from}, from the service at baseUrl. */
    public static OffsetDateTime firstFreeSlot(String baseUrl, String type, UUID clinicianId, Instant from) {
        var response = ApiCall.get(baseUrl + "/api/booking/availability?appointmentType=" + type + "&clinicianId="
                + clinicianId + "&limit=1&from=" + from, tokenFor(DemoUsers.RECEPTIONIST));
        if (response.status() != 200) {
            throw new IllegalStateException("Availability answered " + response.status() + ": " + response.body());
        }
        return OffsetDateTime.parse(json.readTree(response.body()).get(0).get("startsAt").asString());
    }

    protected static String bookingJson(UUID patientId, UUID clinicianId, String type, OffsetDateTime startsAt) {
        return """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"%s","startsAt":"%s"}
                """.formatted(patientId, clinicianId, type, startsAt);
    }

    protected ApiCall.Response book(UUID patientId, OffsetDateTime startsAt) {
        return ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(patientId, DemoUsers.SURGEON_CLINICIAN_ID, "FREE_CONSULTATION", startsAt));
    }

    protected static JsonNode body(ApiCall.Response response) {
        return json.readTree(response.body());
    }

    /** Reads the topic from its start until a record with this key turns up, or the wait runs out. */
    public static Optional<ConsumerRecord<String, String>> awaitRecord(String topic, String key, Duration wait) {
        return infrastructure.firstRecord(topic, key, wait);
    }
}
