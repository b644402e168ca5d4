package org.clinicflow.booking.web;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.platform.web.DatabaseRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client is told, and what the log keeps, when the database itself refuses a change. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRulesIT extends BookingServiceIT {

    @Autowired
    DatabaseRules rules;

    @Test
    void everyConstraintOfTheSchemaSaysWhatItProtects() {
        assertThat(rules.undescribed(jdbc)).as("constraints without a line in db/rules.properties").isEmpty();
    }

    @Test
    void aPatientBookedTwiceAtOnceIsToldWhyAndTheLogKeepsTheRuleNotTheRow(CapturedOutput output) {
        var patient = registerPatient();
        var time = aTimeBothSurgeonsHaveFree();
        var first = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(patient, DemoUsers.SURGEON_CLINICIAN_ID, "FREE_CONSULTATION", time));
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        var second = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(patient, ELLIS, "FREE_CONSULTATION", time));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(body(second).get("rule").asString()).isEqualTo("appointment_patient_not_double_booked");
        assertThat(body(second).get("type").asString()).isEqualTo("https://clinicflow.example/problems/database-rule");
        assertThat(body(second).get("detail").asString()).contains("patient already has an appointment");
        assertThat(body(second).at("/errors/0/field").asString()).isEqualTo("startsAt");
        assertThat(jdbc.sql("select count(*) from appointment where patient_id = :id").param("id", patient)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(output.getAll()).contains("Request refused by database rule appointment_patient_not_double_booked")
                .doesNotContain(patient.toString());
    }

    private UUID registerPatient() {
        var response = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"Imogen","familyName":"Twiceover","dateOfBirth":"1950-06-01",
                 "email":"imogen@example.test","emailConsent":true,"smsConsent":false}""");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(body(response).get("id").asString());
    }

    /** Dr Ellis: morning clinics, as Mr Reid's are. */
    private static final UUID ELLIS = UUID.fromString("c0000000-0000-4000-a000-000000000004");

    /** A free consultation start that Mr Reid and Dr Ellis both have, some days ahead. */
    private OffsetDateTime aTimeBothSurgeonsHaveFree() {
        var from = Instant.now().plus(Duration.ofDays(3));
        var reid = new HashSet<Instant>();
        slots(DemoUsers.SURGEON_CLINICIAN_ID, from).forEach(slot -> reid.add(slot.toInstant()));
        // The last one in common, clear of the slots other tests take from the start of the diary.
        return slots(ELLIS, from).stream().filter(slot -> reid.contains(slot.toInstant()))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("The two clinicians have no free time in common"));
    }

    private java.util.List<OffsetDateTime> slots(UUID clinician, Instant from) {
        var response = ApiCall.get(url("/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + clinician + "&limit=100&from=" + from), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var slots = new java.util.ArrayList<OffsetDateTime>();
        body(response).forEach(slot -> slots.add(OffsetDateTime.parse(slot.get("startsAt").asString())));
        return slots;
    }
}
