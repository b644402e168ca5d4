package org.clinicflow.booking.review;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewRequestsIT extends BookingServiceIT {

    @Test
    void aRequestedReviewWaitsOnTheToBookListWithFittingSlotsUntilBooked() throws Exception {
        var requestId = UUID.randomUUID();
        var windowStarts = LocalDate.now().plusDays(35);
        var windowEnds = windowStarts.plusDays(14);
        var event = reviewRequested(requestId, windowStarts, windowEnds);
        assertThat(EventContracts.violations(event)).isEmpty();
        publish(requestId, event);
        publish(requestId, event); // redelivered: still one request

        var toBook = awaitOnList(requestId);
        var offers = toBook.get("earliestFittingSlots");
        assertThat(offers.size()).isBetween(1, 3);
        offers.valueStream().forEach(offer -> assertThat(OffsetDateTime.parse(offer.get("startsAt").asString())
                .toLocalDate()).isBetween(windowStarts, windowEnds));
        assertThat(jdbc.sql("select count(*) from review_request where id = :id").param("id", requestId)
                .query(Long.class).single()).isEqualTo(1L);

        var slot = offers.get(0).get("startsAt").asString();
        var wrongPatient = book(DemoUsers.OTHER_PATIENT_ID, slot, requestId);
        assertThat(wrongPatient.status()).isEqualTo(422);
        assertThat(body(wrongPatient).at("/errors/0/field").asString()).isEqualTo("reviewRequestId");

        var booked = book(DemoUsers.PATIENT_ID, slot, requestId);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var list = ApiCall.get(url("/api/booking/review-requests?size=100"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(list.body()).doesNotContain(requestId.toString());

        var bookedEvent = jdbc.sql("select payload::text from outbox_event where record_key = :id")
                .param("id", body(booked).get("id").asString()).query(String.class).single();
        assertThat(EventContracts.violations(bookedEvent)).isEmpty();
        assertThat(json.readTree(bookedEvent).at("/data/reviewRequestId").asString()).isEqualTo(requestId.toString());
    }

    @Test
    void aCancelledReviewGoesBackOnTheToBookListAndCanBeBookedAgain() throws Exception {
        var requestId = UUID.randomUUID();
        var windowStarts = LocalDate.now().plusDays(30);
        publish(requestId, reviewRequested(requestId, windowStarts, windowStarts.plusDays(14)));
        var first = body(book(DemoUsers.PATIENT_ID,
                awaitOnList(requestId).at("/earliestFittingSlots/0/startsAt").asString(), requestId));
        assertThat(onList(requestId)).isEmpty();

        var cancel = change(first.get("id").asString(), "cancel", "{\"reason\":\"Patient is away that week\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);

        var again = onList(requestId).orElseThrow(() -> new AssertionError("not back on the to-book list"));
        assertThat(again.get("reopenedAfter").asString()).isEqualTo("CANCELLED");
        assertThat(again.get("windowStarts").asString()).isEqualTo(windowStarts.toString());
        var rebooked = book(DemoUsers.PATIENT_ID, again.at("/earliestFittingSlots/0/startsAt").asString(), requestId);
        assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);
        assertThat(onList(requestId)).isEmpty();
        assertThat(jdbc.sql("select appointment_id from review_request where id = :id").param("id", requestId)
                .query(UUID.class).single().toString()).isEqualTo(body(rebooked).get("id").asString());
    }

    @Test
    void aMissedReviewIsReopenedWithAWindowStillAheadAndBooksAgain() throws Exception {
        var requestId = UUID.randomUUID();
        var windowStarts = LocalDate.now().plusDays(40);
        publish(requestId, reviewRequested(requestId, windowStarts, windowStarts.plusDays(7)));
        var booked = body(book(DemoUsers.PATIENT_ID,
                awaitOnList(requestId).at("/earliestFittingSlots/0/startsAt").asString(), requestId));
        var startsAt = OffsetDateTime.parse(booked.get("startsAt").asString());
        try {
            wallClock.moveTo(startsAt.toInstant().plus(Duration.ofMinutes(25)));
            var noShow = change(booked.get("id").asString(), "no-show", "{\"reason\":\"Did not arrive\"}");
            assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);

            var reopened = onList(requestId).orElseThrow(() -> new AssertionError("not back on the to-book list"));
            assertThat(reopened.get("reopenedAfter").asString()).isEqualTo("NO_SHOW");
            // A fresh week from the day after the missed one: what was left of the old window may not be enough.
            assertThat(LocalDate.parse(reopened.get("windowStarts").asString()))
                    .isEqualTo(startsAt.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate().plusDays(1));
            assertThat(LocalDate.parse(reopened.get("windowEnds").asString()))
                    .isEqualTo(LocalDate.parse(reopened.get("windowStarts").asString()).plusDays(7));
            var rebooked = book(DemoUsers.PATIENT_ID, reopened.at("/earliestFittingSlots/0/startsAt").asString(),
                    requestId);
            assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);
            assertThat(onList(requestId)).isEmpty();
        } finally {
            wallClock.reset();
        }
    }

    @Test
    void aRecallWithAReasonIsOnTheToBookListUntilBookedAsTheConsultationItAsksFor() throws Exception {
        var requestId = UUID.randomUUID();
        var windowStarts = LocalDate.now().plusDays(50);
        var event = requested(requestId, windowStarts, windowStarts.plusDays(14),
                "\"Check the pain after physiotherapy\"", "\"FULL_CONSULTATION\"");
        assertThat(EventContracts.violations(event)).isEmpty();
        publish(requestId, event);
        var recall = awaitOnList(requestId);
        assertThat(recall.get("reason").asString()).isEqualTo("Check the pain after physiotherapy");
        assertThat(recall.get("appointmentType").asString()).isEqualTo("FULL_CONSULTATION");
        assertThat(recall.get("procedureId").isNull()).isTrue();
        var slot = recall.at("/earliestFittingSlots/0/startsAt").asString();

        var asReview = book(DemoUsers.PATIENT_ID, slot, requestId);
        assertThat(asReview.status()).isEqualTo(422);
        assertThat(body(asReview).at("/errors/0/field").asString()).isEqualTo("appointmentType");
        assertThat(onList(requestId)).isPresent();

        var booked = book(DemoUsers.PATIENT_ID, slot, requestId, "FULL_CONSULTATION");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(onList(requestId)).isEmpty();
    }

    private ApiCall.Response change(String appointmentId, String action, String body) {
        var path = url("/api/booking/appointments/" + appointmentId);
        var etag = ApiCall.get(path, tokenFor(DemoUsers.RECEPTIONIST)).header("ETag");
        return ApiCall.send("POST", path + "/" + action, tokenFor(DemoUsers.RECEPTIONIST), body,
                Map.of("If-Match", etag));
    }

    private Optional<JsonNode> onList(UUID requestId) {
        return body(ApiCall.get(url("/api/booking/review-requests?size=100"), tokenFor(DemoUsers.RECEPTIONIST)))
                .get("items").valueStream().filter(item -> item.get("id").asString().equals(requestId.toString()))
                .findFirst();
    }

    private ApiCall.Response book(UUID patient, String startsAt, UUID requestId) {
        return book(patient, startsAt, requestId, "POST_PROCEDURE_REVIEW");
    }

    private ApiCall.Response book(UUID patient, String startsAt, UUID requestId, String type) {
        return ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"%s","startsAt":"%s",
                 "reviewRequestId":"%s"}""".formatted(patient, DemoUsers.SURGEON_CLINICIAN_ID, type, startsAt,
                requestId));
    }

    private JsonNode awaitOnList(UUID requestId) throws InterruptedException {
        for (int attempt = 0; attempt < 150; attempt++) {
            var page = body(ApiCall.get(url("/api/booking/review-requests?size=100"),
                    tokenFor(DemoUsers.RECEPTIONIST)));
            var found = page.get("items").valueStream()
                    .filter(item -> item.get("id").asString().equals(requestId.toString())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Review request " + requestId + " never reached the to-book list");
    }

    private static String reviewRequested(UUID requestId, LocalDate windowStarts, LocalDate windowEnds) {
        return """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/followup-service",
                 "type":"clinic.followup.review-requested.v1","subject":"%s","time":"2026-11-25T10:00:00Z",
                 "datacontenttype":"application/json",
                 "data":{"requestId":"%s","patientId":"%s","surgeonId":"%s","procedureId":null,
                         "windowStarts":"%s","windowEnds":"%s"}}
                """.formatted(UUID.randomUUID(), requestId, requestId, DemoUsers.PATIENT_ID,
                DemoUsers.SURGEON_CLINICIAN_ID, windowStarts, windowEnds);
    }

    /** As followup-service sends a recall: no procedure, a reason and the type of appointment (JSON literals). */
    private static String requested(UUID requestId, LocalDate windowStarts, LocalDate windowEnds, String reason,
                                     String type) {
        return """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/followup-service",
                 "type":"clinic.followup.review-requested.v1","subject":"%s","time":"2026-11-25T10:00:00Z",
                 "datacontenttype":"application/json",
                 "data":{"requestId":"%s","patientId":"%s","surgeonId":"%s","procedureId":null,
                         "windowStarts":"%s","windowEnds":"%s","reason":%s,"appointmentType":%s}}
                """.formatted(UUID.randomUUID(), requestId, requestId, DemoUsers.PATIENT_ID,
                DemoUsers.SURGEON_CLINICIAN_ID, windowStarts, windowEnds, reason, type);
    }

    private static void publish(UUID key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("clinic.followup.review", key.toString(), value))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
