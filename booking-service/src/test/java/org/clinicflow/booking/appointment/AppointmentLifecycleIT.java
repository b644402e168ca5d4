package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentLifecycleIT extends BookingServiceIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHeldSlotIsBookedThroughItsHoldAndNobodyElseCanTakeItMeanwhile() {
        var slot = nextSlot();
        var hold = ApiCall.post(url("/api/booking/holds"), tokenFor(DemoUsers.RECEPTIONIST), holdJson(slot));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(body(hold).get("status").asString()).isEqualTo("HELD");

        assertThat(book(DemoUsers.OTHER_PATIENT_ID, slot).status()).isEqualTo(409);
        assertThat(ApiCall.post(url("/api/booking/holds"), tokenFor(DemoUsers.CLINIC_ADMIN), holdJson(slot)).status())
                .isEqualTo(409);

        var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                "{\"holdId\":\"" + body(hold).get("id").asString() + "\",\"patientId\":\"" + DemoUsers.PATIENT_ID
                        + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("id").asString()).isEqualTo(body(hold).get("id").asString());
        assertThat(body(booked).get("status").asString()).isEqualTo("BOOKED");
    }

    @Test
    void aHoldThatIsNotConfirmedFreesItsSlotByItself() throws InterruptedException {
        var slot = nextSlot();
        var hold = ApiCall.post(url("/api/booking/holds"), tokenFor(DemoUsers.RECEPTIONIST), holdJson(slot));
        assertThat(hold.status()).isEqualTo(201);
        Thread.sleep(Duration.ofSeconds(4)); // holds last three seconds in these tests

        var late = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                "{\"holdId\":\"" + body(hold).get("id").asString() + "\",\"patientId\":\"" + DemoUsers.PATIENT_ID
                        + "\"}");
        assertThat(late.status()).isIn(409, 422);
        assertThat(book(DemoUsers.OTHER_PATIENT_ID, slot).status()).isEqualTo(201);
    }

    @Test
    void aRescheduleMovesTheBookingAndRecordsWhoMovedItWhenAndWhy() {
        var appointment = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var id = appointment.get("id").asString();
        var newTime = nextSlot();

        var moved = post("/api/booking/appointments/" + id + "/reschedule", etagOf(appointment),
                "{\"startsAt\":\"" + newTime + "\",\"reason\":\"Patient asked for a later time\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(json.readTree(moved.body()).get("startsAt").asString()).toInstant())
                .isEqualTo(newTime.toInstant());

        var history = ApiCall.get(url("/api/booking/appointments/" + id + "/history"), tokenFor(DemoUsers.RECEPTIONIST));
        var changes = body(history);
        assertThat(changes.valueStream().map(c -> c.get("action").asString()).toList())
                .containsExactly("BOOKED", "RESCHEDULED");
        var rescheduled = changes.get(1);
        assertThat(rescheduled.get("changedBy").asString()).isNotBlank();
        assertThat(rescheduled.get("reason").asString()).isEqualTo("Patient asked for a later time");
        assertThat(OffsetDateTime.parse(rescheduled.get("newStartsAt").asString()).toInstant())
                .isEqualTo(newTime.toInstant());

        var event = awaitEvent(id, "clinic.booking.appointment-rescheduled.v1");
        assertThat(EventContracts.violations(event)).isEmpty();
        assertThat(json.readTree(event).at("/data/siteName").asString()).isEqualTo("London Bridge");
        assertThat(json.readTree(event).at("/data/clinicianName").asString()).isEqualTo("Mr Samuel Reid");
    }

    @Test
    void aRescheduleThatFailsLeavesTheOriginalAppointmentIntact() {
        var appointment = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var id = appointment.get("id").asString();
        var takenTime = nextSlot();
        assertThat(book(DemoUsers.OTHER_PATIENT_ID, takenTime).status()).isEqualTo(201);

        var refused = post("/api/booking/appointments/" + id + "/reschedule", etagOf(appointment),
                "{\"startsAt\":\"" + takenTime + "\"}");
        assertThat(refused.statusCode()).isEqualTo(409);

        var after = body(ApiCall.get(url("/api/booking/appointments/" + id), tokenFor(DemoUsers.RECEPTIONIST)));
        assertThat(after.get("startsAt").asString()).isEqualTo(appointment.get("startsAt").asString());
        assertThat(after.get("status").asString()).isEqualTo("BOOKED");
        assertThat(after.get("version").asLong()).isEqualTo(appointment.get("version").asLong());
    }

    @Test
    void aStaleEditGets412AndAnEditWithoutIfMatchGets428() {
        var appointment = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var id = appointment.get("id").asString();
        var etag = etagOf(appointment);
        assertThat(post("/api/booking/appointments/" + id + "/reschedule", etag,
                "{\"startsAt\":\"" + nextSlot() + "\"}").statusCode()).isEqualTo(200);

        var stale = post("/api/booking/appointments/" + id + "/cancel", etag, "{\"reason\":\"Unwell\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(post("/api/booking/appointments/" + id + "/cancel", null, "{\"reason\":\"Unwell\"}").statusCode())
                .isEqualTo(428);
        var current = body(ApiCall.get(url("/api/booking/appointments/" + id), tokenFor(DemoUsers.RECEPTIONIST)));
        assertThat(current.get("status").asString()).isEqualTo("BOOKED");
    }

    @Test
    void aCancelledSlotCanBeBookedAgainAndTheCancellationSaysWhy() {
        var slot = nextSlot();
        var appointment = body(book(DemoUsers.PATIENT_ID, slot));
        var id = appointment.get("id").asString();

        var noReason = post("/api/booking/appointments/" + id + "/cancel", etagOf(appointment), "{}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noReason.body()).at("/errors/0/field").asString()).isEqualTo("reason");

        var cancelled = post("/api/booking/appointments/" + id + "/cancel", etagOf(appointment),
                "{\"reason\":\"Pain has settled\"}");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("statusReason").asString()).isEqualTo("Pain has settled");
        assertThat(book(DemoUsers.OTHER_PATIENT_ID, slot).status()).isEqualTo(201);

        var checkInCancelled = post("/api/booking/appointments/" + id + "/check-in",
                etagOf(json.readTree(cancelled.body())), "");
        assertThat(checkInCancelled.statusCode()).isEqualTo(409);
        var event = awaitEvent(id, "clinic.booking.appointment-cancelled.v1");
        assertThat(EventContracts.violations(event)).isEmpty();
        // The patient is told where the cancelled appointment was to be, so that they know which one it was.
        assertThat(json.readTree(event).at("/data/siteAddress").asString())
                .isEqualTo("[Demo] 1 Example Street, London SE1");
        assertThat(json.readTree(event).at("/data/clinicianName").asString()).isEqualTo("Mr Samuel Reid");
    }

    @Test
    void aPatientIsCheckedInOnlyOnTheDayAndMarkedANoShowOnlyOnceTheTimeHasCome() {
        var seen = body(book(DemoUsers.PATIENT_ID, nextSlot()));
        var seenStarts = OffsetDateTime.parse(seen.get("startsAt").asString()).toInstant();
        var checkIn = "/api/booking/appointments/" + seen.get("id").asString() + "/check-in";
        var tooEarly = post(checkIn, etagOf(seen), "");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("only on the day");

        wallClock.moveTo(seenStarts.minus(Duration.ofMinutes(20)));
        var checkedIn = post(checkIn, etagOf(seen), "");
        assertThat(checkedIn.statusCode()).isEqualTo(200);
        var completed = post("/api/booking/appointments/" + seen.get("id").asString() + "/complete",
                etagOf(json.readTree(checkedIn.body())), "");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(completed.body()).get("status").asString()).isEqualTo("COMPLETED");
        wallClock.reset();

        var missed = body(book(DemoUsers.OTHER_PATIENT_ID, nextSlot()));
        var missedStarts = OffsetDateTime.parse(missed.get("startsAt").asString()).toInstant();
        var noShowPath = "/api/booking/appointments/" + missed.get("id").asString() + "/no-show";
        var reason = "{\"reason\":\"Did not arrive; no answer by phone\"}";
        wallClock.moveTo(missedStarts.minus(Duration.ofMinutes(5)));
        assertThat(post(noShowPath, etagOf(missed), reason).statusCode()).isEqualTo(409);
        wallClock.moveTo(missedStarts.plus(Duration.ofMinutes(20)));
        var noShow = post(noShowPath, etagOf(missed), reason);
        assertThat(noShow.statusCode()).isEqualTo(200);
        assertThat(json.readTree(noShow.body()).get("status").asString()).isEqualTo("NO_SHOW");

        for (var type : new String[]{"checked-in", "completed"}) {
            assertThat(EventContracts.violations(awaitEvent(seen.get("id").asString(),
                    "clinic.booking.appointment-" + type + ".v1"))).isEmpty();
        }
        assertThat(EventContracts.violations(awaitEvent(missed.get("id").asString(),
                "clinic.booking.appointment-no-show.v1"))).isEmpty();
    }

    @Test
    void onlyAClinicAdminMayOverbookAndTheHistorySaysSo() {
        var slot = nextSlot();
        assertThat(book(DemoUsers.PATIENT_ID, slot).status()).isEqualTo(201);
        var request = """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s",
                 "reason":"Urgent: severe new back pain, surgeon agreed to squeeze in"}
                """.formatted(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, slot);

        assertThat(ApiCall.post(url("/api/booking/appointments/overbook"), tokenFor(DemoUsers.RECEPTIONIST), request)
                .status()).isEqualTo(403);
        var overbooked = ApiCall.post(url("/api/booking/appointments/overbook"), tokenFor(DemoUsers.CLINIC_ADMIN),
                request);
        assertThat(overbooked.status()).as(overbooked.body()).isEqualTo(201);
        assertThat(body(overbooked).get("overbooked").asBoolean()).isTrue();
        var history = body(ApiCall.get(url("/api/booking/appointments/" + body(overbooked).get("id").asString()
                + "/history"), tokenFor(DemoUsers.CLINIC_ADMIN)));
        assertThat(history.get(0).get("action").asString()).isEqualTo("OVERBOOKED");
        assertThat(history.get(0).get("reason").asString()).startsWith("Urgent");
    }

    @Test
    void aSlotOutsideTheClinicianSessionsCannotBeBooked() {
        var sunday = nextSlot().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
                .withHour(10).withMinute(0);
        var response = book(DemoUsers.PATIENT_ID, sunday);
        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).at("/errors/0/field").asString()).isEqualTo("startsAt");
    }

    private String holdJson(OffsetDateTime slot) {
        return "{\"clinicianId\":\"" + DemoUsers.SURGEON_CLINICIAN_ID
                + "\",\"appointmentType\":\"FREE_CONSULTATION\",\"startsAt\":\"" + slot + "\"}";
    }

    @Test
    void receptionSeesAPatientsAppointmentsLatestFirstAndNobodyElseDoes() {
        var earlier = body(book(DemoUsers.OTHER_PATIENT_ID, nextSlot())).get("id").asString();
        var later = body(book(DemoUsers.OTHER_PATIENT_ID, nextSlot())).get("id").asString();
        var path = "/api/booking/patients/" + DemoUsers.OTHER_PATIENT_ID + "/appointments?size=100";

        var page = body(ApiCall.get(url(path), tokenFor(DemoUsers.RECEPTIONIST)));
        var ids = page.get("items").valueStream().map(a -> a.get("id").asString()).toList();
        assertThat(ids).contains(earlier, later);
        assertThat(ids.indexOf(later)).isLessThan(ids.indexOf(earlier));
        assertThat(page.get("items").valueStream().map(a -> a.get("patientId").asString()).distinct().toList())
                .containsExactly(DemoUsers.OTHER_PATIENT_ID.toString());
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);

        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.SURGEON)).status()).isEqualTo(403);
        assertThat(ApiCall.get(url("/api/booking/patients/" + DemoUsers.OTHER_PATIENT_ID
                + "/appointments?page=-1"), tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(400);
    }

    private static String etagOf(tools.jackson.databind.JsonNode appointment) {
        return "\"" + appointment.get("version").asLong() + "\"";
    }

    private String awaitEvent(String appointmentId, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var found = jdbc.sql("select payload::text from outbox_event where record_key = :id and event_type = :type")
                    .param("id", appointmentId).param("type", type).query(String.class).optional();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("No " + type + " event for " + appointmentId);
    }

    private HttpResponse<String> post(String path, String ifMatch, String json) {
        var builder = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + tokenFor(DemoUsers.RECEPTIONIST))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
