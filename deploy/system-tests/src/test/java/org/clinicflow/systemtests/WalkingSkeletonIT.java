package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, end to end and for real: a receptionist books through the gateway with a token from Keycloak;
 * booking-service stores it and emits the booked event through its outbox; followup-service consumes it and plans
 * reminders; the patient sees them through the gateway with their own token, and another patient does not.
 */
class WalkingSkeletonIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static ClinicInfrastructure infrastructure;
    private static ClinicSystem system;

    @BeforeAll
    static void startTheWholeSystem() {
        infrastructure = ClinicInfrastructure.shared();
        system = RunningSystem.shared();
    }

    @Test
    void aBookingMadeThroughTheGatewayRemindsOnlyItsOwnPatient() {
        var gateway = system.gatewayUrl();
        var issuer = infrastructure.keycloakIssuerUri();
        var receptionist = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        // Reception finds Mr Reid's earliest free consultation at least a few days out (reminders two days ahead).
        var from = Instant.now().plus(Duration.ofDays(4));
        var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + from, receptionist);
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        var startsAt = OffsetDateTime.parse(json.readTree(slots.body()).get(0).get("startsAt").asString());

        var booked = ApiCall.post(gateway + "/api/booking/appointments", receptionist, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                """.formatted(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, startsAt));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var appointmentId = json.readTree(booked.body()).get("id").asString();

        var patient = DemoUsers.accessToken(issuer, DemoUsers.PATIENT);
        var reminders = awaitReminders(gateway, patient, appointmentId, Duration.ofSeconds(60));
        assertThat(reminders).extracting(r -> r.get("kind").asString())
                .containsExactlyInAnyOrder("TWO_DAYS_BEFORE", "TWO_HOURS_BEFORE");
        assertThat(reminders).allSatisfy(r -> assertThat(
                OffsetDateTime.parse(r.get("appointmentStartsAt").asString()).toInstant())
                .isEqualTo(startsAt.toInstant()));

        var appointment = ApiCall.get(gateway + "/api/booking/appointments/" + appointmentId, patient);
        assertThat(appointment.status()).isEqualTo(200);

        var otherPatient = DemoUsers.accessToken(issuer, DemoUsers.OTHER_PATIENT);
        var theirReminders = ApiCall.get(gateway + "/api/followup/reminders/mine", otherPatient);
        assertThat(theirReminders.status()).isEqualTo(200);
        assertThat(theirReminders.body()).doesNotContain(appointmentId);
        assertThat(ApiCall.get(gateway + "/api/booking/appointments/" + appointmentId, otherPatient).status())
                .isEqualTo(404);
    }

    @Test
    void theGatewayRefusesCallersWithoutATokenAndExposesNoActuator() {
        var gateway = system.gatewayUrl();
        assertThat(ApiCall.get(gateway + "/api/followup/reminders/mine", null).status()).isEqualTo(401);
        assertThat(ApiCall.post(gateway + "/api/booking/appointments", null, "{}").status()).isEqualTo(401);
        for (var path : List.of("/actuator", "/actuator/health", "/actuator/env", "/api/booking/actuator/health",
                "/api/followup/actuator/env", "/api/content/actuator/health", "/actuator/gateway/routes")) {
            assertThat(ApiCall.get(gateway + path, null).status()).as(path).isIn(401, 404);
        }
        // Published treatment information is public, through the gateway too.
        var treatments = ApiCall.get(gateway + "/api/content/treatments", null);
        assertThat(treatments.status()).isEqualTo(200);
        assertThat(treatments.body()).contains("balloon-kyphoplasty");
    }

    private static List<JsonNode> awaitReminders(String gateway, String token, String appointmentId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            var response = ApiCall.get(gateway + "/api/followup/reminders/mine", token);
            assertThat(response.status()).isEqualTo(200);
            var matching = json.readTree(response.body()).valueStream()
                    .filter(r -> r.get("appointmentId").asString().equals(appointmentId)).toList();
            if (matching.size() >= 2 || System.nanoTime() > deadline) {
                return matching;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
