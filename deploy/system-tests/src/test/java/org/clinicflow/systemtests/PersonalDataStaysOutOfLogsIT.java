package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full flow through the gateway with a patient whose name, contact details and NHS number are unmistakable:
 * registration, a refused and a failed request, a contact change, a booking (whose events followup-service consumes),
 * reads by the patient, another patient and a surgeon, and the printable list that shows the name. Afterwards no
 * service's log, nor the gateway's, holds any of those values.
 */
class PersonalDataStaysOutOfLogsIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFullFlowLeavesNoNameContactDetailOrNhsNumberInAnyLog() throws Exception {
        var infrastructure = ClinicInfrastructure.shared();
        ClinicSystem system = RunningSystem.shared();
        var gateway = system.gatewayUrl();
        var issuer = infrastructure.keycloakIssuerUri();
        var reception = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        var marker = UUID.randomUUID().toString().substring(0, 8);
        var givenName = "Zebedee" + marker;
        var familyName = "Quixotic" + marker;
        var email = "zq" + marker + "@example.test";
        // One of Ofcom's drama mobiles, which booking-service accepts as the mobiles they stand for.
        var phone = "+44 7700 900" + String.format("%03d", Math.abs(marker.hashCode()) % 1000);
        var nhsNumber = "9434765870"; // valid check digit; asserted by its digits

        var registered = ApiCall.post(gateway + "/api/booking/patients", reception, """
                {"givenName":"%s","familyName":"%s","dateOfBirth":"1939-03-04","email":"%s","mobilePhone":"%s",
                 "nhsNumber":"%s","emailConsent":true,"smsConsent":true}""".formatted(givenName, familyName, email,
                phone, nhsNumber));
        assertThat(registered.status()).as(registered.body() + " " + registered.header("WWW-Authenticate"))
                .isEqualTo(201);
        var patientId = json.readTree(registered.body()).get("id").asString();
        // Refused and failing requests carrying the same values.
        assertThat(ApiCall.post(gateway + "/api/booking/patients", DemoUsers.accessToken(issuer, DemoUsers.SURGEON),
                registered.body()).status()).isEqualTo(403);
        assertThat(ApiCall.post(gateway + "/api/booking/patients", reception, """
                {"givenName":"%s","familyName":"%s","dateOfBirth":"2999-01-01","email":"%s","nhsNumber":"%s1",
                 "emailConsent":true,"smsConsent":false}""".formatted(givenName, familyName, email, nhsNumber))
                .status()).isIn(400, 422);
        var contact = ApiCall.send("PUT", gateway + "/api/booking/patients/" + patientId + "/contact", reception,
                "{\"email\":\"%s\",\"mobilePhone\":\"%s\",\"emailConsent\":true,\"smsConsent\":false}"
                        .formatted(email, phone), Map.of("If-Match", registered.header("ETag")));
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);

        var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + Instant.now().plus(Duration.ofDays(3)),
                reception);
        var startsAt = json.readTree(slots.body()).get(0).get("startsAt").asString();
        var booked = ApiCall.post(gateway + "/api/booking/appointments", reception, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s",
                 "reason":"pain since a fall; %s asked for mornings"}""".formatted(patientId,
                DemoUsers.SURGEON_CLINICIAN_ID, startsAt, givenName));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var appointmentId = json.readTree(booked.body()).get("id").asString();
        assertThat(ApiCall.get(gateway + "/api/booking/appointments/" + appointmentId,
                DemoUsers.accessToken(issuer, DemoUsers.OTHER_PATIENT)).status()).isEqualTo(404);
        var surgeon = DemoUsers.accessToken(issuer, DemoUsers.SURGEON);
        var day = LocalDate.parse(startsAt.substring(0, 10));
        var printable = ApiCall.send("GET", gateway + "/api/booking/clinicians/" + DemoUsers.SURGEON_CLINICIAN_ID
                + "/lists/CLINIC?date=" + day, surgeon, null, Map.of("Accept", "text/html"));
        assertThat(printable.body()).contains(givenName);
        // Give followup-service time to consume the registration, contact and booking events.
        Thread.sleep(3000);

        var personal = List.of(givenName, familyName, email, phone, phone.replace(" ", ""), nhsNumber,
                "943 476 5870", "1939-03-04");
        for (var process : system.processes()) {
            var log = Files.readString(process.logFile());
            assertThat(personal).as(process.name() + " log").noneMatch(log::contains);
        }
    }
}
