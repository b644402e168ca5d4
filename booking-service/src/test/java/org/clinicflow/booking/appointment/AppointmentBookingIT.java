package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentBookingIT extends BookingServiceIT {

    @Test
    void receptionistBooksAConsultationAndItsEventHonoursTheContract() {
        var startsAt = nextSlot();
        var response = book(DemoUsers.PATIENT_ID, startsAt);

        assertThat(response.status()).isEqualTo(201);
        var appointment = body(response);
        var id = appointment.get("id").asString();
        assertThat(response.header("Location")).endsWith("/api/booking/appointments/" + id);
        assertThat(OffsetDateTime.parse(appointment.get("startsAt").asString()).toInstant())
                .isEqualTo(startsAt.toInstant());
        var endsAt = OffsetDateTime.parse(appointment.get("endsAt").asString());
        assertThat(endsAt.toInstant()).isEqualTo(startsAt.plusMinutes(15).toInstant());
        assertThat(endsAt.getOffset()).isEqualTo(ZoneId.of("Europe/London").getRules().getOffset(endsAt.toInstant()));
        assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");

        var record = awaitRecord("clinic.booking.appointment", id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(EventContracts.violations(record.value())).isEmpty();
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        var event = json.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo("clinic.booking.appointment-booked.v1");
        assertThat(event.at("/data/patientId").asString()).isEqualTo(DemoUsers.PATIENT_ID.toString());
        assertThat(event.at("/data/clinicianId").asString()).isEqualTo(DemoUsers.SURGEON_CLINICIAN_ID.toString());
        // Where and with whom, for the patient's messages: Mr Reid's clinics are at London Bridge.
        assertThat(event.at("/data/clinicianName").asString()).isEqualTo("Mr Samuel Reid");
        assertThat(event.at("/data/siteName").asString()).isEqualTo("London Bridge");
        assertThat(event.at("/data/siteAddress").asString()).isEqualTo("[Demo] 1 Example Street, London SE1");
        // Nothing that names or contacts the patient (Pat Demo, born 1948) travels on the bus.
        assertThat(record.value()).doesNotContain("\"Pat\"", "\"Demo\"", "example.test", "7700", "1948-05-12",
                "9434765919");
    }

    @Test
    void manyReceptionistsRacingForOneSlotGiveExactlyOneBooking() throws Exception {
        var startsAt = nextSlot();
        int racers = 16;
        var tasks = new ArrayList<Callable<ApiCall.Response>>();
        for (int i = 0; i < racers; i++) {
            var patient = i % 2 == 0 ? DemoUsers.PATIENT_ID : DemoUsers.OTHER_PATIENT_ID;
            tasks.add(() -> book(patient, startsAt));
        }
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(racers)) {
            for (Future<ApiCall.Response> result : pool.invokeAll(tasks)) {
                statuses.add(result.get().status());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(racers - 1);
        assertThat(jdbc.sql("select count(*) from appointment where clinician_id = :c and starts_at = :t")
                .param("c", DemoUsers.SURGEON_CLINICIAN_ID).param("t", startsAt)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("""
                        select count(*) from outbox_event o join appointment a on o.record_key = a.id::text
                        where a.clinician_id = :c and a.starts_at = :t""")
                .param("c", DemoUsers.SURGEON_CLINICIAN_ID).param("t", startsAt)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void onlyReceptionAndClinicAdminMayBook() {
        var request = bookingJson(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, "FREE_CONSULTATION",
                nextSlot());
        var url = url("/api/booking/appointments");

        assertThat(ApiCall.post(url, null, request).status()).isEqualTo(401);
        assertThat(ApiCall.post(url, "not-a-token", request).status()).isEqualTo(401);
        assertThat(ApiCall.post(url, tokenFor(DemoUsers.SURGEON), request).status()).isEqualTo(403);
        assertThat(ApiCall.post(url, tokenFor(DemoUsers.PATIENT), request).status()).isEqualTo(403);
        assertThat(ApiCall.post(url, tokenFor(DemoUsers.CLINIC_ADMIN), request).status()).isEqualTo(201);
    }

    @Test
    void aPatientReadsTheirOwnAppointmentButNotAnotherPatients() {
        var mine = body(book(DemoUsers.PATIENT_ID, nextSlot())).get("id").asString();
        var theirs = body(book(DemoUsers.OTHER_PATIENT_ID, nextSlot())).get("id").asString();

        assertThat(ApiCall.get(url("/api/booking/appointments/" + mine), tokenFor(DemoUsers.PATIENT)).status())
                .isEqualTo(200);
        var refused = ApiCall.get(url("/api/booking/appointments/" + theirs), tokenFor(DemoUsers.PATIENT));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain(DemoUsers.OTHER_PATIENT_ID.toString());
        var list = ApiCall.get(url("/api/booking/appointments/mine"), tokenFor(DemoUsers.PATIENT));
        assertThat(list.body()).contains(mine).doesNotContain(theirs);
    }

    @Test
    void badRequestsGetProblemDetailsNamingTheFieldAndStoreNothing() {
        long appointmentsBefore = count("appointment");
        long eventsBefore = count("outbox_event");
        var url = url("/api/booking/appointments");
        var token = tokenFor(DemoUsers.RECEPTIONIST);
        var slot = nextSlot();

        var malformed = ApiCall.post(url, token, "{\"patientId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(body(malformed).get("title").asString()).isEqualTo("Malformed JSON");

        var wrongType = ApiCall.post(url, token, bookingJson(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID,
                "FREE_CONSULTATION", slot).replace("\"" + slot + "\"", "\"next tuesday\""));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(body(wrongType).at("/errors/0/field").asString()).isEqualTo("startsAt");

        var unknownType = ApiCall.post(url, token, bookingJson(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID,
                "MASSAGE", slot));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(body(unknownType).at("/errors/0/field").asString()).isEqualTo("appointmentType");

        var missing = ApiCall.post(url, token, "{\"patientId\":\"" + DemoUsers.PATIENT_ID + "\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("clinicianId", "appointmentType", "startsAt");

        var unknownPatient = ApiCall.post(url, token, bookingJson(UUID.randomUUID(), DemoUsers.SURGEON_CLINICIAN_ID,
                "FREE_CONSULTATION", slot));
        assertThat(unknownPatient.status()).isEqualTo(422);
        assertThat(body(unknownPatient).at("/errors/0/field").asString()).isEqualTo("patientId");

        var unknownClinician = ApiCall.post(url, token, bookingJson(DemoUsers.PATIENT_ID, UUID.randomUUID(),
                "FREE_CONSULTATION", slot));
        assertThat(unknownClinician.status()).isEqualTo(422);
        assertThat(body(unknownClinician).at("/errors/0/field").asString()).isEqualTo("clinicianId");

        var past = ApiCall.post(url, token, bookingJson(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID,
                "FREE_CONSULTATION", OffsetDateTime.now().minusDays(1)));
        assertThat(past.status()).isEqualTo(422);
        assertThat(body(past).at("/errors/0/field").asString()).isEqualTo("startsAt");

        var unknownId = ApiCall.get(url("/api/booking/appointments/" + UUID.randomUUID()), token);
        assertThat(unknownId.status()).isEqualTo(404);
        var notAnId = ApiCall.get(url("/api/booking/appointments/12"), token);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(body(notAnId).at("/errors/0/field").asString()).isEqualTo("id");

        assertThat(count("appointment")).isEqualTo(appointmentsBefore);
        assertThat(count("outbox_event")).isEqualTo(eventsBefore);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
