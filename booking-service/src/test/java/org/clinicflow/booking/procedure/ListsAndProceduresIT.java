package org.clinicflow.booking.procedure;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ListsAndProceduresIT extends BookingServiceIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSurgeonRecordsTheProcedureOnTheirTheatreAppointmentAndFollowUpIsToldOnce() {
        var appointment = checkedInProcedure();
        var id = appointment.get("id").asString();
        var path = "/api/booking/appointments/" + id + "/procedure";
        var theatreDay = OffsetDateTime.parse(appointment.get("startsAt").asString())
                .atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        var request = """
                {"treatment":"BALLOON_KYPHOPLASTY","vertebralLevels":["T12","L1"],"performedOn":"%s"}
                """.formatted(theatreDay);

        assertThat(ApiCall.post(url(path), tokenFor(DemoUsers.RECEPTIONIST), request).status()).isEqualTo(403);
        assertThat(ApiCall.post(url(path), tokenFor(DemoUsers.OTHER_SURGEON), request).status()).isEqualTo(404);
        var badLevel = ApiCall.post(url(path), tokenFor(DemoUsers.SURGEON), request.replace("\"L1\"", "\"X9\""));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body()).contains("vertebralLevels");
        var wrongDay = ApiCall.post(url(path), tokenFor(DemoUsers.SURGEON),
                request.replace(theatreDay.toString(), theatreDay.minusDays(1).toString()));
        assertThat(wrongDay.status()).isEqualTo(422);
        assertThat(wrongDay.body()).contains("performedOn");

        var recorded = ApiCall.post(url(path), tokenFor(DemoUsers.SURGEON), request);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(body(recorded).get("performedBy").asString()).isEqualTo(DemoUsers.SURGEON_CLINICIAN_ID.toString());
        assertThat(ApiCall.post(url(path), tokenFor(DemoUsers.SURGEON), request).status()).isEqualTo(409);

        var after = body(ApiCall.get(url("/api/booking/appointments/" + id), tokenFor(DemoUsers.SURGEON)));
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        var events = jdbc.sql("select payload::text from outbox_event where record_key = :id and event_type = :type")
                .param("id", id).param("type", "clinic.booking.procedure-completed.v1").query(String.class).list();
        assertThat(events).hasSize(1);
        assertThat(EventContracts.violations(events.getFirst())).isEmpty();
        var data = json.readTree(events.getFirst()).get("data");
        assertThat(data.get("treatment").asString()).isEqualTo("BALLOON_KYPHOPLASTY");
        assertThat(data.get("vertebralLevels").valueStream().map(JsonNode::asString)).containsExactly("T12", "L1");
        assertThat(data.get("patientId").asString()).isEqualTo(DemoUsers.PATIENT_ID.toString());
    }

    @Test
    void aProcedureCannotBeRecordedOnAConsultation() {
        var consultation = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var response = ApiCall.post(url("/api/booking/appointments/" + consultation.get("id").asString()
                        + "/procedure"), tokenFor(DemoUsers.SURGEON),
                "{\"treatment\":\"VERTEBROPLASTY\",\"vertebralLevels\":[\"L2\"],\"performedOn\":\"" + LocalDate.now()
                        + "\"}");
        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void aColleagueLearnsNothingOfAnAppointmentFromARefusedProcedure() {
        var consultation = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var request = "{\"treatment\":\"VERTEBROPLASTY\",\"vertebralLevels\":[\"L2\"],\"performedOn\":\""
                + LocalDate.now(ZoneId.of("Europe/London")) + "\"}";

        var colleagues = ApiCall.post(url("/api/booking/appointments/" + consultation.get("id").asString()
                + "/procedure"), tokenFor(DemoUsers.OTHER_SURGEON), request);
        var nobodys = ApiCall.post(url("/api/booking/appointments/" + java.util.UUID.randomUUID() + "/procedure"),
                tokenFor(DemoUsers.OTHER_SURGEON), request);

        // Mr Reid's consultation, BOOKED, is answered to Ms Hart exactly as an id that names nothing.
        assertThat(colleagues.status()).as(colleagues.body()).isEqualTo(404);
        assertThat(nobodys.status()).isEqualTo(404);
        assertThat(colleagues.body()).doesNotContain("procedure appointment", "BOOKED", "checked in");
        assertThat(body(colleagues).get("title").asString()).isEqualTo(body(nobodys).get("title").asString());
    }

    @Test
    void aSurgeonReadsTheirOwnListsButNotAColleaguesAndReceptionReadsAnyone() {
        var appointment = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var date = OffsetDateTime.parse(appointment.get("startsAt").asString()).toLocalDate();
        var path = "/api/booking/clinicians/" + DemoUsers.SURGEON_CLINICIAN_ID + "/lists/CLINIC?date=" + date;

        var own = ApiCall.get(url(path), tokenFor(DemoUsers.SURGEON));
        assertThat(own.status()).isEqualTo(200);
        var entries = body(own);
        assertThat(entries.valueStream().map(e -> e.get("appointmentId").asString()))
                .contains(appointment.get("id").asString());
        assertThat(entries.valueStream().map(e -> e.get("startsAt").asString()).toList()).isSorted();
        assertThat(own.body()).contains("Pat Demo");

        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.OTHER_SURGEON)).status()).isEqualTo(403);
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(200);
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);

        var printable = html(path, tokenFor(DemoUsers.SURGEON));
        assertThat(printable.statusCode()).isEqualTo(200);
        assertThat(printable.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(printable.body()).contains("<table>", "Clinic list: Mr Samuel Reid", "Pat Demo", "@media print");
    }

    @Test
    void aReasonIsEscapedOnThePrintableList() {
        var slot = nextSlot();
        var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s",
                 "reason":"<script>alert(1)</script> back pain"}""".formatted(DemoUsers.OTHER_PATIENT_ID,
                DemoUsers.SURGEON_CLINICIAN_ID, slot));
        assertThat(booked.status()).isEqualTo(201);
        var printable = html("/api/booking/clinicians/" + DemoUsers.SURGEON_CLINICIAN_ID + "/lists/CLINIC?date="
                + slot.toLocalDate(), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(printable.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void theTheatreListShowsThePlannedTreatmentLevelsAndRoom() {
        var slot = firstFreeSlot(url(""), "PROCEDURE", DemoUsers.SURGEON_CLINICIAN_ID, Instant.now().plusSeconds(3600));
        var booked = body(ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"PROCEDURE","startsAt":"%s"}
                """.formatted(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, slot)));
        var plan = "/api/booking/appointments/" + booked.get("id").asString() + "/procedure-plan";
        var request = "{\"treatment\":\"VERTEBROPLASTY\",\"vertebralLevels\":[\"T11\",\"T12\"]}";

        var badLevel = ApiCall.send("PUT", url(plan), tokenFor(DemoUsers.RECEPTIONIST),
                request.replace("T11", "L9"), java.util.Map.of());
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body()).contains("vertebralLevels");
        assertThat(ApiCall.send("PUT", url(plan), tokenFor(DemoUsers.OTHER_SURGEON), request, java.util.Map.of())
                .status()).as("a colleague's theatre list is not theirs").isEqualTo(404);
        assertThat(ApiCall.send("PUT", url(plan), tokenFor(DemoUsers.PATIENT), request, java.util.Map.of())
                .status()).isEqualTo(403);
        var planned = ApiCall.send("PUT", url(plan), tokenFor(DemoUsers.RECEPTIONIST), request, java.util.Map.of());
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        var replanned = ApiCall.send("PUT", url(plan), tokenFor(DemoUsers.SURGEON),
                request.replace("VERTEBROPLASTY", "BALLOON_KYPHOPLASTY"), java.util.Map.of());
        assertThat(replanned.status()).as("the operating surgeon corrects it").isEqualTo(200);

        var list = body(ApiCall.get(url("/api/booking/clinicians/" + DemoUsers.SURGEON_CLINICIAN_ID
                + "/lists/THEATRE?date=" + slot.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate()),
                tokenFor(DemoUsers.SURGEON)));
        var entry = list.valueStream().filter(e -> e.get("appointmentId").asString()
                .equals(booked.get("id").asString())).findFirst().orElseThrow();
        assertThat(entry.get("plannedTreatment").asString()).isEqualTo("BALLOON_KYPHOPLASTY");
        assertThat(entry.get("plannedLevels").valueStream().map(JsonNode::asString)).containsExactly("T11", "T12");
        assertThat(entry.get("room").asString()).as("the demo theatre session's room").isEqualTo("Theatre");
        assertThat(body(ApiCall.get(url(plan), tokenFor(DemoUsers.SURGEON))).get("treatment").asString())
                .isEqualTo("BALLOON_KYPHOPLASTY");
    }

    private JsonNode checkedInProcedure() {
        var slot = firstFreeSlot(url(""), "PROCEDURE", DemoUsers.SURGEON_CLINICIAN_ID, Instant.now().plusSeconds(3600));
        var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"PROCEDURE","startsAt":"%s"}
                """.formatted(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var appointment = body(booked);
        // The patient arrives on the morning of the operation; the clock stays there for the rest of the test.
        wallClock.moveTo(slot.toInstant().minus(Duration.ofMinutes(45)));
        var checkedIn = send(HttpRequest.newBuilder(URI.create(url("/api/booking/appointments/"
                        + appointment.get("id").asString() + "/check-in")))
                .header("Authorization", "Bearer " + tokenFor(DemoUsers.RECEPTIONIST))
                .header("If-Match", "\"" + appointment.get("version").asLong() + "\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(checkedIn.statusCode()).isEqualTo(200);
        return json.readTree(checkedIn.body());
    }

    private HttpResponse<String> html(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Accept", "text/html").GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
