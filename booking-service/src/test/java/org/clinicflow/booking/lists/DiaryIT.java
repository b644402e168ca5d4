package org.clinicflow.booking.lists;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiaryIT extends BookingServiceIT {

    @Test
    void aClinicianSDayShowsEveryAppointmentWithItsStatusCancelledOnesIncluded() {
        var slot = nextSlot();
        var booked = body(book(DemoUsers.PATIENT_ID, slot));
        var id = booked.get("id").asString();
        var day = slot.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        var diary = "/api/booking/diary?date=" + day + "&clinicianId=" + DemoUsers.SURGEON_CLINICIAN_ID;

        var before = body(ApiCall.get(url(diary), tokenFor(DemoUsers.RECEPTIONIST)));
        var entry = findEntry(before, id);
        assertThat(entry.get("patientName").asString()).isEqualTo("Pat Demo");
        assertThat(entry.get("status").asString()).isEqualTo("BOOKED");
        assertThat(entry.get("siteId").asString()).isEqualTo(booked.get("siteId").asString());

        var cancelled = ApiCall.send("POST", url("/api/booking/appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"reason\":\"Patient rang to cancel\"}",
                Map.of("If-Match", "\"" + booked.get("version").asLong() + "\""));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        var after = body(ApiCall.get(url(diary), tokenFor(DemoUsers.CLINIC_ADMIN)));
        assertThat(findEntry(after, id).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aSiteSWeekHoldsItsAppointmentsAndNoOtherSites() {
        var slot = nextSlot();
        var booked = body(book(DemoUsers.OTHER_PATIENT_ID, slot));
        var day = slot.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        var site = booked.get("siteId").asString();

        var week = body(ApiCall.get(url("/api/booking/diary?date=" + day.minusDays(3) + "&days=7&siteId=" + site),
                tokenFor(DemoUsers.RECEPTIONIST)));
        assertThat(findEntry(week, booked.get("id").asString())).isNotNull();
        week.forEach(entry -> assertThat(entry.get("siteId").asString()).isEqualTo(site));
    }

    @Test
    void theDiaryNeedsASiteOrAClinicianAndIsReceptionSOnly() {
        var unnamed = ApiCall.get(url("/api/booking/diary?date=2026-12-01"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.body()).contains("siteId");

        var surgeon = ApiCall.get(url("/api/booking/diary?date=2026-12-01&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID), tokenFor(DemoUsers.SURGEON));
        assertThat(surgeon.status()).isEqualTo(403);
    }

    private static tools.jackson.databind.JsonNode findEntry(tools.jackson.databind.JsonNode entries, String id) {
        for (var entry : entries) {
            if (entry.get("appointmentId").asString().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("Appointment " + id + " is not in the diary: " + entries);
    }
}
