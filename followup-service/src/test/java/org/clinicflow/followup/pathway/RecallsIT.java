package org.clinicflow.followup.pathway;

import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecallsIT extends FollowupServiceIT {

    private static final String APPOINTMENTS = "clinic.booking.appointment";

    @Test
    void aSurgeonsRecallIsFollowedLikeAReviewUntilItsAppointmentIsBooked() {
        var patient = registerPatient(true, true, false, false);
        var recalls = url("/api/followup/recalls");
        var asked = ApiCall.post(recalls, tokenFor(DemoUsers.SURGEON), """
                {"patientId":"%s","weeks":6,"reason":"See how the pain is after physiotherapy"}"""
                .formatted(patient.id()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var recall = json.readTree(asked.body());
        var id = UUID.fromString(recall.get("id").asString());
        assertThat(asked.header("Location")).endsWith("/api/followup/recalls/" + id);
        var today = LocalDate.now(CLINIC_ZONE);
        assertThat(recall.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(recall.get("clinicianId").asString()).isEqualTo(DemoUsers.SURGEON_CLINICIAN_ID.toString());
        assertThat(recall.get("appointmentType").asString()).isEqualTo("FULL_CONSULTATION");
        assertThat(recall.get("windowStarts").asString()).isEqualTo(today.plusWeeks(6).minusDays(7).toString());
        assertThat(recall.get("windowEnds").asString()).isEqualTo(today.plusWeeks(6).plusDays(7).toString());

        // booking-service is told, in the review request's own event, with the reason and no procedure.
        var event = consumeRecord("clinic.followup.review", id.toString(), Duration.ofSeconds(30));
        assertThat(EventContracts.violations(event)).isEmpty();
        var data = json.readTree(event).get("data");
        assertThat(data.get("procedureId").isNull()).isTrue();
        assertThat(data.get("reason").asString()).isEqualTo("See how the pain is after physiotherapy");
        assertThat(data.get("appointmentType").asString()).isEqualTo("FULL_CONSULTATION");

        // Not booked by its date: on the worklist with its reason.
        TestClockConfiguration.CLOCK.setNow(LocalDate.parse(recall.get("bookBy").asString()).plusDays(1)
                .atTime(LocalTime.NOON).atZone(CLINIC_ZONE).toInstant());
        var late = unbooked(id);
        assertThat(late).isNotNull();
        assertThat(late.get("reason").asString()).isEqualTo("See how the pain is after physiotherapy");
        assertThat(late.get("pathwayId").isNull()).isTrue();

        var appointment = UUID.randomUUID();
        publish(APPOINTMENTS, appointment.toString(), Events.appointmentBooked(UUID.randomUUID(), appointment,
                patient.id(), Events.daysAhead(42), "FULL_CONSULTATION", id));
        await(Duration.ofSeconds(30), () -> "BOOKED".equals(json.readTree(ApiCall.get(recalls + "/" + id,
                tokenFor(DemoUsers.RECEPTIONIST)).body()).get("status").asString()));
        var booked = json.readTree(ApiCall.get(recalls + "/" + id, tokenFor(DemoUsers.SURGEON)).body());
        assertThat(booked.get("appointmentId").asString()).isEqualTo(appointment.toString());
        assertThat(unbooked(id)).isNull();
    }

    @Test
    void aRecallNeedsAKnownPatientWeeksInRangeAndAReasonAndOnlyAClinicianAsksForOne() {
        var patient = registerPatient(true, true, false, false);
        var recalls = url("/api/followup/recalls");
        var unknown = ApiCall.post(recalls, tokenFor(DemoUsers.SURGEON), """
                {"patientId":"%s","weeks":6,"reason":"Review the scan"}""".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("patientId");
        var noWeeks = ApiCall.post(recalls, tokenFor(DemoUsers.SURGEON), """
                {"patientId":"%s","weeks":0,"reason":"Review the scan"}""".formatted(patient.id()));
        assertThat(noWeeks.status()).isEqualTo(400);
        assertThat(field(noWeeks)).isEqualTo("weeks");
        var noReason = ApiCall.post(recalls, tokenFor(DemoUsers.SURGEON), """
                {"patientId":"%s","weeks":6,"reason":" "}""".formatted(patient.id()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(field(noReason)).isEqualTo("reason");
        var badType = ApiCall.post(recalls, tokenFor(DemoUsers.SURGEON), """
                {"patientId":"%s","weeks":6,"reason":"Review the scan","appointmentType":"PROCEDURE"}"""
                .formatted(patient.id()));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(field(badType)).isEqualTo("appointmentType");
        assertThat(ApiCall.post(recalls, tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","weeks":6,"reason":"Review the scan"}""".formatted(patient.id())).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from review_request where patient_id = :id").param("id", patient.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMissedReviewIsOpenAgainAndOnTheWorklistAtOnce() {
        var patient = registerPatient(true, true, false, false);
        var procedureId = UUID.randomUUID();
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE)));
        var requestId = awaitValue(() -> jdbc.sql("""
                        select r.id from review_request r join pathway p on p.id = r.pathway_id
                        where p.procedure_id = :id""").param("id", procedureId).query(UUID.class).optional()
                .orElse(null));
        var appointment = UUID.randomUUID();
        var startsAt = Events.daysAhead(42);
        publish(APPOINTMENTS, appointment.toString(), Events.appointmentBooked(UUID.randomUUID(), appointment,
                patient.id(), startsAt, "POST_PROCEDURE_REVIEW", requestId));
        await(Duration.ofSeconds(30), () -> "BOOKED".equals(status(requestId)));
        assertThat(unbooked(requestId)).isNull();

        var missed = Events.appointmentNoShow(appointment, patient.id(), startsAt);
        assertThat(EventContracts.violations(missed)).isEmpty();
        publish(APPOINTMENTS, appointment.toString(), missed);
        await(Duration.ofSeconds(30), () -> "REQUESTED".equals(status(requestId)));
        var reopened = unbooked(requestId);
        assertThat(reopened).as("a missed review is on the worklist before its book-by date").isNotNull();
        assertThat(reopened.get("missedAt").isNull()).isFalse();
    }

    private String status(UUID requestId) {
        return jdbc.sql("select status from review_request where id = :id").param("id", requestId)
                .query(String.class).single();
    }

    /** The request as the worklist lists it among reviews not booked, or null. */
    private JsonNode unbooked(UUID requestId) {
        return json.readTree(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST)).body())
                .get("reviewsNotBooked").valueStream()
                .filter(r -> r.get("requestId").asString().equals(requestId.toString())).findFirst().orElse(null);
    }

    private static String field(ApiCall.Response response) {
        return json.readTree(response.body()).at("/errors/0/field").asString();
    }

    private static <T> T awaitValue(java.util.function.Supplier<T> value) {
        var result = new java.util.concurrent.atomic.AtomicReference<T>();
        await(Duration.ofSeconds(30), () -> {
            result.set(value.get());
            return result.get() != null;
        });
        return result.get();
    }
}
