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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
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

    private ApiCall.Response book(UUID patient, String startsAt, UUID requestId) {
        return ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"POST_PROCEDURE_REVIEW","startsAt":"%s",
                 "reviewRequestId":"%s"}""".formatted(patient, DemoUsers.SURGEON_CLINICIAN_ID, startsAt, requestId));
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

    private static void publish(UUID key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("clinic.followup.review", key.toString(), value))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
