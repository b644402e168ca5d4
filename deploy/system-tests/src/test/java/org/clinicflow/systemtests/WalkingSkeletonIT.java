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

    /**
     * The follow-up pathway across the three services: a surgeon records a kyphoplasty in booking-service;
     * followup-service starts the pathway, sends the recovery advice quoting content-service's published version, and
     * requests the six-week review; reception finds the request on booking-service's to-book list and books it; the
     * booked event closes the request in followup-service, which the patient sees.
     */
    /**
     * A patient is checked in only on the day of their appointment, and these services run on the real clock, so the
     * operation booked for next week is brought forward to today, a few minutes ago, in booking's own database (its
     * events and history are not the point here: the follow-up after the procedure is).
     */
    private static void theOperationDayArrives(String appointmentId) throws java.sql.SQLException {
        try (var db = java.sql.DriverManager.getConnection(infrastructure.jdbcUrl("booking"), "booking", "booking");
             var move = db.prepareStatement("""
                     update appointment
                     set starts_at = greatest(date_trunc('day', now() at time zone 'Europe/London')
                                                  at time zone 'Europe/London', now() - interval '5 minutes'),
                         ends_at = greatest(date_trunc('day', now() at time zone 'Europe/London')
                                                at time zone 'Europe/London', now() - interval '5 minutes')
                                   + interval '60 minutes'
                     where id = ?""")) {
            move.setObject(1, java.util.UUID.fromString(appointmentId));
            assertThat(move.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aProcedureRecordedByTheSurgeonStartsTheFollowUpAndItsReviewIsBookedByReception() throws Exception {
        var gateway = system.gatewayUrl();
        var issuer = infrastructure.keycloakIssuerUri();
        var receptionist = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        var patient = DemoUsers.accessToken(issuer, DemoUsers.OTHER_PATIENT);
        var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=PROCEDURE&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + Instant.now().plus(Duration.ofHours(1)),
                receptionist);
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        var booked = ApiCall.post(gateway + "/api/booking/appointments", receptionist, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"PROCEDURE","startsAt":"%s"}
                """.formatted(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID,
                json.readTree(slots.body()).get(0).get("startsAt").asString()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var appointment = json.readTree(booked.body());
        var appointmentId = appointment.get("id").asString();
        theOperationDayArrives(appointmentId);
        var checkIn = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway + "/api/booking/appointments/" + appointmentId + "/check-in"))
                .header("Authorization", "Bearer " + receptionist)
                .header("If-Match", "\"" + appointment.get("version").asLong() + "\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(checkIn.statusCode()).as(checkIn.body()).isEqualTo(200);
        var recorded = ApiCall.post(gateway + "/api/booking/appointments/" + appointmentId + "/procedure",
                DemoUsers.accessToken(issuer, DemoUsers.SURGEON), """
                {"treatment":"BALLOON_KYPHOPLASTY","vertebralLevels":["L1"],"performedOn":"%s"}
                """.formatted(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        var followUp = awaitJson(() -> ApiCall.get(gateway + "/api/followup/follow-ups/mine", patient),
                list -> list.valueStream().anyMatch(p -> p.get("messages").valueStream().anyMatch(m ->
                        m.get("stepCode").asString().equals("RECOVERY_ADVICE")
                                && m.get("status").asString().equals("SENT"))));
        assertThat(followUp.get(0).get("treatment").asString()).isEqualTo("BALLOON_KYPHOPLASTY");
        var advice = awaitJson(() -> ApiCall.get(gateway + "/api/followup/notifications/mine", patient),
                list -> list.valueStream().anyMatch(n -> "balloon-kyphoplasty".equals(n.path("contentSlug")
                        .asString(null)) && n.get("status").asString().equals("SENT")));
        assertThat(advice.valueStream().filter(n -> "balloon-kyphoplasty".equals(n.path("contentSlug")
                .asString(null))).findFirst().orElseThrow().get("contentVersion").asInt()).isPositive();

        var toBook = awaitJson(() -> ApiCall.get(gateway + "/api/booking/review-requests?size=100", receptionist),
                page -> page.get("items").valueStream().anyMatch(item -> item.get("patientId").asString()
                        .equals(DemoUsers.OTHER_PATIENT_ID.toString())));
        var request = toBook.get("items").valueStream().filter(item -> item.get("patientId").asString()
                .equals(DemoUsers.OTHER_PATIENT_ID.toString())).findFirst().orElseThrow();
        var review = ApiCall.post(gateway + "/api/booking/appointments", receptionist, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"POST_PROCEDURE_REVIEW","startsAt":"%s",
                 "reviewRequestId":"%s"}""".formatted(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID,
                request.get("earliestFittingSlots").get(0).get("startsAt").asString(), request.get("id").asString()));
        assertThat(review.status()).as(review.body()).isEqualTo(201);

        awaitJson(() -> ApiCall.get(gateway + "/api/followup/follow-ups/mine", patient),
                list -> list.valueStream().anyMatch(p -> p.get("review") != null && !p.get("review").isNull()
                        && p.get("review").get("status").asString().equals("BOOKED")));
        assertThat(ApiCall.get(gateway + "/api/followup/worklist", receptionist).status()).isEqualTo(200);
        assertThat(ApiCall.get(gateway + "/api/followup/worklist", patient).status()).isEqualTo(403);
    }

    private static JsonNode awaitJson(java.util.function.Supplier<ApiCall.Response> call,
                                      java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var response = call.get();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var body = json.readTree(response.body());
            if (done.test(body)) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within 60 s; last answer: " + response.body());
            }
            Thread.sleep(250);
        }
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
