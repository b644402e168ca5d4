package org.clinicflow.followup.notification;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationDeliveryIT extends FollowupServiceIT {

    private static final String APPOINTMENTS = "clinic.booking.appointment";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whenTheSmsProviderFailsMessagesWaitAndAreSentOnceEachAfterItRecovers() {
        daytime();
        var patient = registerPatient(false, false, true, true);
        sms.failWith(503);
        var appointments = new ArrayList<UUID>();
        for (int i = 0; i < 8; i++) {
            var appointmentId = UUID.randomUUID();
            appointments.add(appointmentId);
            publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(),
                    appointmentId, patient.id(), Events.daysAhead(20 + i)));
        }
        await(Duration.ofSeconds(30), () -> confirmations(appointments).size() == 8);
        // The provider keeps failing: the breaker opens and the messages wait without spending their tries.
        await(Duration.ofSeconds(30), () -> jdbc.sql("""
                        select count(*) from notification where patient_id = :patient
                        and last_error like 'channel paused%'""").param("patient", patient.id())
                .query(Long.class).single() > 0);
        assertThat(confirmations(appointments)).noneMatch(id -> statusOf(id).equals("SENT"));
        assertThat(confirmations(appointments)).noneMatch(id -> statusOf(id).equals("FAILED"));

        sms.recover();
        await(Duration.ofSeconds(60), () -> confirmations(appointments).stream()
                .allMatch(id -> statusOf(id).equals("SENT")));
        var delivered = sms.delivered();
        for (var id : confirmations(appointments)) {
            assertThat(delivered).containsKey(id.toString());
            assertThat(delivered.get(id.toString()).phoneNumber()).isEqualTo(patient.mobile());
            assertThat(sms.requestsFor(id.toString())).isEqualTo(1);
        }
        assertThat(sms.deliveredTo(patient.mobile())).hasSize(8);
    }

    @Test
    void aNumberTheProviderRefusesFallsBackToConsentedEmailOrIsFlaggedAndNeverStopsAnyoneElse() throws Exception {
        daytime();
        var refusedWithEmail = registerPatient(true, true, true, true);
        var refusedOnly = registerPatient(false, false, true, true);
        var fine = registerPatient(false, false, true, true);
        sms.refuse(refusedWithEmail.mobile());
        sms.refuse(refusedOnly.mobile());
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var third = UUID.randomUUID();
        // Two-hour reminders are SMS first; these appointments are soon enough for the reminder to be due now.
        var soon = java.time.OffsetDateTime.now(org.clinicflow.followup.support.TestClockConfiguration.CLOCK).plusHours(2).plusSeconds(3).withNano(0);
        publish(APPOINTMENTS, first.toString(), Events.appointmentBooked(UUID.randomUUID(), first,
                refusedWithEmail.id(), soon));
        publish(APPOINTMENTS, second.toString(), Events.appointmentBooked(UUID.randomUUID(), second,
                refusedOnly.id(), soon));
        publish(APPOINTMENTS, third.toString(), Events.appointmentBooked(UUID.randomUUID(), third, fine.id(), soon));

        await(Duration.ofSeconds(40), () -> "EMAILSENT".equals(reminder(first, "channel || status")));
        assertThat(reminder(first, "fallen_back::text")).isEqualTo("true");
        assertThat(mailsTo(refusedWithEmail.email())).extracting(m -> m.getSubject())
                .contains("Reminder: your appointment");
        await(Duration.ofSeconds(40), () -> "FAILED".equals(reminder(second, "status")));
        await(Duration.ofSeconds(40), () -> "SMSSENT".equals(reminder(third, "channel || status")));
        assertThat(sms.deliveredTo(fine.mobile())).isNotEmpty();
        assertThat(sms.deliveredTo(refusedOnly.mobile())).isEmpty();

        var worklist = ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(worklist.body()).contains(reminder(second, "id::text")).doesNotContain(refusedOnly.mobile());
    }

    @Test
    void aPatientWithoutConsentIsNeverContactedAndTheClinicIsTold() {
        var patient = registerPatient(true, false, true, false);
        var appointmentId = UUID.randomUUID();
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), Events.daysAhead(9)));
        await(Duration.ofSeconds(30), () -> "FAILED".equals(confirmationStatus(appointmentId)));
        assertThat(mailsTo(patient.email())).isEmpty();
        assertThat(sms.deliveredTo(patient.mobile())).isEmpty();
        var worklist = ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(worklist.body()).contains(appointmentId.toString());

        // Reception records the patient's consent in booking-service; the clinic then sends the message again.
        var id = confirmationId(appointmentId);
        var retry = url("/api/followup/notifications/" + id + "/retry");
        assertThat(ApiCall.post(retry, tokenFor(DemoUsers.PATIENT), "").status()).isEqualTo(403);
        assertThat(ApiCall.post(url("/api/followup/notifications/" + UUID.randomUUID() + "/retry"),
                tokenFor(DemoUsers.RECEPTIONIST), "").status()).isEqualTo(404);
        publish("clinic.booking.patient", patient.id().toString(), Events.patientContactChanged(patient.id(),
                patient.email(), patient.mobile(), true, false));
        await(Duration.ofSeconds(30), () -> jdbc.sql("select email_consent from patient_contact where patient_id = :id")
                .param("id", patient.id()).query(Boolean.class).single());
        assertThat(ApiCall.post(retry, tokenFor(DemoUsers.RECEPTIONIST), "").status()).isEqualTo(202);
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(id)));
        assertThat(mailsTo(patient.email())).hasSize(1);
        assertThat(sms.deliveredTo(patient.mobile())).isEmpty();
        assertThat(ApiCall.post(retry, tokenFor(DemoUsers.RECEPTIONIST), "").status()).isEqualTo(409);
    }

    @Test
    void aBookingThatArrivesBeforeThePatientsRegistrationWaitsForItsContactDetails() {
        var patientId = UUID.randomUUID();
        var email = "p-" + patientId + "@example.test";
        var appointmentId = UUID.randomUUID();
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patientId, Events.daysAhead(9)));
        await(Duration.ofSeconds(30), () -> confirmationId(appointmentId) != null && jdbc.sql(
                "select attempts from notification where id = :id").param("id", confirmationId(appointmentId))
                .query(Integer.class).single() >= 1);
        assertThat(confirmationStatus(appointmentId)).isIn("SCHEDULED", "SENDING");

        publish("clinic.booking.patient", patientId.toString(),
                Events.patientRegistered(patientId, email, null, true, false));
        await(Duration.ofSeconds(30), () -> "SENT".equals(confirmationStatus(appointmentId)));
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void aPatientWhoOptsOutOfEmailIsReachedBySmsInstead() throws Exception {
        daytime();
        var mine = url("/api/followup/contact-preferences/mine");
        assertThat(put(mine, DemoUsers.PATIENT, "{}").statusCode()).isEqualTo(400);
        assertThat(put(mine, DemoUsers.PATIENT, "{\"emailOptOut\":true}").body()).contains("smsOptOut");
        assertThat(put(mine, DemoUsers.RECEPTIONIST, "{\"emailOptOut\":true,\"smsOptOut\":false}").statusCode())
                .isEqualTo(403);
        try {
            var optedOut = put(mine, DemoUsers.PATIENT, "{\"emailOptOut\":true,\"smsOptOut\":false}");
            assertThat(optedOut.statusCode()).isEqualTo(200);
            assertThat(optedOut.body()).contains("\"emailUsable\":false").doesNotContain("@");
            var appointmentId = UUID.randomUUID();
            publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(),
                    appointmentId, DemoUsers.PATIENT_ID, Events.daysAhead(12)));
            await(Duration.ofSeconds(30), () -> "SENT".equals(confirmationStatus(appointmentId)));
            var id = confirmationId(appointmentId);
            assertThat(jdbc.sql("select channel from notification where id = :id").param("id", id)
                    .query(String.class).single()).isEqualTo("SMS");
            assertThat(sms.delivered()).containsKey(id.toString());
        } finally {
            put(mine, DemoUsers.PATIENT, "{\"emailOptOut\":false,\"smsOptOut\":false}");
        }
    }

    private List<UUID> confirmations(List<UUID> appointments) {
        return appointments.stream().map(this::confirmationId).filter(java.util.Objects::nonNull).toList();
    }

    private UUID confirmationId(UUID appointmentId) {
        return jdbc.sql("select id from notification where appointment_id = :id and purpose = 'CONFIRMATION'")
                .param("id", appointmentId).query(UUID.class).optional().orElse(null);
    }

    private String confirmationStatus(UUID appointmentId) {
        var id = confirmationId(appointmentId);
        return id == null ? null : statusOf(id);
    }

    private String reminder(UUID appointmentId, String expression) {
        return jdbc.sql("select " + expression + " from notification where appointment_id = :id "
                        + "and purpose = 'TWO_HOURS_BEFORE'")
                .param("id", appointmentId).query(String.class).optional().orElse(null);
    }

    private static HttpResponse<String> put(String url, String user, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + tokenFor(user))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
