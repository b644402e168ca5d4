package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

class AccessClockIT extends BookingServiceIT {

    @Autowired
    AccessClock clock;

    @Test
    void anEnquiryKnowsItsDeadlineAndNeedsNoReferral() {
        var firstContact = OffsetDateTime.now(ZoneId.of("Europe/London")).minusHours(3).withNano(0);
        var enquiry = record("PHONE", firstContact, null);
        assertThat(OffsetDateTime.parse(enquiry.get("deadline").asString()).toInstant())
                .isEqualTo(firstContact.plusHours(48).toInstant());
        assertThat(enquiry.get("referrer").isNull()).isTrue();
        assertThat(enquiry.get("booked").asBoolean()).isFalse();

        var withGp = record("WEB", firstContact, "Dr A. Example, Example Surgery");
        assertThat(withGp.get("referrer").asString()).isEqualTo("Dr A. Example, Example Surgery");
    }

    @Test
    void earliestSlotsForAnEnquirySayWhetherEachKeepsThePromise() {
        var enquiry = record("PHONE", OffsetDateTime.now().minusHours(47), null);
        var offers = body(ApiCall.get(url("/api/booking/enquiries/" + enquiry.get("id").asString()
                + "/earliest-slots?limit=50"), tokenFor(DemoUsers.RECEPTIONIST)));
        var deadline = OffsetDateTime.parse(enquiry.get("deadline").asString()).toInstant();
        assertThat(offers.size()).isGreaterThan(0);
        offers.valueStream().forEach(offer -> assertThat(offer.get("withinTarget").asBoolean())
                .isEqualTo(!OffsetDateTime.parse(offer.get("startsAt").asString()).toInstant().isAfter(deadline)));
        assertThat(offers.valueStream().map(o -> o.get("withinTarget").asBoolean())).contains(false);
    }

    @Test
    void anUnbookedEnquiryNearItsDeadlineIsWarnedOnceAndAMissedOneIsBreachedOnce() {
        var nearDeadline = record("PHONE", OffsetDateTime.now().minusHours(40), null);
        var missed = record("WEB", OffsetDateTime.now().minusHours(49), null);

        clock.check();
        clock.check(); // a second pass raises nothing new

        assertThat(eventsFor(nearDeadline, "clinic.booking.access-target-at-risk.v1")).isEqualTo(1);
        assertThat(eventsFor(nearDeadline, "clinic.booking.access-target-breached.v1")).isZero();
        assertThat(eventsFor(missed, "clinic.booking.access-target-breached.v1")).isEqualTo(1);
        assertThat(read(nearDeadline).get("atRiskAt").isNull()).isFalse();
        assertThat(read(missed).get("breachedAt").isNull()).isFalse();
        var event = jdbc.sql("select payload::text from outbox_event where record_key = :id")
                .param("id", missed.get("id").asString()).query(String.class).single();
        assertThat(EventContracts.violations(event)).isEmpty();
    }

