package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingApplication;
import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicflow.booking.BookingServiceIT.awaitRecord;

/**
 * A booking made while Kafka is down, in a service that is then stopped before Kafka returns: the event must leave
 * when the service comes back. The instances here use a database of their own, so no other test's service instance
 * (kept alive by Spring's test context cache) can relay the event in their place.
 */
class OutboxSurvivesRestartIT {

    private static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();

    @Test
    void anEventLeftUnsentByAStoppedServiceIsSentWhenItStartsAgain() {
        var database = "booking_restart";
        infrastructure.createDatabase(database);
        String appointmentId;
        infrastructure.broker().stop();
        try (var first = start(database)) {
            var startsAt = BookingServiceIT.firstFreeSlot(url(first, ""), "FULL_CONSULTATION",
                    DemoUsers.SURGEON_CLINICIAN_ID, Instant.now().plus(Duration.ofDays(20)));
            var token = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
            var response = ApiCall.post(url(first, "/api/booking/appointments"), token, """
                    {"patientId":"%s","clinicianId":"%s","appointmentType":"FULL_CONSULTATION","startsAt":"%s"}
                    """.formatted(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, startsAt));
            assertThat(response.status()).isEqualTo(201);
            appointmentId = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(UUID.fromString(appointmentId)).isNotNull();
        } finally {
            infrastructure.broker().restart();
        }
        assertThat(unsent(database, appointmentId)).isTrue();

        try (var second = start(database)) {
            var record = awaitRecord("clinic.booking.appointment", appointmentId, Duration.ofSeconds(60));
            assertThat(record).isPresent();
            assertThat(unsent(database, appointmentId)).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        var properties = new HashMap<>(infrastructure.springProperties(database));
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        // As command-line arguments, which outrank application.yml (default properties would not).
        var arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BookingApplication.class).profiles("demo").run(arguments);
    }

    private static String url(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port + path;
    }

    private static boolean unsent(String database, String appointmentId) {
        var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                infrastructure.jdbcUrl(database), database, database));
        return jdbc.sql("select sent_at is null from outbox_event where record_key = :id")
                .param("id", appointmentId).query(Boolean.class).single();
    }
}
