package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appointments a screen test starts from, booked through the gateway's API as reception would: the screens under
 * test are the ones after the booking, so the booking itself need not go through a browser every time.
 */
final class Bookings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bookings() {
    }

    record Booked(String id, OffsetDateTime startsAt, long version) {
    }

    /**
     * The clinician's earliest free time of that type at least {@code ahead} from now that the patient can take,
     * booked for them. As at the desk, a time the patient is already booked at elsewhere (another test's booking of
     * the same demo patient), or one another test has just taken, is passed over for the next.
     */
    static Booked book(String gateway, String token, UUID patient, UUID clinician, String type, Duration ahead) {
        var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=" + type + "&clinicianId="
                + clinician + "&limit=20&from=" + Instant.now().plus(ahead), token);
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        ApiCall.Response refused = null;
        for (var slot : JSON.readTree(slots.body())) {
            var booked = ApiCall.post(gateway + "/api/booking/appointments", token, """
                    {"patientId":"%s","clinicianId":"%s","appointmentType":"%s","startsAt":"%s"}
                    """.formatted(patient, clinician, type, slot.get("startsAt").asString()));
            if (booked.status() == 409) {
                refused = booked;
                continue;
            }
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(booked.body());
            return new Booked(body.get("id").asString(), OffsetDateTime.parse(body.get("startsAt").asString()),
                    body.get("version").asLong());
        }
        throw new AssertionError("None of the clinician's next 20 times could be booked for the patient"
                + (refused == null ? "" : ": " + refused.body()));
    }

    /**
     * A theatre appointment for a balloon kyphoplasty at {@code levels}, planned, brought to today and checked in:
     * ready for its surgeon to record the procedure.
     *
     * @param levels the vertebral levels as a JSON array, e.g. {@code ["T12","L1"]}
     */
    static Booked checkedInForKyphoplasty(String gateway, String token, UUID patient, UUID surgeon, String levels) {
        var operation = book(gateway, token, patient, surgeon, "PROCEDURE", Duration.ofHours(1));
        var planned = ApiCall.send("PUT", gateway + "/api/booking/appointments/" + operation.id() + "/procedure-plan",
                token, "{\"treatment\":\"BALLOON_KYPHOPLASTY\",\"vertebralLevels\":" + levels + "}",
                java.util.Map.of());
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        bringToToday(operation.id());
        var checkedIn = ApiCall.send("POST", gateway + "/api/booking/appointments/" + operation.id() + "/check-in",
                token, null, java.util.Map.of("If-Match", "\"" + operation.version() + "\""));
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
        return operation;
    }

    /**
     * Check-in and procedures happen only on the day, and the services run on the real clock, so an appointment
     * booked for a later day is brought to today, a few minutes ago, in booking's own database.
     */
    static void bringToToday(String appointmentId) {
        try (var db = DriverManager.getConnection(ClinicInfrastructure.shared().jdbcUrl("booking"), "booking",
                "booking");
             var move = db.prepareStatement("""
                     update appointment
                     set starts_at = greatest(date_trunc('day', now() at time zone 'Europe/London')
                                                  at time zone 'Europe/London', now() - interval '5 minutes'),
                         ends_at = greatest(date_trunc('day', now() at time zone 'Europe/London')
                                                at time zone 'Europe/London', now() - interval '5 minutes')
                                   + (ends_at - starts_at)
                     where id = ?""")) {
            move.setObject(1, UUID.fromString(appointmentId));
            assertThat(move.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
