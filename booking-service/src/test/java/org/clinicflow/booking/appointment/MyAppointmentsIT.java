package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MyAppointmentsIT extends BookingServiceIT {

    @Test
    void aPatientSeesWhereAndWithWhomAndMovesTheirOwnAppointmentWithinTheRules() {
        var booked = bookWithMsHart();
        var id = booked.get("id").asString();
        var mine = body(ApiCall.get(url("/api/booking/my-appointments"), tokenFor(DemoUsers.PATIENT)));
        var listed = mine.get("upcoming").valueStream().filter(a -> a.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(listed.get("clinicianName").asString()).isEqualTo("Ms Susan Hart");
        assertThat(listed.get("siteAddress").asString()).isNotBlank();
        assertThat(listed.get("changeable").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(listed.get("changeableUntil").asString()))
                .isEqualTo(OffsetDateTime.parse(booked.get("startsAt").asString()).minusHours(4));

        var alternatives = body(ApiCall.get(url("/api/booking/my-appointments/" + id + "/alternatives?from="
                + java.net.URLEncoder.encode(booked.get("startsAt").asString(), java.nio.charset.StandardCharsets.UTF_8)),
                tokenFor(DemoUsers.PATIENT)));
        assertThat(alternatives.size()).isGreaterThan(0);
        var newTime = alternatives.get(0).get("startsAt").asString();
        var stale = move(id, "\"" + (booked.get("version").asLong() + 7) + "\"", newTime, DemoUsers.PATIENT);
        assertThat(stale.status()).isEqualTo(412);
        var moved = move(id, "\"" + booked.get("version").asLong() + "\"", newTime, DemoUsers.PATIENT);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(body(moved).get("startsAt").asString()).isEqualTo(newTime);
        assertThat(jdbc.sql("select reason from appointment_change where appointment_id = :id and action = 'RESCHEDULED'")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("Moved by the patient online");

        // Inside the cutoff before it, nothing changes online: the patient is told until when it could.
        wallClock.moveTo(OffsetDateTime.parse(newTime).minusHours(3).toInstant());
        var late = ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.PATIENT), "{}", Map.of("If-Match", "\"" + body(moved).get("version").asLong() + "\""));
        assertThat(late.status()).isEqualTo(409);
        assertThat(body(late).get("changeableUntil").asString()).isNotBlank();
        wallClock.reset();

        var cancelled = ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.PATIENT), "{}", Map.of("If-Match", "\"" + body(moved).get("version").asLong() + "\""));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(body(cancelled).get("changeable").asBoolean()).isFalse();
    }

    @Test
    void anotherPatientsAppointmentIsNotFoundWhateverIsTriedAndTheAttemptIsAudited() {
        var booked = bookWithMsHart();
        var id = booked.get("id").asString();
        var etag = Map.of("If-Match", "\"" + booked.get("version").asLong() + "\"");
        assertThat(ApiCall.get(url("/api/booking/my-appointments/" + id), tokenFor(DemoUsers.OTHER_PATIENT)).status())
                .isEqualTo(404);
        assertThat(ApiCall.get(url("/api/booking/my-appointments/" + id + "/alternatives"),
                tokenFor(DemoUsers.OTHER_PATIENT)).status()).isEqualTo(404);
        assertThat(ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.OTHER_PATIENT), "{}", etag).status()).isEqualTo(404);
        assertThat(ApiCall.get(url("/api/booking/my-appointments"), tokenFor(DemoUsers.OTHER_PATIENT)).body())
                .doesNotContain(id);
        assertThat(ApiCall.get(url("/api/booking/my-appointments"), tokenFor(DemoUsers.RECEPTIONIST)).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_id = :id and outcome = 'REFUSED'
                        and :patient = any(patient_ids)""")
                .param("id", id).param("patient", DemoUsers.PATIENT_ID).query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(ApiCall.get(url("/api/booking/appointments/" + id), tokenFor(DemoUsers.PATIENT)).status())
                .isEqualTo(200);
    }

    @Test
    void clinicAdminSetsTheRulesAndNobodyElseMay() {
        var rules = body(ApiCall.get(url("/api/booking/booking-rules"), tokenFor(DemoUsers.RECEPTIONIST)));
        assertThat(rules.size()).isEqualTo(4);
        assertThat(ApiCall.send("PUT", url("/api/booking/booking-rules/FULL_CONSULTATION"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}", Map.of())
                .status()).isEqualTo(403);
        var wrong = ApiCall.send("PUT", url("/api/booking/booking-rules/FULL_CONSULTATION"),
                tokenFor(DemoUsers.CLINIC_ADMIN), "{\"minimumNoticeHours\":2,\"changeCutoffHours\":9999}", Map.of());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(body(wrong).at("/errors/0/field").asString()).isEqualTo("changeCutoffHours");
        var changed = ApiCall.send("PUT", url("/api/booking/booking-rules/FULL_CONSULTATION"),
                tokenFor(DemoUsers.CLINIC_ADMIN), "{\"minimumNoticeHours\":3,\"changeCutoffHours\":48}", Map.of());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(body(changed).get("changeCutoffHours").asLong()).isEqualTo(48);
        ApiCall.send("PUT", url("/api/booking/booking-rules/FULL_CONSULTATION"), tokenFor(DemoUsers.CLINIC_ADMIN),
                "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}", Map.of());
    }

    /**
     * With Ms Hart, a week or more ahead, not Mr Reid: the times these tests move to and cancel would otherwise be the
     * free times the other tests' {@link #nextSlot()} hands out next.
     */
    private tools.jackson.databind.JsonNode bookWithMsHart() {
        var startsAt = firstFreeSlot(url(""), "FREE_CONSULTATION", DemoUsers.OTHER_SURGEON_CLINICIAN_ID,
                java.time.Instant.now().plus(java.time.Duration.ofDays(7 + cursor++)));
        var response = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(DemoUsers.PATIENT_ID, DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "FREE_CONSULTATION",
                        startsAt));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return body(response);
    }

    private static int cursor;

    private ApiCall.Response move(String id, String ifMatch, String startsAt, String user) {
        return ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/reschedule"), tokenFor(user),
                "{\"startsAt\":\"" + startsAt + "\"}", Map.of("If-Match", ifMatch));
    }
}
