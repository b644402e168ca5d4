package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from a booking request to its confirmation's send (ADR 22): reception books through the gateway; the
 * answer's correlation id is the trace id; booking-service writes the event to its outbox and the relay sends it
 * later; followup-service consumes it, plans the confirmation, and its sender mails it later still. Zipkin, started by
 * the local stack, then holds all of it under that one id, and booking-service's JSON log line names it too.
 */
class BookingTraceIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration ZIPKIN_WAIT = Duration.ofSeconds(60);

    @Test
    void oneTraceRunsFromTheBookingRequestThroughKafkaToTheConfirmationsSend() throws Exception {
        var infrastructure = ClinicInfrastructure.shared();
        ClinicSystem system = RunningSystem.shared();
        var gateway = system.gatewayUrl();
        var reception = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
        // A patient of this test's own, so that the one confirmation awaited is this booking's.
        var marker = UUID.randomUUID().toString().substring(0, 8);
        var email = "trace" + marker + "@example.test";
        var registered = ApiCall.post(gateway + "/api/booking/patients", reception, """
                {"givenName":"Tracy","familyName":"Span%s","dateOfBirth":"1960-06-01","email":"%s",
                 "emailConsent":true,"smsConsent":false}""".formatted(marker, email));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var patientId = json.readTree(registered.body()).get("id").asString();
        var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + Instant.now().plus(Duration.ofDays(6)),
                reception);
        var startsAt = json.readTree(slots.body()).get(0).get("startsAt").asString();

        var booked = ApiCall.post(gateway + "/api/booking/appointments", reception, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                """.formatted(patientId, DemoUsers.SURGEON_CLINICIAN_ID, startsAt));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var appointmentId = json.readTree(booked.body()).get("id").asString();
        var traceId = booked.header("X-Correlation-Id");
        assertThat(traceId).as("the correlation id is a W3C trace id").matches("[0-9a-f]{32}");

        infrastructure.mailbox().await(email, 1, Duration.ofSeconds(60));

        var spans = awaitTrace(infrastructure.zipkinUrl(), traceId, trace ->
                services(trace).containsAll(Set.of("gateway", "booking-service", "followup-service"))
                        && trace.stream().anyMatch(span -> "notification send".equals(span.path("name").asString())));
        assertThat(services(spans)).contains("gateway", "booking-service", "followup-service");
        assertThat(spans).as("the booking request as booking-service served it").anySatisfy(span -> {
            assertThat(service(span)).isEqualTo("booking-service");
            assertThat(span.path("kind").asString()).isEqualTo("SERVER");
            assertThat(span.path("name").asString()).contains("/api/booking/appointments");
        });
        assertThat(spans).as("the outbox relay's send to Kafka").anySatisfy(span -> {
            assertThat(service(span)).isEqualTo("booking-service");
            assertThat(span.path("kind").asString()).isEqualTo("PRODUCER");
        });
        assertThat(spans).as("followup-service's consumption of the booked event").anySatisfy(span -> {
            assertThat(service(span)).isEqualTo("followup-service");
            assertThat(span.path("kind").asString()).isEqualTo("CONSUMER");
            assertThat(span.path("name").asString()).contains("clinic.booking.appointment");
        });
        assertThat(spans).as("the confirmation's send, in the same trace").anySatisfy(span -> {
            assertThat(service(span)).isEqualTo("followup-service");
            assertThat(span.path("name").asString()).isEqualTo("notification send");
            assertThat(span.path("tags").path("purpose").asString()).isEqualTo("CONFIRMATION");
        });
        // Nothing about the patient travels with the spans.
        assertThat(spans.toString()).doesNotContain(email, "Span" + marker, "Tracy");

        var logLine = Files.readAllLines(system.process("booking-service").logFile()).stream()
                .filter(line -> line.contains(appointmentId) && line.contains("booked")).findFirst().orElseThrow();
        var entry = json.readTree(logLine);
        assertThat(entry.path("traceId").asString()).isEqualTo(traceId);
        assertThat(entry.path("message").asString()).contains(appointmentId);
    }

    private static List<JsonNode> awaitTrace(String zipkin, String traceId,
                                             java.util.function.Predicate<List<JsonNode>> complete) throws Exception {
        long deadline = System.nanoTime() + ZIPKIN_WAIT.toNanos();
        List<JsonNode> spans = List.of();
        while (System.nanoTime() < deadline) {
            var answer = ApiCall.get(zipkin + "/api/v2/trace/" + traceId, null);
            if (answer.status() == 200) {
                spans = json.readTree(answer.body()).valueStream().toList();
                if (complete.test(spans)) {
                    return spans;
                }
            }
            // Each service sends its spans in batches every few seconds.
            Thread.sleep(1000);
        }
        throw new AssertionError("Trace " + traceId + " not complete in Zipkin within " + ZIPKIN_WAIT + "; it holds "
                + spans.stream().map(span -> service(span) + ":" + span.path("kind").asString() + ":"
                + span.path("name").asString()).toList());
    }

    private static Set<String> services(List<JsonNode> spans) {
        return spans.stream().map(BookingTraceIT::service).collect(Collectors.toSet());
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asString();
    }
}