    @Test
    void anEnquiryBookedAndSeenWithinTargetRaisesNothingAndCountsInTheReport() {
        // The first contact is set 47 hours before the earliest free slot, so that the deadline is an hour after it
        // whatever the time of day the test runs (the demo diary never has a gap of 47 hours).
        var earliest = OffsetDateTime.parse(body(ApiCall.get(url(
                "/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=1"),
                tokenFor(DemoUsers.RECEPTIONIST))).get(0).get("startsAt").asString());
        var now = OffsetDateTime.now();
        var firstContact = earliest.minusHours(47).isBefore(now) ? earliest.minusHours(47) : now;
        var enquiry = record("PHONE", firstContact, null);
        var id = enquiry.get("id").asString();
        var offer = body(ApiCall.get(url("/api/booking/enquiries/" + id + "/earliest-slots?limit=1"),
                tokenFor(DemoUsers.RECEPTIONIST))).get(0);
        assertThat(offer.get("withinTarget").asBoolean()).isTrue();
        assertThat(awaitingBooking()).contains(id);

        var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s",
                 "enquiryId":"%s"}""".formatted(DemoUsers.PATIENT_ID, offer.get("clinicianId").asString(),
                offer.get("startsAt").asString(), id));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(awaitingBooking()).doesNotContain(id);
        clock.check();
        assertThat(eventsFor(enquiry, "clinic.booking.access-target-at-risk.v1")).isZero();
        assertThat(read(enquiry).get("bookedWithinTarget").asBoolean()).isTrue();

        wallClock.moveTo(OffsetDateTime.parse(body(booked).get("startsAt").asString()).toInstant()
                .minusSeconds(600));
        var checkIn = post("/api/booking/appointments/" + body(booked).get("id").asString() + "/check-in",
                "\"" + body(booked).get("version").asLong() + "\"");
        assertThat(checkIn.statusCode()).isEqualTo(200);
        assertThat(read(enquiry).get("seenWithinTarget").asBoolean()).isTrue();

        var week = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10);
        var report = body(ApiCall.get(url("/api/booking/reports/access?from=" + week + "&to="
                + LocalDate.now().plusDays(2)), tokenFor(DemoUsers.CLINIC_ADMIN)));
        assertThat(report.size()).isGreaterThan(0);
        long seenWithinTarget = report.valueStream().mapToLong(w -> w.get("seenWithinTarget").asLong()).sum();
        assertThat(seenWithinTarget).isGreaterThanOrEqualTo(1);
        report.valueStream().forEach(w -> assertThat(w.get("shareSeenWithinTarget").asDouble())
                .isEqualTo((double) w.get("seenWithinTarget").asLong() / w.get("enquiries").asLong()));
    }

    @Test
    void theWeeklyAccessReportReadsAsCsvWithTheSameWeeksAsTheJson() {
        var record = ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.RECEPTIONIST),
                "{\"channel\":\"PHONE\",\"firstContactAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}");
        assertThat(record.status()).isEqualTo(201);
        var from = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10);
        var to = LocalDate.now().plusDays(2);
        var query = "/api/booking/reports/access?from=" + from + "&to=" + to;
        var weeks = body(ApiCall.get(url(query), tokenFor(DemoUsers.CLINIC_ADMIN)));

        var negotiated = ApiCall.send("GET", url(query), tokenFor(DemoUsers.CLINIC_ADMIN), null,
                java.util.Map.of("Accept", "text/csv"));
        var byParameter = ApiCall.get(url(query + "&format=csv"), tokenFor(DemoUsers.CLINIC_ADMIN));
        for (var csv : java.util.List.of(negotiated, byParameter)) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).startsWith("attachment")
                    .contains("access-report-" + from + "-to-" + to + ".csv");
            var lines = csv.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("week_starting,enquiries,seen,seen_within_48_hours,"
                    + "share_seen_within_48_hours,median_hours_to_appointment");
            assertThat(lines).hasSize(weeks.size() + 1);
            var first = weeks.get(0);
            assertThat(lines[1]).startsWith(first.get("weekStarting").asString() + ","
                    + first.get("enquiries").asLong() + "," + first.get("seen").asLong() + ",");
        }
        var backwards = ApiCall.get(url("/api/booking/reports/access?from=" + to + "&to=" + from + "&format=csv"),
                tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(body(backwards).at("/errors/0/field").asString()).isEqualTo("to");
        assertThat(ApiCall.get(url(query + "&format=csv"), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
    }

    @Test
    void anEnquiryFromTheFutureOrWithoutAChannelIsRefused() {
        var future = ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.RECEPTIONIST),
                "{\"channel\":\"PHONE\",\"firstContactAt\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(body(future).at("/errors/0/field").asString()).isEqualTo("firstContactAt");
        var noChannel = ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.RECEPTIONIST), "{}");
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(body(noChannel).at("/errors/0/field").asString()).isEqualTo("channel");
        assertThat(ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.SURGEON),
                "{\"channel\":\"PHONE\"}").status()).isEqualTo(403);
        assertThat(ApiCall.get(url("/api/booking/enquiries/awaiting-booking"), tokenFor(DemoUsers.SURGEON)).status())
                .isEqualTo(403);
        assertThat(ApiCall.get(url("/api/booking/enquiries/awaiting-booking?size=0"),
                tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(400);
    }

    private JsonNode record(String channel, OffsetDateTime firstContact, String referrer) {
        var response = ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"channel":"%s","firstContactAt":"%s"%s}""".formatted(channel, firstContact.toInstant(),
                referrer == null ? "" : ",\"referrer\":\"" + referrer + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return body(response);
    }

    /** Reception's worklist, most urgent first: the ids on it. */
    private java.util.List<String> awaitingBooking() {
        var response = ApiCall.get(url("/api/booking/enquiries/awaiting-booking?size=100"),
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).isEqualTo(200);
        var items = body(response).get("items").valueStream().toList();
        // Red flags waiting for a call back come first (SelfReferralIT); the rest by deadline.
        var routine = items.stream().filter(e -> !e.get("urgent").asBoolean()).toList();
        assertThat(items.subList(items.size() - routine.size(), items.size())).isEqualTo(routine);
        assertThat(routine.stream().map(e -> e.get("deadline").asString()).map(OffsetDateTime::parse)
                .map(OffsetDateTime::toInstant).toList()).isSorted();
        return items.stream().map(e -> e.get("id").asString()).toList();
    }

    private JsonNode read(JsonNode enquiry) {
        return body(ApiCall.get(url("/api/booking/enquiries/" + enquiry.get("id").asString()),
                tokenFor(DemoUsers.RECEPTIONIST)));
    }

    private long eventsFor(JsonNode enquiry, String type) {
        return jdbc.sql("select count(*) from outbox_event where record_key = :id and event_type = :type")
                .param("id", enquiry.get("id").asString()).param("type", type).query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String ifMatch) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Bearer " + tokenFor(DemoUsers.RECEPTIONIST))
                    .header("If-Match", ifMatch)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
