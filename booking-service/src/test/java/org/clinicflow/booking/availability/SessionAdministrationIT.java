package org.clinicflow.booking.availability;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinic-admin sets up a new surgeon's diary through the API, and every change that would strand a booked patient
 * is refused with nothing stored.
 */
class SessionAdministrationIT extends BookingServiceIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aNewSurgeonsDiaryIsBuiltChangedAndProtected() {
        var admin = tokenFor(DemoUsers.CLINIC_ADMIN);

        // Reception cannot add clinicians; a made-up profession is refused by name.
        assertThat(ApiCall.post(url("/api/booking/clinicians"), tokenFor(DemoUsers.RECEPTIONIST),
                newClinician("SURGEON")).status()).isEqualTo(403);
        var badProfession = ApiCall.post(url("/api/booking/clinicians"), admin, newClinician("WIZARD"));
        assertThat(badProfession.status()).isBetween(400, 422);
        assertThat(badProfession.body()).contains("profession");

        var created = ApiCall.post(url("/api/booking/clinicians"), admin, newClinician("SURGEON"));
        assertThat(created.status()).isEqualTo(201);
        var clinicianId = UUID.fromString(body(created).get("id").asString());

        var site = ApiCall.post(url("/api/booking/sites"), admin, """
                {"name":"Greenwich (test)","address":"1 Test Row, London","rooms":["Room 1","Room 2"]}""");
        assertThat(site.status()).isEqualTo(201);
        var siteId = body(site).get("id").asString();
        var roomId = body(site).get("rooms").get(0).get("id").asString();
        assertThat(ApiCall.post(url("/api/booking/sites"), admin, """
                {"name":"Twice","address":"2 Test Row","rooms":["A","a"]}""").body()).contains("rooms");

        // Wednesdays 14:00-17:00 from today; the clinic is offered at once, at 14:00 London time.
        var templates = url("/api/booking/clinicians/" + clinicianId + "/session-templates");
        var today = LocalDate.now(LONDON);
        var added = ApiCall.post(templates, admin, template(siteId, roomId, "14:00", "17:00", today));
        assertThat(added.status()).isEqualTo(201);
        var templateId = body(added).get("id").asString();
        var adminId = body(added).get("recordedBy").asString();
        assertThat(adminId).isNotBlank();
        var firstWednesday = today.plusDays(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        assertThat(firstSlotOn(clinicianId, firstWednesday)).isEqualTo(at(firstWednesday, "14:00"));

        // Two sessions at once, a session ending before it starts, another site's room: each refused, by name.
        var overlapping = ApiCall.post(templates, admin, template(siteId, null, "16:00", "18:00", today));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(body(overlapping).get("rule").asString()).isEqualTo("SESSIONS_DO_NOT_OVERLAP");
        assertThat(ApiCall.post(templates, admin, template(siteId, null, "17:00", "14:00", today)).body())
                .contains("endsAt");
        assertThat(ApiCall.post(templates, admin, template(DEMO_SITE, roomId, "09:00", "10:00", today)).body())
                .contains("roomId");
        assertThat(ApiCall.get(templates, admin).body()).contains(templateId).doesNotContain("16:00");

        // A patient is booked into the first Wednesday.
        var booked = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(DemoUsers.OTHER_PATIENT_ID, clinicianId, "FREE_CONSULTATION",
                        OffsetDateTime.parse(at(firstWednesday, "14:00"))));
        assertThat(booked.status()).isEqualTo(201);
        var appointmentId = body(booked).get("id").asString();

        // Leave on that Wednesday would strand the patient: refused, and no leave is stored.
        var leaveThatDay = ApiCall.post(url("/api/booking/session-exceptions"), admin,
                leave(clinicianId, firstWednesday));
        assertThat(leaveThatDay.status()).isEqualTo(409);
        assertThat(leaveThatDay.body()).contains(appointmentId);
        assertThat(body(leaveThatDay).get("rule").asString()).isEqualTo("NO_APPOINTMENT_STRANDED");
        assertThat(body(leaveThatDay).get("strandedAppointments").valueStream()
                .map(stranded -> stranded.get("appointmentId").asString())).containsExactly(appointmentId);
        assertThat(exceptionsOn(firstWednesday)).isEmpty();

        // Leave the week after is fine: that Wednesday has no slots until the leave is withdrawn.
        var secondWednesday = firstWednesday.plusWeeks(1);
        var leave = ApiCall.post(url("/api/booking/session-exceptions"), admin, leave(clinicianId, secondWednesday));
        assertThat(leave.status()).isEqualTo(201);
        assertThat(body(leave).get("recordedBy").asString()).isEqualTo(adminId);
        assertThat(firstSlotOn(clinicianId, secondWednesday)).isEqualTo(at(secondWednesday.plusWeeks(1), "14:00"));
        var withdrawn = ApiCall.send("DELETE", url("/api/booking/session-exceptions/" + body(leave).get("id")
                .asString()), admin, null, Map.of());
        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(firstSlotOn(clinicianId, secondWednesday)).isEqualTo(at(secondWednesday, "14:00"));

        // A one-off Friday morning clinic, and a second one overlapping it refused.
        var friday = firstWednesday.plusDays(2);
        var extra = ApiCall.post(url("/api/booking/session-exceptions"), admin, extra(clinicianId, siteId, friday,
                "09:00", "10:00"));
        assertThat(extra.status()).isEqualTo(201);
        assertThat(firstSlotOn(clinicianId, friday)).isEqualTo(at(friday, "09:00"));
        assertThat(ApiCall.post(url("/api/booking/session-exceptions"), admin, extra(clinicianId, siteId, friday,
                "09:30", "11:00")).status()).isEqualTo(409);

