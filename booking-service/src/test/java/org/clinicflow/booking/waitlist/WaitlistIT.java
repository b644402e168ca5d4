package org.clinicflow.booking.waitlist;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting list through the API, against the real database and broker: a freed time is offered to the patients
 * waiting, the first acceptance wins however close the race, the time the winner leaves goes on to the next, and
 * offers lapse by themselves.
 */
class WaitlistIT extends BookingServiceIT {

    /** Dr Priya Nair: a diary the other tests leave alone, so no one else's cancellation makes offers here. */
    private static final UUID NAIR = UUID.fromString("c0000000-0000-4000-a000-000000000003");
    private static OffsetDateTime cursor = OffsetDateTime.now().plusDays(9);

    @Autowired
    Waitlist waitlist;

    @Test
    void aFreedTimeGoesToWhoeverAcceptsFirstAndTheTimeTheyLeaveGoesToTheNext() throws Exception {
        var freeing = appointmentFor(patient("Vera"));
        var first = appointmentFor(patient("Ann"));
        var second = appointmentFor(patient("Bea"));
        // Asking twice, even at the same moment, does not move anyone up the list.
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var waiting : List.of(first, second)) {
                Callable<ApiCall.Response> join = () -> ApiCall.send("POST",
                        url("/api/booking/appointments/" + waiting.id() + "/waitlist"),
                        tokenFor(DemoUsers.RECEPTIONIST), null, Map.of());
                for (var answer : pool.invokeAll(List.of(join, join))) {
                    assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
                }
                assertThat(jdbc.sql("select count(*) from waitlist_entry where appointment_id = :id")
                        .param("id", waiting.id()).query(Long.class).single()).isEqualTo(1);
            }
        }

        cancel(freeing);

        var offers = List.of(openOffer(first, freeing.startsAt()), openOffer(second, freeing.startsAt()));
        for (var offer : offers) {
            assertThat(offer.startsAt()).isEqualTo(freeing.startsAt());
            var event = awaitRecord("clinic.booking.waitlist", offer.id().toString(), Duration.ofSeconds(30))
                    .orElseThrow();
            assertThat(EventContracts.violations(event.value())).isEmpty();
            assertThat(event.value()).contains(offer.key());
        }
        var read = ApiCall.send("GET", url("/api/booking/waitlist-offers/" + offers.getFirst().id()), null, null,
                Map.of("X-Offer-Key", offers.getFirst().key()));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(body(read).get("clinicianName").asString()).isEqualTo("Dr Priya Nair");
        assertThat(body(read).get("siteAddress").asString()).isNotBlank();
        assertThat(ApiCall.send("GET", url("/api/booking/waitlist-offers/" + offers.getFirst().id()), null, null,
                Map.of("X-Offer-Key", offers.get(1).key())).status()).isEqualTo(404);

        // Both accept at the same moment: one is moved, the other is told the time has gone.
        try (var pool = Executors.newFixedThreadPool(2)) {
            var answers = new ArrayList<ApiCall.Response>();
            for (var future : pool.invokeAll(offers.stream().map(o -> (Callable<ApiCall.Response>) () ->
                    ApiCall.send("POST", url("/api/booking/waitlist-offers/" + o.id() + "/accept"), null, null,
                            Map.of("X-Offer-Key", o.key()))).toList())) {
                answers.add(future.get());
            }
            assertThat(answers).extracting(ApiCall.Response::status).containsExactlyInAnyOrder(200, 409);
            var winner = answers.get(0).status() == 200 ? 0 : 1;
            var loser = 1 - winner;
            assertThat(body(answers.get(loser)).get("offerStatus").asString()).isEqualTo("GONE");
            var moved = List.of(first, second).get(winner);
            var left = List.of(first, second).get(loser);
            assertThat(startOf(moved.id())).isEqualTo(freeing.startsAt().toInstant());
            assertThat(startOf(left.id())).isEqualTo(left.startsAt().toInstant());
            assertThat(jdbc.sql("select count(*) from waitlist_offer where freed_time_id = (select freed_time_id"
                    + " from waitlist_offer where id = :id) and status = 'ACCEPTED'")
                    .param("id", offers.getFirst().id()).query(Long.class).single()).isEqualTo(1);

            // If the winner left a time earlier than the other patient's, it is offered to them in turn.
            if (moved.startsAt().isBefore(left.startsAt())) {
                assertThat(openOffer(left, moved.startsAt()).startsAt()).isEqualTo(moved.startsAt());
            }
            // Accepting again, or late, changes nothing.
            var again = ApiCall.send("POST", url("/api/booking/waitlist-offers/" + offers.get(loser).id()
                    + "/accept"), null, null, Map.of("X-Offer-Key", offers.get(loser).key()));
            assertThat(again.status()).isEqualTo(409);
            // Leaving the list declines what is still open to the patient, so it can go to someone else.
            leave(left);
            assertThat(offersTo(left)).isEmpty();
            assertThat(jdbc.sql("select count(*) from waitlist_offer o join waitlist_entry e on e.id = o.entry_id"
                    + " where e.appointment_id = :id and o.status = 'OPEN'").param("id", left.id())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void aPatientAsksForAnEarlierTimeForTheirOwnAppointmentOnly() {
        var own = appointmentFor(DemoUsers.PATIENT_ID);
        var path = "/api/booking/my-appointments/" + own.id() + "/waitlist";
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(404);
        var joined = ApiCall.send("POST", url(path), tokenFor(DemoUsers.PATIENT), null, Map.of());
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(body(joined).get("status").asString()).isEqualTo("WAITING");
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(200);

        assertThat(ApiCall.send("POST", url(path), tokenFor(DemoUsers.OTHER_PATIENT), null, Map.of()).status())
                .isEqualTo(404);
        assertThat(ApiCall.get(url("/api/booking/waitlist"), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
        var everyone = body(ApiCall.get(url("/api/booking/waitlist"), tokenFor(DemoUsers.RECEPTIONIST)));
        assertThat(everyone.valueStream().map(w -> w.get("appointmentId").asString())).contains(own.id().toString());

        assertThat(ApiCall.send("DELETE", url(path), tokenFor(DemoUsers.PATIENT), null, Map.of()).status())
                .isEqualTo(204);
        assertThat(ApiCall.get(url(path), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(404);
    }

    @Test
    void anOfferNobodyAnswersLapsesAndTheTimeGoesToTheNextPatientWaiting() {
        var freeing = appointmentFor(patient("Cara"));
        var first = appointmentFor(patient("Dot"));
        var second = appointmentFor(patient("Eve"));
        join(first);
        cancel(freeing);
        // One at a time here, so that the next in line is offered only once the first lets it lapse.
        var offer = openOffer(first, freeing.startsAt());
        join(second);
        assertThat(offersTo(second)).isEmpty();

        wallClock.moveTo(offer.expiresAt().toInstant().plusSeconds(1));
        waitlist.closeLapsedOffers();
        wallClock.reset();

        assertThat(jdbc.sql("select status from waitlist_offer where id = :id").param("id", offer.id())
                .query(String.class).single()).isEqualTo("EXPIRED");
        var late = ApiCall.send("POST", url("/api/booking/waitlist-offers/" + offer.id() + "/accept"), null, null,
                Map.of("X-Offer-Key", offer.key()));
        assertThat(late.status()).isEqualTo(410);
        assertThat(startOf(first.id())).isEqualTo(first.startsAt().toInstant());
        assertThat(openOffer(second, freeing.startsAt()).expiresAt()).isAfter(offer.expiresAt());
        leave(first);
        leave(second);
    }

    @Test
    void aCancelledOrUnknownAppointmentCannotWait() {
        var cancelled = appointmentFor(patient("Fay"));
        cancel(cancelled);
        var refused = ApiCall.send("POST", url("/api/booking/appointments/" + cancelled.id() + "/waitlist"),
                tokenFor(DemoUsers.RECEPTIONIST), null, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(ApiCall.send("POST", url("/api/booking/appointments/" + UUID.randomUUID() + "/waitlist"),
                tokenFor(DemoUsers.RECEPTIONIST), null, Map.of()).status()).isEqualTo(404);
    }

    record Booked(UUID id, OffsetDateTime startsAt, long version) {
    }

    record OpenOffer(UUID id, String key, OffsetDateTime startsAt, OffsetDateTime expiresAt) {
    }

    private UUID patient(String name) {
        var response = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"%s","familyName":"Waiting","dateOfBirth":"1950-03-04","mobilePhone":"+44 7700 900456",
                 "emailConsent":false,"smsConsent":true}""".formatted(name));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(body(response).get("id").asString());
    }

    /** A free consultation with Dr Nair, each one later than the one before. */
    private Booked appointmentFor(UUID patientId) {
        var slot = firstFreeSlot(url(""), "FREE_CONSULTATION", NAIR, cursor.toInstant());
        cursor = slot.plusMinutes(15);
        var response = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(patientId, NAIR, "FREE_CONSULTATION", slot));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var booked = body(response);
        return new Booked(UUID.fromString(booked.get("id").asString()),
                OffsetDateTime.parse(booked.get("startsAt").asString()), booked.get("version").asLong());
    }

    private void join(Booked appointment) {
        var joined = ApiCall.send("POST", url("/api/booking/appointments/" + appointment.id() + "/waitlist"),
                tokenFor(DemoUsers.RECEPTIONIST), null, Map.of());
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    }

    private void leave(Booked appointment) {
        ApiCall.send("DELETE", url("/api/booking/appointments/" + appointment.id() + "/waitlist"),
                tokenFor(DemoUsers.RECEPTIONIST), null, Map.of());
    }

    private void cancel(Booked appointment) {
        var cancelled = ApiCall.send("POST", url("/api/booking/appointments/" + appointment.id() + "/cancel"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"reason\":\"Patient is away\"}",
                Map.of("If-Match", "\"" + appointment.version() + "\""));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    }

    private List<JsonNode> offersTo(Booked appointment) {
        return body(ApiCall.get(url("/api/booking/waitlist"), tokenFor(DemoUsers.RECEPTIONIST))).valueStream()
                .filter(w -> w.get("appointmentId").asString().equals(appointment.id().toString()))
                .flatMap(w -> w.get("offers").valueStream()).toList();
    }

    /** The open offer of this time made to this appointment's patient, with the key its link carries. */
    private OpenOffer openOffer(Booked appointment, OffsetDateTime of) {
        var open = offersTo(appointment).stream().filter(o -> o.get("status").asString().equals("OPEN"))
                .filter(o -> OffsetDateTime.parse(o.get("startsAt").asString()).isEqual(of)).toList();
        assertThat(open).as("open offers of %s to %s", of, appointment.id()).hasSize(1);
        var id = UUID.fromString(open.getFirst().get("id").asString());
        var key = jdbc.sql("select access_key from waitlist_offer where id = :id").param("id", id)
                .query(String.class).single();
        return new OpenOffer(id, key, OffsetDateTime.parse(open.getFirst().get("startsAt").asString()),
                OffsetDateTime.parse(open.getFirst().get("expiresAt").asString()));
    }

    private java.time.Instant startOf(UUID appointmentId) {
        return jdbc.sql("select starts_at from appointment where id = :id").param("id", appointmentId)
                .query(java.sql.Timestamp.class).single().toInstant();
    }
}
