package org.clinicflow.booking.availability;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityIT extends BookingServiceIT {

    private static final UUID REID = DemoUsers.SURGEON_CLINICIAN_ID;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void earliestSlotsComeEarliestFirstAndSkipBookedTimes() {
        var slots = slots("FREE_CONSULTATION", null, "2027-02-01T00:00:00Z", 40);
        var starts = slots.stream().map(s -> OffsetDateTime.parse(s.get("startsAt").asString()).toInstant()).toList();
        assertThat(starts).isSorted();
        assertThat(slots.stream().map(s -> s.get("clinicianId").asString() + s.get("startsAt").asString()).toList())
                .doesNotHaveDuplicates();
        // Dr Ellis's clinic opens at 08:00 on Mondays: the first free consultation of the week is his.
        assertThat(slots.getFirst().get("startsAt").asString()).isEqualTo("2027-02-01T08:00:00Z");

        var booked = book(DemoUsers.PATIENT_ID, OffsetDateTime.parse("2027-02-01T09:00:00Z"));
        assertThat(booked.status()).isEqualTo(201);
        var reidAfter = slots("FREE_CONSULTATION", REID, "2027-02-01T00:00:00Z", 3);
        assertThat(reidAfter).extracting(s -> s.get("startsAt").asString())
                .containsExactly("2027-02-01T09:15:00Z", "2027-02-01T09:30:00Z", "2027-02-01T09:45:00Z");
    }

    @Test
    void proceduresAreOfferedOnlyInSurgeonsTheatreSessions() {
        var slots = slots("PROCEDURE", null, "2027-02-01T00:00:00Z", 10);
        assertThat(slots).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.get("clinicianId").asString()).isIn(REID.toString(),
                    DemoUsers.OTHER_SURGEON_CLINICIAN_ID.toString());
            var start = OffsetDateTime.parse(slot.get("startsAt").asString()).atZoneSameInstant(LONDON);
            // Mr Reid operates on Tuesday afternoons, Ms Hart on Thursday mornings.
            assertThat(start.getDayOfWeek().getValue()).isIn(2, 4);
        });
    }

    @Test
    void aNineOClockClinicStaysAtNineAcrossTheSpringClockChange() {
        // Clocks go forward at 01:00 GMT on Sunday 28 March 2027. Mr Reid's clinic runs Monday to Saturday 09:00-13:00.
        var byDate = reidsFreeConsultations("2027-03-26T00:00:00Z", "2027-03-30");
        assertThat(byDate.get(LocalDate.parse("2027-03-27")).getFirst()).isEqualTo("2027-03-27T09:00Z");
        assertThat(byDate.get(LocalDate.parse("2027-03-29")).getFirst()).isEqualTo("2027-03-29T09:00+01:00");
        // The same sixteen slots every day: none shifted, vanished or doubled.
        assertThat(byDate.values()).allSatisfy(day -> assertThat(day).hasSize(16).doesNotHaveDuplicates());
        assertThat(byDate.get(LocalDate.parse("2027-03-29"))).allSatisfy(start ->
                assertThat(OffsetDateTime.parse(start).getOffset()).isEqualTo(ZoneOffset.ofHours(1)));
    }

    @Test
    void aNineOClockClinicStaysAtNineAcrossTheAutumnClockChange() {
        // Clocks go back at 02:00 BST on Sunday 31 October 2027.
        var byDate = reidsFreeConsultations("2027-10-29T00:00:00Z", "2027-11-02");
        assertThat(byDate.get(LocalDate.parse("2027-10-30")).getFirst()).isEqualTo("2027-10-30T09:00+01:00");
        assertThat(byDate.get(LocalDate.parse("2027-11-01")).getFirst()).isEqualTo("2027-11-01T09:00Z");
        assertThat(byDate.values()).allSatisfy(day -> assertThat(day).hasSize(16).doesNotHaveDuplicates());
        assertThat(byDate.get(LocalDate.parse("2027-11-01")).getLast()).isEqualTo("2027-11-01T12:45Z");
    }

    @Test
    void aNightSessionAcrossEitherClockChangeOffersEachTimeOnceAtItsTrueLengthAndBooksIt() {
        // Dr Ellis (a specialist, so only consultations) gets an extra 00:00-04:00 clinic on each change night.
        var ellis = "c0000000-0000-4000-a000-000000000004";
        var admin = tokenFor(DemoUsers.CLINIC_ADMIN);
        for (var night : List.of("2027-03-28", "2027-10-31")) {
            var extra = ApiCall.post(url("/api/booking/session-exceptions"), admin, """
                    {"change":"EXTRA","clinicianId":"%s","onDate":"%s","siteId":"50000000-0000-4000-a000-000000000001",
                     "startsAt":"00:00","endsAt":"04:00","kind":"CLINIC","reason":"Clock-change night clinic"}"""
                    .formatted(ellis, night));
            assertThat(extra.status()).as(extra.body()).isEqualTo(201);
        }

        var spring = nightSlots(ellis, "2027-03-28");
        // The hour from 01:00 does not happen: nothing is laid in it, nor moved onto 02:00, and no time is doubled.
        assertThat(spring.keySet()).extracting(start -> start.atZoneSameInstant(LONDON).toLocalTime().toString())
                .containsExactly("00:00", "00:15", "00:30", "00:45", "02:00", "02:15", "02:30", "02:45", "03:00",
                        "03:15", "03:30", "03:45");
        var autumn = nightSlots(ellis, "2027-10-31");
        // The hour from 01:00 happens twice: each wall-clock time is offered once, and none lasts 75 minutes.
        assertThat(autumn).hasSize(16);
        for (var slots : List.of(spring, autumn)) {
            slots.forEach((start, end) -> assertThat(java.time.Duration.between(start, end))
                    .as("the slot at %s", start).isEqualTo(java.time.Duration.ofMinutes(15)));
        }

        // The slots either side of each change book, and end a quarter of an hour after they start.
        for (var start : List.of("2027-03-28T00:45Z", "2027-03-28T02:00+01:00", "2027-10-31T01:45+01:00",
                "2027-10-31T02:00Z")) {
            var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                    bookingJson(DemoUsers.OTHER_PATIENT_ID, UUID.fromString(ellis), "FREE_CONSULTATION",
                            OffsetDateTime.parse(start)));
            assertThat(booked.status()).as(start + ": " + booked.body()).isEqualTo(201);
            var bookedStart = OffsetDateTime.parse(body(booked).get("startsAt").asString());
            var bookedEnd = OffsetDateTime.parse(body(booked).get("endsAt").asString());
            assertThat(bookedStart.toInstant()).isEqualTo(OffsetDateTime.parse(start).toInstant());
            assertThat(java.time.Duration.between(bookedStart, bookedEnd)).isEqualTo(java.time.Duration.ofMinutes(15));
        }
        assertThat(nightSlots(ellis, "2027-03-28")).hasSize(10);
        assertThat(nightSlots(ellis, "2027-10-31")).hasSize(14);
    }

    /** One clinician's free consultations on a night, start to end, in order. */
    private Map<OffsetDateTime, OffsetDateTime> nightSlots(String clinician, String night) {
        var from = LocalDate.parse(night).atStartOfDay(LONDON).toInstant();
        var nextDay = LocalDate.parse(night).plusDays(1).atStartOfDay(LONDON).toInstant();
        var slots = new java.util.LinkedHashMap<OffsetDateTime, OffsetDateTime>();
        slots("FREE_CONSULTATION", UUID.fromString(clinician), from.toString(), 40).stream()
                .filter(slot -> OffsetDateTime.parse(slot.get("startsAt").asString()).toInstant().isBefore(nextDay))
                .forEach(slot -> slots.put(OffsetDateTime.parse(slot.get("startsAt").asString()),
                        OffsetDateTime.parse(slot.get("endsAt").asString())));
        return slots;
    }

    @Test
    void bankHolidaysHaveNoSessions() {
        var slots = slots("FREE_CONSULTATION", null, "2027-01-01T00:00:00Z", 1);
        // 1 January 2027 is a Friday and a bank holiday: the first slot is on Saturday the 2nd.
        assertThat(OffsetDateTime.parse(slots.getFirst().get("startsAt").asString()).toLocalDate())
                .isEqualTo(LocalDate.parse("2027-01-02"));
    }

    @Test
    void aSearchNeedsAKnownAppointmentTypeAndASensibleLimit() {
        var token = tokenFor(DemoUsers.RECEPTIONIST);
        var unknownType = ApiCall.get(url("/api/booking/availability?appointmentType=MASSAGE"), token);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(body(unknownType).at("/errors/0/field").asString()).isEqualTo("appointmentType");
        var tooMany = ApiCall.get(url("/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=100000"),
                token);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("limit");
        assertThat(ApiCall.get(url("/api/booking/availability?appointmentType=FREE_CONSULTATION"),
                tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
    }

    /** Mr Reid's free consultation start times per clinic date, as the API shows them (clinic time with offset). */
    private Map<LocalDate, List<String>> reidsFreeConsultations(String from, String beforeDate) {
        var end = LocalDate.parse(beforeDate).atTime(LocalTime.MIDNIGHT).atZone(LONDON).toInstant();
        return slots("FREE_CONSULTATION", REID, from, 100).stream()
                .map(s -> OffsetDateTime.parse(s.get("startsAt").asString()))
                .filter(start -> start.toInstant().isBefore(end))
                .collect(Collectors.groupingBy(OffsetDateTime::toLocalDate, java.util.TreeMap::new,
                        Collectors.mapping(OffsetDateTime::toString, Collectors.toList())));
    }

    private List<JsonNode> slots(String type, UUID clinician, String from, int limit) {
        var response = ApiCall.get(url("/api/booking/availability?appointmentType=" + type + "&from=" + from
                + "&limit=" + limit + (clinician == null ? "" : "&clinicianId=" + clinician)),
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return body(response).valueStream().toList();
    }
}