        // Ending the Wednesdays before the booked one is refused; making the surgeon inactive too.
        var end = url("/api/booking/session-templates/" + templateId + "/end");
        var endTooSoon = ApiCall.post(end, admin, "{\"lastDate\":\"%s\"}".formatted(firstWednesday.minusDays(1)));
        assertThat(endTooSoon.status()).isEqualTo(409);
        assertThat(ApiCall.get(templates, admin).body()).doesNotContain(firstWednesday.minusDays(1).toString());
        var clinician = ApiCall.get(url("/api/booking/clinicians/" + clinicianId), admin);
        var inactive = "{\"displayName\":\"Ms Test Surgeon\",\"specialty\":\"Spinal surgery\",\"active\":false}";
        var deactivate = ApiCall.send("PUT", url("/api/booking/clinicians/" + clinicianId), admin, inactive,
                Map.of("If-Match", clinician.header("ETag")));
        assertThat(deactivate.status()).isEqualTo(409);

        // Once the patient is moved off the diary, both go through; a stale ETag is refused first.
        var appointment = ApiCall.get(url("/api/booking/appointments/" + appointmentId), admin);
        assertThat(ApiCall.send("POST", url("/api/booking/appointments/" + appointmentId + "/cancel"), admin,
                "{\"reason\":\"Surgeon leaving the clinic\"}", Map.of("If-Match", appointment.header("ETag")))
                .status()).isEqualTo(200);
        assertThat(ApiCall.send("DELETE", url("/api/booking/session-exceptions/" + body(extra).get("id")
                .asString()), admin, null, Map.of()).status()).isEqualTo(204);
        var ended = ApiCall.post(end, admin, "{\"lastDate\":\"%s\"}".formatted(today));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(body(ended).get("endedBy").asString()).isEqualTo(adminId);
        assertThat(ApiCall.send("PUT", url("/api/booking/clinicians/" + clinicianId), admin, inactive,
                Map.of("If-Match", "\"999\"")).status()).isEqualTo(412);
        assertThat(ApiCall.send("PUT", url("/api/booking/clinicians/" + clinicianId), admin, inactive,
                Map.of("If-Match", clinician.header("ETag"))).status()).isEqualTo(200);
        assertThat(ApiCall.get(url("/api/booking/clinicians"), admin).body()).doesNotContain(clinicianId.toString());
        assertThat(ApiCall.get(url("/api/booking/clinicians?includeInactive=true"), admin).body())
                .contains(clinicianId.toString());
    }

    @Test
    void aBankHolidayOnADayWithBookingsIsRefusedAndStoresNothing() {
        var admin = tokenFor(DemoUsers.CLINIC_ADMIN);
        var slot = nextSlot();
        assertThat(book(DemoUsers.PATIENT_ID, slot).status()).isEqualTo(201);
        var day = slot.atZoneSameInstant(LONDON).toLocalDate();
        var holiday = ApiCall.post(url("/api/booking/session-exceptions"), admin, """
                {"change":"CANCELLED","onDate":"%s","reason":"Bank holiday (test)"}""".formatted(day));
        assertThat(holiday.status()).isEqualTo(409);
        assertThat(exceptionsOn(day)).isEmpty();
        assertThat(ApiCall.post(url("/api/booking/session-exceptions"), admin, """
                {"change":"EXTRA","onDate":"%s","reason":"Missing everything"}""".formatted(day)).body())
                .contains("clinicianId", "siteId", "startsAt", "endsAt", "kind");
    }

    private static final String DEMO_SITE = "50000000-0000-4000-a000-000000000001";

    private static String newClinician(String profession) {
        return """
                {"displayName":"Ms Test Surgeon","profession":"%s","specialty":"Spinal surgery"}""".formatted(profession);
    }

    private static String template(String siteId, String roomId, String startsAt, String endsAt, LocalDate from) {
        return """
                {"siteId":"%s","roomId":%s,"dayOfWeek":"WEDNESDAY","startsAt":"%s","endsAt":"%s","kind":"CLINIC",
                 "validFrom":"%s"}""".formatted(siteId, roomId == null ? "null" : "\"" + roomId + "\"", startsAt,
                endsAt, from);
    }

    private static String leave(UUID clinicianId, LocalDate day) {
        return """
                {"change":"CANCELLED","clinicianId":"%s","onDate":"%s","reason":"Annual leave"}"""
                .formatted(clinicianId, day);
    }

    private static String extra(UUID clinicianId, String siteId, LocalDate day, String startsAt, String endsAt) {
        return """
                {"change":"EXTRA","clinicianId":"%s","onDate":"%s","siteId":"%s","startsAt":"%s","endsAt":"%s",
                 "kind":"CLINIC","reason":"Waiting-list initiative"}""".formatted(clinicianId, day, siteId, startsAt,
                endsAt);
    }

    private String firstSlotOn(UUID clinicianId, LocalDate day) {
        var from = day.atStartOfDay(LONDON).toInstant();
        var response = ApiCall.get(url("/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + clinicianId + "&limit=1&from=" + from), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).isEqualTo(200);
        return OffsetDateTime.parse(body(response).get(0).get("startsAt").asString()).toString();
    }

    private static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(LONDON).toOffsetDateTime().toString();
    }

    private List<String> exceptionsOn(LocalDate day) {
        var response = ApiCall.get(url("/api/booking/session-exceptions?from=" + day + "&to=" + day),
                tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(response.status()).isEqualTo(200);
        return body(response).valueStream().map(e -> e.get("id").asString()).toList();
    }
}
